import PreflightJSON

/// How one outgoing request is timed and tracked.
public struct RequestOptions: Sendable {
  /// Time allowed without an answer; nil waits forever.
  public var timeout: Duration?
  /// Whether a progress notification for this request restarts the timeout.
  public var resetOnProgress: Bool
  /// A cap on the whole request despite progress resets; nil for none.
  public var maxTotal: Duration?
  /// The `_meta.progressToken` to put on the request, if any.
  public var progressToken: JSONValue?

  /// Makes options.
  public init(
    timeout: Duration? = .seconds(60), resetOnProgress: Bool = false, maxTotal: Duration? = nil,
    progressToken: JSONValue? = nil
  ) {
    self.timeout = timeout
    self.resetOnProgress = resetOnProgress
    self.maxTotal = maxTotal
    self.progressToken = progressToken
  }
}
