import PreflightJSON

/// Command-line overrides of a client profile.
public struct SessionSettings: Sendable {
  /// `--protocol-version`.
  public var protocolVersion: String?
  /// `--timeout`.
  public var timeout: Duration?
  /// `--max-time`.
  public var maxTime: Duration?
  /// `--connect-timeout`: from spawn or first byte through initialize.
  public var connectTimeout: Duration
  /// `--progress` (true) / `--no-progress` (false); nil keeps the profile's choice.
  public var progress: Bool?
  /// `--request-meta`: merged into every request's `_meta`.
  public var requestMeta: JSONObject?
  /// `--log-level`: sent with `logging/setLevel` after connecting, when the server logs.
  public var logLevel: String?
  /// The per-user `openai/subject` and per-conversation `openai/session` values put in place of
  /// the profile's placeholders on `tools/call`; nil keeps the placeholders as they are.
  public var identity: RequestIdentity?

  /// Makes settings; everything defaults to the profile's values.
  public init(
    protocolVersion: String? = nil, timeout: Duration? = nil, maxTime: Duration? = nil,
    connectTimeout: Duration = .seconds(10), progress: Bool? = nil,
    requestMeta: JSONObject? = nil, logLevel: String? = nil, identity: RequestIdentity? = nil
  ) {
    self.protocolVersion = protocolVersion
    self.timeout = timeout
    self.maxTime = maxTime
    self.connectTimeout = connectTimeout
    self.progress = progress
    self.requestMeta = requestMeta
    self.logLevel = logLevel
    self.identity = identity
  }
}
