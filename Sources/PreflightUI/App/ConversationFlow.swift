import ApprovalPolicy
import HostFlow
import PreflightCore
import PreflightJSON

/// The conversation around the calls: proposing a call to the host flow, the transcript, the
/// policy switcher, a scenario walked one call at a time, the export, the widget template, and
/// the tool snapshot with its Refresh. Pure: it changes the state and returns effects.
enum ConversationFlow {
  /// Decides a proposed call under the policy and the remembered choices: opens the card, or
  /// hands the call to the host flow at once (which also logs refusals and remembered denials).
  static func propose(
    _ call: ModelCall, tool: JSONValue, origin: String, _ state: inout AppState
  ) -> [Effect] {
    // The host flow's own decision, so a widget-only tool is refused (no card) as it will be.
    let decision = ModelCallRunner(
      server: state.server?.name ?? "", policy: state.policy, conversation: state.conversation,
      ledger: state.ledger
    ).decide(tool: tool)
    state.pendingOrigin = origin
    if case .ask(let card) = decision {
      var pending = PendingApproval(card: card, call: call, tool: tool)
      pending.origin = origin
      state.approval = pending
      state.mode = .approval
      return []
    }
    state.mode = .normal
    let sends = decision.outcome?.sendsCall ?? false
    state.busy = sends
    switch decision.outcome?.kind {
    case .rememberedApprove:
      state.notice =
        "approved by a remembered choice, no card · " + CallFlow.invoking(tool, call.name)
    case .rememberedDeny:
      state.notice = "denied by a remembered choice, no card — nothing sent"
    case .refused:
      state.notice = "the \(state.policy.name) policy refuses \(call.name) — nothing sent"
    default:
      state.notice = CallFlow.invoking(tool, call.name)
    }
    return [.runCall(request(call, tool: tool, answer: nil, ledger: state.ledger, state))]
  }

  /// The effect's payload under the state's policy, conversation and request `_meta` edits.
  static func request(
    _ call: ModelCall, tool: JSONValue, answer: ApprovalAnswer?, ledger: RememberLedger,
    _ state: AppState
  ) -> ToolCallRequest {
    ToolCallRequest(
      call: call, tool: tool, answer: answer, ledger: ledger, policy: state.policy,
      conversation: state.conversation,
      metaOverride: state.requestMeta.isEdited ? state.requestMeta.override : nil)
  }

  /// A call came back from the host flow: it joins the transcript, and a widget template the
  /// tool names is read once.
  static func finished(_ record: CallRecord, _ state: inout AppState) -> [Effect] {
    let tool = state.tools.items.first { $0.name == record.call.name }?.raw
    state.transcript.append(
      TranscriptEntry(
        call: record.call, conversation: state.conversation, policy: state.policy,
        record: record,
        invoking: tool?["_meta"]?["openai/toolInvocation/invoking"]?.stringValue,
        invoked: tool?["_meta"]?["openai/toolInvocation/invoked"]?.stringValue,
        origin: state.pendingOrigin ?? "form"))
    state.pendingOrigin = nil
    switch record.outcome.kind {
    case .rememberedApprove:
      state.notice =
        "remembered: approved without a card"
        + (CallFlow.invoked(tool, record.call.name).map { " · " + $0 } ?? "")
    case .rememberedDeny:
      state.notice = "remembered: denied without a card — nothing sent"
    default: break
    }
    guard record.sent, record.result != nil, let uri = WidgetTemplate.uri(of: tool),
      state.templates[uri] == nil
    else { return [] }
    state.templates[uri] = .loading(uri)
    return [.readResource(uri)]
  }

  /// The answer to `resources/read` for a widget template.
  static func templateRead(
    _ uri: String, result: JSONValue?, error: String?, _ state: inout AppState
  ) {
    if let result {
      state.templates[uri] = WidgetTemplate(uri: uri, result: result)
    } else {
      state.templates[uri] = WidgetTemplate(uri: uri, error: error ?? "no answer")
    }
  }

