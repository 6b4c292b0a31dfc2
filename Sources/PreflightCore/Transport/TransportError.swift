/// A transport could not start or could not send.
public struct TransportError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What went wrong and where, in words, with secrets already redacted.
  public var message: String

  /// Makes an error.
  public init(_ message: String) {
    self.message = message
  }

  /// The message.
  public var description: String { message }
}
