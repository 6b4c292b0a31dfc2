import PreflightJSON

/// How the server answered ChatGPT's `server/discover` probe (mcp-2026-07-28.md §15.2).
public struct DiscoverProbe: Sendable, Hashable {
  /// The HTTP status; nil when the exchange failed before one.
  public var status: Int?
  /// The response's `Content-Type`, if any.
  public var contentType: String?
  /// The JSON-RPC message that answered, if one could be read from the body.
  public var message: JSONValue?
  /// Why the exchange failed, when it did (network error, timeout, unreadable body).
  public var failure: String?
  /// Wire-log seq numbers of the probe and its answer.
  public var evidence: [Int]

  /// Makes a probe record.
  public init(
    status: Int? = nil, contentType: String? = nil, message: JSONValue? = nil,
    failure: String? = nil, evidence: [Int] = []
  ) {
    self.status = status
    self.contentType = contentType
    self.message = message
    self.failure = failure
    self.evidence = evidence
  }
}