  /// Switches to the next policy of `cli.md`; the tool list's decisions follow.
  static func cyclePolicy(_ state: inout AppState) {
    let all = Policy.allCases
    let index = all.firstIndex(of: state.policy) ?? 0
    state.policy = all[(index + 1) % all.count]
    state.header.policy = state.policy.name
    let server = state.server?.name ?? ""
    state.tools.items = state.tools.items.map {
      ToolItem(raw: $0.raw, server: server, policy: state.policy)
    }
    let asks = state.tools.items.filter { $0.decision == .ask }.count
    let refuses = state.tools.items.filter { $0.decision == .refuse }.count
    state.notice =
      "policy \(state.policy.name): \(asks) tool\(asks == 1 ? "" : "s") ask, \(refuses) refused"
      + " — p for the next policy"
    state.log.note(
      tag: "policy", text: "policy \(state.policy.name): " + state.policy.summary,
      time: state.wire.rows.last?.time ?? "")
  }

  /// Proposes the scenario's next call: unknown tools and arguments that fail the schema are
  /// noted and skipped (nothing is sent), as `preflight scenario` does.
  static func nextScenarioStep(_ state: inout AppState) -> [Effect] {
    guard var walk = state.scenario else {
      state.notice = "no scenario — start Preflight with --scenario FILE"
      return []
    }
    guard state.connection == .ready, !state.tools.loading else {
      state.notice = "not connected — the scenario waits"
      return []
    }
    guard !state.busy else {
      state.notice = "a call is still running"
      return []
    }
    guard !walk.finished else {
      state.notice = "scenario finished: \(walk.calls.count) calls — t shows the transcript"
      return []
    }
    let call = walk.calls[walk.next]
    walk.next += 1
    state.scenario = walk
    let origin = "scenario \(walk.position)"
    guard let tool = state.tools.items.first(where: { $0.name == call.name })?.raw else {
      skip(call, origin: origin, problem: "the server lists no tool named \(call.name)", &state)
      return []
    }
    let problems = ArgumentCheck.violations(call.arguments, tool: tool)
    guard problems.isEmpty else {
      let first = problems[0]
      skip(
        call, origin: origin,
        problem: "the arguments fail the input schema at \(first.path.isEmpty ? "/" : first.path): "
          + first.message, &state)
      return []
    }
    state.lastArguments[call.name] = call.arguments
    return propose(call, tool: tool, origin: origin, &state)
  }

  private static func skip(
    _ call: ModelCall, origin: String, problem: String, _ state: inout AppState
  ) {
    state.transcript.append(
      TranscriptEntry(
        call: call, conversation: state.conversation, policy: state.policy, record: nil,
        problem: problem, origin: origin))
    state.notice = "\(origin): \(call.name) not sent — \(problem)"
    state.log.note(
      tag: "scenario", text: state.notice ?? problem, time: state.wire.rows.last?.time ?? "")
  }

  /// Forgets the conversation's remembered choice number `number` (1-based, as listed).
  static func forgetRemembered(number: Int, _ state: inout AppState) {
    let remembered = state.ledger.entries(in: state.conversation)
    guard remembered.indices.contains(number - 1) else {
      state.notice = "no remembered choice \(number)"
      return
    }
    let entry = remembered[number - 1]
    state.ledger.forget(entry.key)
    state.notice =
      "forgot \(entry.choice.rawValue) for \(entry.key.tool): the card comes back next time"
    state.log.note(tag: "chat", text: state.notice ?? "", time: state.wire.rows.last?.time ?? "")
  }

  /// Opens the export prompt with a default path.
  static func openExport(_ state: inout AppState) {
    state.exportReturn = state.mode == .transcript ? .transcript : .normal
    if state.exportPath.isEmpty {
      state.exportPath = "preflight-transcript-\(state.conversation).json"
    }
    state.mode = .exportPath
  }

  /// Types into the export path.
  static func typeExport(_ c: Character, _ state: inout AppState) {
    state.exportPath.append(c)
  }

