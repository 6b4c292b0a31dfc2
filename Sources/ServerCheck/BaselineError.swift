/// Why a file is not a usable baseline.
public struct BaselineError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The reason, in words.
  public var description: String

  /// Makes an error.
  public init(_ description: String) {
    self.description = description
  }
}
