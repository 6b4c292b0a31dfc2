/// Why some bytes are not a JSON value, and where.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The byte offset where parsing stopped.
  public var offset: Int
  /// What was wrong, in plain words.
  public var reason: String

  /// Makes an error.
  public init(offset: Int, reason: String) {
    self.offset = offset
    self.reason = reason
  }

  /// `reason at byte N`.
  public var description: String { "\(reason) at byte \(offset)" }
}
