import PreflightJSON

/// Everything the gatherer saw, as plain values: the rule engine (``CheckEngine``) turns it
/// into findings without a network.
public struct CheckObservation: Sendable, Hashable {
  /// The target and transport.
  public var target: CheckTarget
  /// Why the connection failed, when it did (then little else is known).
  public var connectionFailure: String?
  /// The `server/discover` probe, for HTTP targets.
  public var discover: DiscoverProbe?
  /// The `initialize` result as sent, when the handshake got one.
  public var initializeResult: JSONValue?
  /// Wire-log seqs of `initialize` and its answer.
  public var initializeEvidence: [Int]
  /// Session and content-type headers of the server's answers.
  public var http: HTTPFacts
  /// Each `tools/list` page's result as sent, in order.
  public var toolPages: [JSONValue]
  /// Wire-log seqs of the `tools/list` answers.
  public var toolsEvidence: [Int]
  /// Why listing tools stopped, when it did (an error, a cursor loop).
  public var toolsFailure: String?
  /// Widget templates read.
  public var templates: [TemplateRead]
  /// OAuth discovery, when it ran.
  public var auth: AuthObservation?
  /// Calls made by `--call-read-only`; nil when the option was not given.
  public var calls: [ToolCallObservation]?
  /// Redirect chains met by the check's own HTTP requests (only those with a redirect).
  public var redirects: [RedirectChain]

  /// Makes an observation.
  public init(
    target: CheckTarget, connectionFailure: String? = nil, discover: DiscoverProbe? = nil,
    initializeResult: JSONValue? = nil, initializeEvidence: [Int] = [],
    http: HTTPFacts = HTTPFacts(),
    toolPages: [JSONValue] = [], toolsEvidence: [Int] = [], toolsFailure: String? = nil,
    templates: [TemplateRead] = [], auth: AuthObservation? = nil,
    calls: [ToolCallObservation]? = nil, redirects: [RedirectChain] = []
  ) {
    self.target = target
    self.connectionFailure = connectionFailure
    self.discover = discover
    self.initializeResult = initializeResult
    self.initializeEvidence = initializeEvidence
    self.http = http
    self.toolPages = toolPages
    self.toolsEvidence = toolsEvidence
    self.toolsFailure = toolsFailure
    self.templates = templates
    self.auth = auth
    self.calls = calls
    self.redirects = redirects
  }

  /// Every tool of every page, in order, as sent.
  public var tools: [JSONValue] {
    toolPages.flatMap { $0["tools"]?.arrayValue ?? [] }
  }

  /// The server's name from the initialize result (empty when unknown).
  public var serverName: String {
    initializeResult?["serverInfo"]?["name"]?.stringValue ?? ""
  }
}
