import PreflightJSON

/// One `tools/call` made by `--call-read-only`.
public struct ToolCallObservation: Sendable, Hashable {
  /// The tool called.
  public var tool: String
  /// The result, when the server answered with one.
  public var result: JSONValue?
  /// Why the call failed (a JSON-RPC error or a transport failure), when it did.
  public var failure: String?
  /// Wire-log seqs of the request and its answer.
  public var evidence: [Int]

  /// Makes a record.
  public init(
    tool: String, result: JSONValue? = nil, failure: String? = nil, evidence: [Int] = []
  ) {
    self.tool = tool
    self.result = result
    self.failure = failure
    self.evidence = evidence
  }
}
