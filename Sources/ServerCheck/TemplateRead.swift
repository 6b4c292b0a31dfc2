import PreflightJSON

/// The answer to `resources/read` for a widget template a tool names.
public struct TemplateRead: Sendable, Hashable {
  /// The template URI.
  public var uri: String
  /// The read result, when the server answered with one.
  public var result: JSONValue?
  /// Why the read failed, when it did.
  public var failure: String?
  /// Wire-log seqs of the request and its answer.
  public var evidence: [Int]

  /// Makes a record.
  public init(uri: String, result: JSONValue? = nil, failure: String? = nil, evidence: [Int] = []) {
    self.uri = uri
    self.result = result
    self.failure = failure
    self.evidence = evidence
  }
}
