/// Why a URI template could not be parsed.
public struct URITemplateError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The character offset of the offending expression.
  public var offset: Int
  /// What is wrong.
  public var reason: String

  /// Makes an error.
  public init(offset: Int, reason: String) {
    self.offset = offset
    self.reason = reason
  }

  /// A sentence for people.
  public var description: String { "invalid URI template at offset \(offset): \(reason)" }
}
