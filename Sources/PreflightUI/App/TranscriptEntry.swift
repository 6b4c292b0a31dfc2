import ApprovalPolicy
import HostFlow
import PreflightJSON

/// One proposed call in the conversation's transcript: what the "model" asked, what the
/// approval decided (remembered or not), the invoking and invoked texts, and how it ended.
public struct TranscriptEntry: Sendable {
  /// The call as proposed.
  public var call: ModelCall
  /// The conversation it belongs to.
  public var conversation: String
  /// The policy that decided it.
  public var policy: Policy
  /// How the host flow ended it, or nil when it never reached the flow (an unknown tool, or
  /// arguments that fail the schema in a scenario).
  public var record: CallRecord?
  /// Why it never reached the flow.
  public var problem: String?
  /// The tool's `openai/toolInvocation/invoking` text, if it has one.
  public var invoking: String?
  /// The tool's `openai/toolInvocation/invoked` text, if it has one.
  public var invoked: String?
  /// Where the call came from: `form` or `scenario 2/5`.
  public var origin: String

  /// Makes an entry.
  public init(
    call: ModelCall, conversation: String, policy: Policy, record: CallRecord?,
    problem: String? = nil, invoking: String? = nil, invoked: String? = nil, origin: String
  ) {
    self.call = call
    self.conversation = conversation
    self.policy = policy
    self.record = record
    self.problem = problem
    self.invoking = invoking
    self.invoked = invoked
    self.origin = origin
  }

  /// Whether a remembered choice decided it (no card was shown).
  public var remembered: Bool {
    guard let kind = record?.outcome.kind else { return false }
    return kind == .rememberedApprove || kind == .rememberedDeny
  }

  /// The decision in words: `approved`, `denied (remembered)`, `not-required`, …
  public var decisionText: String {
    guard let record else { return "not proposed" }
    switch record.outcome.kind {
    case .rememberedApprove: return "approved (remembered — no card)"
    case .rememberedDeny: return "denied (remembered — no card)"
    default: return record.outcome.name
    }
  }

  /// One line on how it ended: the result's shape, the error, or what the model gets instead.
  public var summary: String {
    if let problem { return "not sent: " + problem }
    guard let record else { return "" }
    guard record.sent else {
      let text =
        record.outcome.syntheticResult?["content"]?[0]?["text"]?.stringValue
        ?? "nothing"
      return "not sent — the model receives an error result: \"\(text)\""
    }
    if let failure = record.failure { return "failed: " + failure.description }
    if let error = record.error {
      return "protocol error \(error["code"]?.numberText ?? "?"): "
        + (error["message"]?.stringValue ?? "")
    }
    guard let result = record.result else { return "no result" }
    let blocks = result["content"]?.arrayValue ?? []
    var parts = ["\(blocks.count) content block\(blocks.count == 1 ? "" : "s")"]
    if let first = blocks.first?["text"]?.stringValue {
      // The first non-empty line's first 40 characters, without copying or counting the rest
      // (the text may be 50 MB on one line).
      let head = first.drop { $0 == "\n" }.prefix { $0 != "\n" }.prefix(41)
      parts[0] += " (\"" + (head.count > 40 ? String(head.prefix(40)) + "…" : String(head)) + "\")"
    }
    if result["structuredContent"] != nil { parts.append("structuredContent") }
    if result["_meta"] != nil { parts.append("_meta for the widget") }
    return (record.isToolError ? "tool error: " : "result: ") + parts.joined(separator: ", ")
  }

  /// The entry for the export: `CallRecord.json`'s shape, plus the conversation, the policy,
  /// the texts, where it came from, and the `_meta` the request carried (as the wire log
  /// recorded it, secrets redacted).
  public var json: JSONValue {
    var o: JSONObject
    if let record, case .object(let recorded) = record.json {
      o = recorded
    } else {
      o = JSONObject()
      o["name"] = .string(call.name)
      o["arguments"] = call.arguments ?? .object(JSONObject())
      o["sent"] = .bool(false)
      o["problem"] = .string(problem ?? "")
    }
    o["conversation"] = .string(conversation)
    o["policy"] = .string(policy.name)
    o["origin"] = .string(origin)
    o["remembered"] = .bool(remembered)
    if let meta = record?.requestMeta { o["requestMeta"] = meta }
    if let invoking, record?.sent == true { o["invoking"] = .string(invoking) }
    if let invoked, record?.sent == true { o["invoked"] = .string(invoked) }
    o["summary"] = .string(summary)
    return .object(o)
  }
}
