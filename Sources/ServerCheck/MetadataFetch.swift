import PreflightJSON

/// One `GET` of an OAuth metadata document.
public struct MetadataFetch: Sendable, Hashable {
  /// The URL fetched.
  public var url: String
  /// The HTTP status; nil when the request failed before one.
  public var status: Int?
  /// The body, when it parsed as JSON.
  public var document: JSONValue?
  /// Why it failed (network error, non-JSON body), if it did.
  public var failure: String?
  /// Wire-log seqs of the request and its answer.
  public var evidence: [Int]

  /// Makes a fetch record.
  public init(
    url: String, status: Int? = nil, document: JSONValue? = nil, failure: String? = nil,
    evidence: [Int] = []
  ) {
    self.evidence = evidence
    self.url = url
    self.status = status
    self.document = document
    self.failure = failure
  }

  /// Whether it answered 200 with a JSON object.
  public var succeeded: Bool {
    status == 200 && document?.objectValue != nil
  }
}
