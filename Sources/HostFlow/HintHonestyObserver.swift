import ApprovalPolicy
import PreflightCore
import PreflightJSON

/// Watches the wire log for read-only tools that change state (issue 12 §3): after a
/// `tools/call` of a tool that declares `readOnlyHint: true`, any of
/// - an inbound `notifications/resources/updated`,
/// - an inbound `notifications/…/list_changed`,
/// - a `resources/read` (same URI) or `tools/list` (same cursor) answered differently from the
///   last time it was read before the call
///
/// is evidence that the hint is untrue. Pure: it reads records and returns findings.
///
/// Attribution: an event belongs to the latest `tools/call` sent before it, so a change that
/// follows a later write call is not blamed on an earlier read-only one. A changed answer counts
/// only when exactly one call (the read-only one) was sent between the two reads.
public enum HintHonestyObserver {
  /// The behavioural findings in `records` (in `seq` order) for the tools in `tools` (raw
  /// `tools/list` objects); one finding per tool, its evidence in order.
  public static func findings(records: [WireRecord], tools: [JSONValue]) -> [HintFinding] {
    let readOnly = Set(
      tools.compactMap { tool -> String? in
        let facts = ToolFacts(tool: tool, server: "")
        return facts.readOnly.isTrue ? facts.name : nil
      })
    var state = Scan(readOnly: readOnly)
    for record in records.sorted(by: { $0.seq < $1.seq }) {
      state.read(record)
    }
    return state.order.compactMap { name in
      guard let found = state.found[name] else { return nil }
      return HintFinding(
        tool: name, rule: .readOnlyMutates, message: message(tool: name, evidence: found.evidence),
        calls: found.calls, evidence: found.evidence)
    }
  }

  /// The name-heuristic findings for the tools in a listing (``MutatingNameHeuristic``).
  public static func nameFindings(tools: [JSONValue]) -> [HintFinding] {
    tools.compactMap { tool in
      let facts = ToolFacts(tool: tool, server: "")
      guard let message = MutatingNameHeuristic.finding(for: facts) else { return nil }
      return HintFinding(tool: facts.name, rule: .readOnlyMutatingName, message: message)
    }
  }

  private static func message(tool: String, evidence: [HintEvidence]) -> String {
    let seqs = evidence.map { String($0.seq) }.joined(separator: ", ")
    let first = evidence.first?.what ?? ""
    return "\(tool) declares readOnlyHint: true, so ChatGPT runs it without asking, but its call "
      + "was followed by \(first)"
      + (evidence.count > 1 ? " and \(evidence.count - 1) more sign(s)" : "")
      + " (wire-log record\(evidence.count == 1 ? "" : "s") \(seqs))"
  }

  /// The tools/call most recently sent.
  private struct Call {
    var tool: String
    var seq: Int
    var id: JSONValue?
    var index: Int
    var answered = false
  }

  /// A resources/read or tools/list request waiting for its answer.
  private struct Read {
    var key: String
    var callIndex: Int
  }

  /// The last answer to a read.
  private struct Answer {
    var result: JSONValue
    var seq: Int
    var callIndex: Int
  }

  private struct Found {
    var calls: [Int] = []
    var evidence: [HintEvidence] = []
  }

  private struct Scan {
    let readOnly: Set<String>
    var lastCall: Call?
    var callCount = 0
    var pending: [JSONValue: Read] = [:]
    var answers: [String: Answer] = [:]
    var found: [String: Found] = [:]
    var order: [String] = []

    init(readOnly: Set<String>) {
      self.readOnly = readOnly
    }

    mutating func read(_ record: WireRecord) {
      guard let message = record.message else { return }
      let method = message["method"]?.stringValue
      switch record.direction {
      case .outbound:
        guard let method, let id = message["id"] else { return }
        switch method {
        case "tools/call":
          callCount += 1
          lastCall = Call(
            tool: message["params"]?["name"]?.stringValue ?? "", seq: record.seq, id: id,
            index: callCount)
        case "resources/read":
          let uri = message["params"]?["uri"]?.stringValue ?? ""
          pending[id] = Read(key: "resources/read \(uri)", callIndex: callCount)
        case "tools/list":
          let cursor = message["params"]?["cursor"].map { JSONPrinter.compact($0) } ?? "first page"
          pending[id] = Read(key: "tools/list \(cursor)", callIndex: callCount)
        default:
          return
        }
      case .inbound:
        if let method {
          guard message["id"] == nil else { return }
          notification(method, message: message, record: record)
        } else if let id = message["id"] {
          if var call = lastCall, call.id == id {
            call.answered = true
            lastCall = call
          }
          if let read = pending.removeValue(forKey: id), let result = message["result"] {
            answer(read, result: result, record: record)
          }
        }
      default:
        return
      }
    }

    mutating func notification(_ method: String, message: JSONValue, record: WireRecord) {
      let changes =
        method == "notifications/resources/updated" || method.hasSuffix("/list_changed")
      guard changes, let call = lastCall, readOnly.contains(call.tool) else { return }
      var what = method
      if let uri = message["params"]?["uri"]?.stringValue { what += " for \(uri)" }
      what += call.answered ? " after the call answered" : " while the call ran"
      add(call, HintEvidence(seq: record.seq, timeMillis: record.timeMillis, what: what))
    }

    mutating func answer(_ read: Read, result: JSONValue, record: WireRecord) {
      let now = Answer(result: Self.comparable(result), seq: record.seq, callIndex: read.callIndex)
      defer { answers[read.key] = now }
      guard let before = answers[read.key], before.callIndex == read.callIndex - 1,
        let call = lastCall, call.index == read.callIndex, readOnly.contains(call.tool),
        before.result != now.result
      else { return }
      add(
        call,
        HintEvidence(
          seq: record.seq, timeMillis: record.timeMillis,
          what: "a different answer to \(read.key) than before the call (record \(before.seq))"))
    }

    mutating func add(_ call: Call, _ evidence: HintEvidence) {
      if found[call.tool] == nil { order.append(call.tool) }
      var f = found[call.tool, default: Found()]
      if !f.calls.contains(call.seq) { f.calls.append(call.seq) }
      f.evidence.append(evidence)
      found[call.tool] = f
    }

    /// The result without its `_meta`, which may carry timestamps that change on every read.
    static func comparable(_ result: JSONValue) -> JSONValue {
      guard var o = result.objectValue else { return result }
      o["_meta"] = nil
      return .object(o)
    }
  }
}
