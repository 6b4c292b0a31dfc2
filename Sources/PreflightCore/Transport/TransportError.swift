/// A transport could not start or could not send.
public struct TransportError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What went wrong and where, in words, with secrets already redacted.
  public var message: String
  /// The HTTP status the server answered with, when the failure is an HTTP status (a `401`, a
  /// `404`…); nil for everything else.
  public var httpStatus: Int?
  /// Whether the server said that the session is gone (`404` on a request that carried an
  /// `Mcp-Session-Id`): the client must start over with a fresh `initialize`.
  public var isSessionExpired: Bool

  /// Makes an error.
  /// Whether the channel itself is gone (the process exited, the pipe broke): the transport's
  /// close report, which says why, follows shortly and explains the failure better.
  public var channelGone: Bool

  /// Makes an error.
  public init(
    _ message: String, httpStatus: Int? = nil, isSessionExpired: Bool = false,
    channelGone: Bool = false
  ) {
    self.message = message
    self.httpStatus = httpStatus
    self.isSessionExpired = isSessionExpired
    self.channelGone = channelGone
  }

  /// The message.
  public var description: String { message }
}
