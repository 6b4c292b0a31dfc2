import ApprovalPolicy
import PreflightCore
import PreflightJSON

/// What happened to one model-style call: the approval, whether it was sent, and the answer.
public struct CallRecord: Sendable {
  /// The call as asked.
  public var call: ModelCall
  /// Whether the policy wanted approval (asked, or a remembered choice stood in for asking).
  public var approvalRequired: Bool
  /// How the approval ended.
  public var outcome: ApprovalOutcome
  /// Whether a `tools/call` went to the server.
  public var sent: Bool
  /// The raw result, when the server answered with one.
  public var result: JSONValue?
  /// The raw JSON-RPC error object, when the server answered with one.
  public var error: JSONValue?
  /// A connection or protocol failure that ended the call without an answer.
  public var failure: SessionError?
  /// Wire-log seq of the `tools/call` request, when one was sent.
  public var requestSeq: Int?
  /// Time from sending to the answer.
  public var elapsed: Duration?
  /// The `_meta` the `tools/call` carried, as the wire log recorded it (secrets redacted);
  /// nil when nothing was sent or it had none. Not part of ``json`` (cli.md's call shape).
  public var requestMeta: JSONValue?

  /// Makes a record.
  public init(
    call: ModelCall, approvalRequired: Bool, outcome: ApprovalOutcome, sent: Bool,
    result: JSONValue? = nil, error: JSONValue? = nil, failure: SessionError? = nil,
    requestSeq: Int? = nil, elapsed: Duration? = nil
  ) {
    self.call = call
    self.approvalRequired = approvalRequired
    self.outcome = outcome
    self.sent = sent
    self.result = result
    self.error = error
    self.failure = failure
    self.requestSeq = requestSeq
    self.elapsed = elapsed
  }

  /// Whether the result says `isError: true` (a tool error, not a protocol error).
  public var isToolError: Bool { result?["isError"] == .bool(true) }

  /// Whether the call ended in an error of any kind: a tool error, a JSON-RPC error or a failure.
  public var endedInError: Bool { isToolError || error != nil || failure != nil }

  /// Whether the approval stopped the call (denied, remembered deny, refused).
  public var wasStopped: Bool { !outcome.sendsCall }

  /// The record in cli.md's shape for one call.
  public var json: JSONValue {
    var approval = JSONObject()
    approval["required"] = .bool(approvalRequired)
    approval["decision"] = .string(outcome.name)
    approval["reason"] = .string(outcome.reason)
    var o = JSONObject()
    o["name"] = .string(call.name)
    o["arguments"] = call.arguments ?? .object(JSONObject())
    o["approval"] = .object(approval)
    o["sent"] = .bool(sent)
    o["result"] = result ?? .null
    o["error"] = error ?? .null
    if let failure { o["failure"] = .string(failure.description) }
    if let synthetic = outcome.syntheticResult, !sent { o["modelSees"] = synthetic }
    if let elapsed {
      let ms =
        Double(elapsed.components.seconds) * 1000
        + Double(elapsed.components.attoseconds) / 1e15
      o["elapsedMs"] = .double((ms * 10).rounded() / 10)
    }
    return .object(o)
  }
}