  /// Asks for the file to be written; the runner never replaces an existing file.
  static func submitExport(_ state: inout AppState) -> [Effect] {
    let path = String(state.exportPath.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    guard !path.isEmpty else {
      state.notice = "type a file name to export to"
      return []
    }
    state.mode = state.exportReturn
    state.notice = "exporting the transcript to \(path)…"
    return [.exportTranscript(path: path, document: exportDocument(state))]
  }

  /// The export finished: says where, or reopens the prompt with why.
  static func exportFinished(path: String, error: String?, _ state: inout AppState) {
    if let error {
      state.notice = error
      if state.mode == .normal || state.mode == .transcript {
        state.exportReturn = state.mode
        state.mode = .exportPath
      }
      return
    }
    state.notice = "transcript exported to \(path) (secrets redacted)"
    state.log.note(
      tag: "export", text: state.notice ?? path, time: state.wire.rows.last?.time ?? "")
  }

  /// The transcript as one JSON document: the server, the policy, the remembered choices of the
  /// current conversation, and every call in cli.md's call shape. Redacted by the runner.
  static func exportDocument(_ state: AppState) -> JSONValue {
    var o = JSONObject()
    if let server = state.server { o["server"] = server.json }
    o["profile"] = .string(state.header.profile)
    o["policy"] = .string(state.policy.name)
    o["conversation"] = .string(state.conversation)
    o["remembered"] = .array(
      state.ledger.entries(in: state.conversation).map {
        [
          "server": .string($0.key.server), "tool": .string($0.key.tool),
          "choice": .string($0.choice.rawValue),
        ]
      })
    if let walk = state.scenario {
      o["scenario"] = [
        "file": .string(walk.file), "proposed": .number(String(walk.next)),
        "calls": .number(String(walk.calls.count)),
      ]
    }
    if state.requestMeta.isEdited {
      o["requestMetaEdits"] = .object(state.requestMeta.override)
    }
    o["calls"] = .array(state.transcript.map(\.json))
    return .object(o)
  }

  /// `notifications/tools/list_changed` arrived: ChatGPT profiles keep the snapshot and flag it;
  /// other profiles list the tools again.
  static func toolsListChanged(_ state: inout AppState) -> [Effect] {
    let time = state.wire.rows.last?.time ?? ""
    if state.header.profile.hasPrefix("chatgpt") {
      state.toolsStale = true
      state.notice = "tools/list_changed: ChatGPT ignores this until you Refresh — press r"
      state.log.note(
        tag: "snapshot",
        text: "tools/list_changed ignored: ChatGPT keeps the tool snapshot until you Refresh (r)",
        time: time)
      return []
    }
    state.log.note(
      tag: "snapshot", text: "tools/list_changed: the \(state.header.profile) profile lists again",
      time: time)
    guard state.connection == .ready else { return [] }
    state.tools.loading = true
    return [.refreshTools]
  }

  /// A new listing replaces the snapshot; against the one before it makes the Refresh report,
  /// shown when anything changed.
  static func snapshotTaken(_ tools: [JSONValue], _ state: inout AppState) {
    let instructions = state.server?.instructions
    defer {
      state.snapshotInstructions = instructions
      state.toolsStale = false
    }
    guard state.tools.listedOnce else { return }
    let report = RefreshReport.between(
      state.tools.items.map(\.raw), tools, server: state.server?.name ?? "", policy: state.policy,
      instructionsBefore: state.snapshotInstructions, instructionsAfter: instructions)
    guard !report.isEmpty else { return }
    state.refresh = report
    state.refreshScroll = 0
    if report.instructionsChanged {
      state.log.note(
        tag: "tools", text: "server instructions changed", time: state.wire.rows.last?.time ?? "")
    }
    if !report.flips.isEmpty {
      state.log.note(
        tag: "tools",
        text: "approval changes: "
          + report.flips.map { "\($0.tool) \($0.before)→\($0.after)" }.joined(separator: ", "),
        time: state.wire.rows.last?.time ?? "")
    }
    if state.mode == .normal {
      state.mode = .refreshDiff
    } else {
      state.refreshUnseen = true
    }
  }
}
