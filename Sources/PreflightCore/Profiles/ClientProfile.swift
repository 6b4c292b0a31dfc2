import PreflightJSON

/// What Preflight sends as a client: identity, protocol version, capabilities, request `_meta`,
/// progress tokens, session-id echo and timeouts. Profiles are data; `preflight profiles` prints
/// them in full.
public struct ClientProfile: Sendable, Hashable {
  /// The name used on the command line (`chatgpt`, `chatgpt-2025`, `full`).
  public var name: String
  /// One line on what the profile stands for.
  public var summary: String
  /// `clientInfo` sent in `initialize`.
  public var clientInfo: JSONValue
  /// The protocol version offered in `initialize`.
  public var protocolVersion: String
  /// `capabilities` sent in `initialize`.
  public var capabilities: JSONValue
  /// Whether requests carry `_meta.progressToken`.
  public var sendsProgressTokens: Bool
  /// `_meta` added to every `tools/call` (ChatGPT's keys, placeholder values).
  public var toolCallMeta: JSONValue
  /// `_meta` added to `initialize` (ChatGPT sends its locale there).
  public var initializeMeta: JSONValue
  /// When `Mcp-Session-Id` is echoed on HTTP.
  public var sessionIDEcho: SessionIDEcho
  /// Whether the GET stream is opened after initialize (HTTP).
  public var opensGetStream: Bool
  /// Per-request timeout.
  public var timeout: Duration
  /// Whether progress notifications restart the timeout.
  public var resetTimeoutOnProgress: Bool
  /// Cap on one request despite progress resets.
  public var maxTotal: Duration?
  /// How request ids are made.
  public var idStyle: RequestIDStyle
  /// Which values are observed rather than documented, and where they come from.
  public var provenance: [String]

  /// Makes a profile.
  public init(
    name: String, summary: String, clientInfo: JSONValue, protocolVersion: String,
    capabilities: JSONValue, sendsProgressTokens: Bool, toolCallMeta: JSONValue,
    initializeMeta: JSONValue, sessionIDEcho: SessionIDEcho, opensGetStream: Bool,
    timeout: Duration, resetTimeoutOnProgress: Bool, maxTotal: Duration?,
    idStyle: RequestIDStyle, provenance: [String]
  ) {
    self.name = name
    self.summary = summary
    self.clientInfo = clientInfo
    self.protocolVersion = protocolVersion
    self.capabilities = capabilities
    self.sendsProgressTokens = sendsProgressTokens
    self.toolCallMeta = toolCallMeta
    self.initializeMeta = initializeMeta
    self.sessionIDEcho = sessionIDEcho
    self.opensGetStream = opensGetStream
    self.timeout = timeout
    self.resetTimeoutOnProgress = resetTimeoutOnProgress
    self.maxTotal = maxTotal
    self.idStyle = idStyle
    self.provenance = provenance
  }

  /// Request options for an ordinary request under this profile.
  public func requestOptions(progressToken: JSONValue? = nil) -> RequestOptions {
    RequestOptions(
      timeout: timeout, resetOnProgress: resetTimeoutOnProgress, maxTotal: maxTotal,
      progressToken: sendsProgressTokens ? progressToken : nil)
  }

  /// The profile as JSON, every column, for `preflight profiles --json`.
  public var json: JSONValue {
    var o = JSONObject()
    o["name"] = .string(name)
    o["summary"] = .string(summary)
    o["clientInfo"] = clientInfo
    o["protocolVersion"] = .string(protocolVersion)
    o["capabilities"] = capabilities
    o["progressTokens"] = .bool(sendsProgressTokens)
    o["toolCallMeta"] = toolCallMeta
    o["initializeMeta"] = initializeMeta
    o["sessionIdEcho"] = .string(sessionIDEcho.rawValue)
    o["opensGetStream"] = .bool(opensGetStream)
    o["timeoutSeconds"] = .double(Double(timeout.components.seconds))
    o["resetTimeoutOnProgress"] = .bool(resetTimeoutOnProgress)
    o["maxTotalSeconds"] = maxTotal.map { .double(Double($0.components.seconds)) } ?? .null
    switch idStyle {
    case .numeric(let start): o["requestIds"] = .string("integers from \(start)")
    case .string(let prefix): o["requestIds"] = .string("strings \"\(prefix)N\"")
    }
    o["provenance"] = .array(provenance.map { .string($0) })
    return .object(o)
  }
}
