import PreflightJSON

/// What a request handler can do besides answering.
public struct DemoRequestContext: Sendable {
  /// The request's `params._meta.progressToken`, if the client sent one.
  public var progressToken: JSONValue?
  /// Sends a notification (method and params) to the client.
  public var notify: @Sendable (_ method: String, _ params: JSONValue) async -> Void

  /// Makes a context from the progress token and a way to send notifications.
  public init(
    progressToken: JSONValue?,
    notify: @escaping @Sendable (String, JSONValue) async -> Void
  ) {
    self.progressToken = progressToken
    self.notify = notify
  }
}
