import ApprovalPolicy
import PreflightCore
import PreflightJSON

/// ChatGPT's host flow for model-style calls within one conversation: decide with the policy,
/// settle the card with an answer given ahead of time, record every approval step in the wire
/// log as a `local` entry, and send the `tools/call` only when the outcome allows it.
///
/// Headless commands and the TUI share this flow, so their decisions are the same.
public struct ModelCallRunner: Sendable {
  /// The connector (server) name, part of the remember key.
  public let server: String
  /// The approval policy.
  public let policy: Policy
  /// The conversation the remembered choices belong to.
  public let conversation: String
  /// Remembered choices so far.
  public private(set) var ledger: RememberLedger

  /// Makes a runner; the ledger holds the conversation's remembered choices so far.
  public init(
    server: String, policy: Policy, conversation: String = "conversation-1",
    ledger: RememberLedger = .empty
  ) {
    self.server = server
    self.policy = policy
    self.conversation = conversation
    self.ledger = ledger
  }

  /// The decision for calling `tool` (the raw tool object from `tools/list`) now.
  ///
  /// A tool hidden from the model (``ToolVisibility``) is refused before the policy is asked,
  /// as a host never offers it to the model, whatever the policy or a remembered choice says.
  public func decide(tool: JSONValue) -> Decision {
    let name = tool["name"]?.stringValue ?? ""
    if let refusal = ToolVisibility(tool: tool).refusal(toolName: name) {
      return .refuse(refusal)
    }
    return ApprovalPolicy.decide(
      ToolFacts(tool: tool, server: server), policy: policy, ledger: ledger,
      conversation: conversation)
  }

  /// Runs one call: decides, settles with `answer` (nil: a card stays unanswered and is
  /// denied), logs the approval, and sends the call when allowed. `metaOverride` (the TUI's
  /// edits; `null` leaves a key out) is merged over the request's `_meta` for this call.
  public mutating func run(
    _ call: ModelCall, tool: JSONValue, answer: ApprovalAnswer?, session: MCPClientSession,
    metaOverride: JSONObject? = nil
  ) async -> CallRecord {
    let decision = decide(tool: tool)
    let log = session.log
    let transport = session.peer.transportKind
    var details = JSONObject()
    details["tool"] = .string(call.name)
    details["arguments"] = call.arguments ?? .object(JSONObject())
    details["policy"] = .string(policy.name)
    let required: Bool
    switch decision {
    case .ask:
      required = true
      log.recordLocal(
        kind: "approval-asked",
        text: "approval asked for \(call.name): \(decision.reason)",
        details: .object(details), transport: transport)
    case .run(let outcome), .refuse(let outcome):
      // A widget-only tool is refused before any approval question arises.
      let visibility = ToolVisibility(tool: tool)
      required = outcome.kind != .notRequired && !visibility.hiddenFromModel
      if let hiddenBy = visibility.hiddenBy { details["hiddenBy"] = .string(hiddenBy.rawValue) }
    }
    let (newLedger, outcome) = ApprovalPolicy.resolve(decision, answer: answer, ledger: ledger)
    ledger = newLedger
    if let kind = outcome.kind.wireLogKind {
      var d = details
      d["decision"] = .string(outcome.name)
      d["reason"] = .string(outcome.reason)
      if let synthetic = outcome.syntheticResult { d["modelSees"] = synthetic }
      log.recordLocal(
        kind: kind, text: CallRecord.logText(outcome, tool: call.name),
        details: .object(d), transport: transport)
    }
    guard outcome.sendsCall else {
      return CallRecord(call: call, approvalRequired: required, outcome: outcome, sent: false)
    }
    let clock = ContinuousClock()
    let start = clock.now
    var record = CallRecord(call: call, approvalRequired: required, outcome: outcome, sent: true)
    let firstSeq = log.lastSeq + 1
    do {
      record.result = try await session.callTool(
        call.name, arguments: call.arguments, conversation: conversation,
        metaOverride: metaOverride)
    } catch {
      if case .rpc(_, let rpcError) = error {
        record.error = rpcError.raw
      } else {
        record.failure = error
      }
    }
    record.elapsed = clock.now - start
    let request = log.records(after: firstSeq - 1).first {
      $0.direction == .outbound && $0.message?["method"] == "tools/call"
    }
    record.requestSeq = request?.seq
    record.requestMeta = request?.message?["params"]?["_meta"]
    return record
  }
}

extension CallRecord {
  /// The wire log's text for an approval outcome.
  static func logText(_ outcome: ApprovalOutcome, tool: String) -> String {
    switch outcome.kind {
    case .denied: "approval denied for \(tool) — no request sent"
    case .rememberedDeny: "denied for \(tool) by a remembered choice — no request sent"
    case .refused: "refused for \(tool) by the policy — no request sent"
    case .approved: "approval given for \(tool)"
    case .rememberedApprove: "approved for \(tool) by a remembered choice"
    case .notRequired: "no approval needed for \(tool)"
    }
  }
}
