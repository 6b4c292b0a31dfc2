import ApprovalPolicy
import HostFlow
import PreflightCore
import PreflightJSON
import PreflightUI
import TerminalGrid
import Testing

/// The conversation around the card: remembered choices and their visibility, new
/// conversation and reload, the transcript and its export, the policy switcher, scenarios,
/// widget templates, and the tool snapshot with Refresh.
@Suite struct ConversationFlowTests {
  func press(_ state: inout AppState, _ keys: Key...) -> [Effect] {
    keys.flatMap { AppUpdate.update(&state, .key($0)) }
  }

  func typing(_ state: inout AppState, _ text: String) {
    for c in text { _ = AppUpdate.update(&state, .key(.character(c))) }
  }

  /// Calls create_task with title `x` from the form; returns the effects of Enter.
  func submitCreateTask(_ state: inout AppState) -> [Effect] {
    state.tools.selectedName = "create_task"
    _ = press(&state, .character("c"))
    typing(&state, "x")
    return press(&state, .enter)
  }

  func request(_ effects: [Effect]) -> ToolCallRequest? {
    for effect in effects {
      if case .runCall(let request) = effect { return request }
    }
    return nil
  }

  /// What the host flow answers for a request (as ModelCallRunner would decide it).
  func finish(_ state: inout AppState, _ request: ToolCallRequest) -> [Effect] {
    let facts = ToolFacts(tool: request.tool, server: "preflight-demo")
    let decision = ApprovalPolicy.decide(
      facts, policy: request.policy, ledger: request.ledger, conversation: request.conversation)
    let (_, outcome) = ApprovalPolicy.resolve(
      decision, answer: request.answer, ledger: request.ledger)
    let record = CallRecord(
      call: request.call, approvalRequired: decision.kind == .ask, outcome: outcome,
      sent: outcome.sendsCall,
      result: outcome.sendsCall ? ["content": [["type": "text", "text": "done"]]] : nil)
    return AppUpdate.update(&state, .callFinished(record))
  }

  @Test func `approve with remember skips the card next time and the transcript says remembered`() {
    var state = UIFixtures.state()
    #expect(submitCreateTask(&state).isEmpty)
    #expect(state.mode == .approval, "the first call stops at the card")
    let first = request(press(&state, .character(" "), .character("a")))
    #expect(first?.answer == .approveRemember)
    _ = finish(&state, first!)
    _ = press(&state, .escape)
    #expect(
      state.ledger.entries(in: "conversation-1").map(\.choice) == [.approve],
      "the choice is remembered under (conversation, server, tool)")
    #expect(
      state.ledger.entries.first?.key
        == RememberKey(
          conversation: "conversation-1", server: "preflight-demo", tool: "create_task"))

    let second = request(submitCreateTask(&state))
    #expect(state.mode == .normal, "no card the second time")
    #expect(second?.answer == nil)
    #expect(
      state.notice?.hasPrefix("approved by a remembered choice") == true, "\(state.notice ?? "")")
    _ = finish(&state, second!)
    #expect(state.transcript.count == 2)
    #expect(state.transcript[0].decisionText == "approved")
    #expect(state.transcript[1].remembered)
    #expect(state.transcript[1].decisionText == "approved (remembered — no card)")

    // The remembered choices are visible: in the header and in the transcript's head.
    var grid = CellGrid(size: state.size)
    AppRender.render(state, into: &grid)
    #expect(grid.textDump().split(separator: "\n")[0].contains("1 remembered"))
    _ = press(&state, .escape, .character("t"))
    grid = CellGrid(size: state.size)
    AppRender.render(state, into: &grid)
    let transcript = grid.textDump()
    #expect(transcript.contains("✓ approve preflight-demo · create_task"), "\(transcript)")
  }

  @Test func `a new conversation brings the card back, and so does a reload`() {
    var state = UIFixtures.state()
    _ = submitCreateTask(&state)
    _ = finish(&state, request(press(&state, .character(" "), .character("a")))!)
    _ = press(&state, .escape, .character("n"))
    #expect(state.conversation == "conversation-2")
    #expect(state.ledger.isEmpty)
    _ = submitCreateTask(&state)
    #expect(state.mode == .approval, "n: the card again")
    let answered = request(press(&state, .character(" "), .character("a")))
    #expect(
      answered?.conversation == "conversation-2", "the runner decides in the new conversation")
    _ = finish(&state, answered!)
    _ = press(&state, .escape, .control("r"))
    #expect(state.conversation == "conversation-2", "a reload keeps the conversation")
    #expect(state.ledger.isEmpty)
    _ = submitCreateTask(&state)
    #expect(state.mode == .approval, "Ctrl-R: the card again")
  }

  @Test func `a remembered deny sends nothing and the transcript shows what the model receives`() {
    var state = UIFixtures.state()
    _ = submitCreateTask(&state)
    let denied = request(press(&state, .character(" "), .character("d")))
    #expect(denied?.answer == .denyRemember)
    #expect(!state.busy, "nothing is running after a deny")
    _ = finish(&state, denied!)
    #expect(state.transcript.last?.record?.sent == false)
    #expect(
      state.transcript.last?.summary
        == "not sent — the model receives an error result: \"user rejected MCP tool call\"")
    _ = press(&state, .escape)
    let again = request(submitCreateTask(&state))
    #expect(state.mode == .normal, "the remembered deny skips the card")
    #expect(state.notice == "denied by a remembered choice, no card — nothing sent")
    _ = finish(&state, again!)
    #expect(state.transcript.last?.decisionText == "denied (remembered — no card)")
    #expect(state.transcript.last?.record?.sent == false)
  }

  @Test func `p cycles the policies, the header shows it and decisions are evaluated again`() {
    var state = UIFixtures.state()
    func decision(_ name: String) -> Decision.Kind? {
      state.tools.items.first { $0.name == name }?.decision
    }
    #expect(decision("list_tasks") == .run && decision("create_task") == .ask)
    var seen: [String] = []
    for _ in Policy.allCases {
      _ = press(&state, .character("p"))
      seen.append(state.header.policy)
      #expect(state.policy.name == state.header.policy)
      switch state.policy {
      case .readOnly:
        #expect(decision("create_task") == .refuse && decision("list_tasks") == .run)
      case .alwaysAsk:
        #expect(decision("list_tasks") == .ask)
      case .neverAsk:
        #expect(decision("delete_task") == .run)
      case .codexAuto:
        #expect(decision("create_task") == .ask, "openWorldHint absent counts as open world")
        #expect(decision("delete_task") == .ask && decision("list_tasks") == .run)
      case .chatgpt:
        #expect(decision("create_task") == .ask)
      }
    }
    #expect(seen == ["codex-auto", "read-only", "always-ask", "never-ask", "chatgpt"])
    _ = press(&state, .character("p"), .character("p"))
    let effects = submitCreateTask(&state)
    #expect(state.mode == .normal, "read-only refuses without a card")
    #expect(request(effects)?.policy == .readOnly, "the runner decides under the new policy")
  }

  @Test func `a scenario proposes one call at a time and the card appears when needed`() {
    var state = UIFixtures.state()
    state.scenario = ScenarioWalk(
      file: "calls.json",
      calls: [
        ModelCall(name: "list_tasks", arguments: ["status": "open"]),
        ModelCall(name: "nope"),
        ModelCall(name: "create_task", arguments: ["title": 5]),
        ModelCall(name: "delete_task", arguments: ["id": "t1"]),
      ])
    let first = request(press(&state, .character("]")))
    #expect(first?.call.name == "list_tasks" && state.mode == .normal, "read-only: no card")
    #expect(press(&state, .character("]")).isEmpty, "a call is still running")
    _ = finish(&state, first!)
    _ = press(&state, .escape)
    #expect(press(&state, .character("]")).isEmpty)
    #expect(state.transcript.last?.problem == "the server lists no tool named nope")
    #expect(press(&state, .character("]")).isEmpty)
    #expect(
      state.transcript.last?.problem?.hasPrefix("the arguments fail the input schema at /title")
        == true)
    #expect(press(&state, .character("]")).isEmpty)
    #expect(state.mode == .approval && state.approval?.call.name == "delete_task")
    _ = finish(&state, request(press(&state, .character("a")))!)
    #expect(
      state.transcript.map(\.origin) == [
        "scenario 1/4", "scenario 2/4", "scenario 3/4", "scenario 4/4",
      ])
    _ = press(&state, .escape, .character("]"))
    #expect(state.notice?.hasPrefix("scenario finished") == true)
  }

  @Test func `list_changed is flagged and ignored under ChatGPT profiles, applied under full`() {
    let notification = WireRecord(
      seq: 99, timeMillis: 0, direction: .inbound, transport: "stdio",
      body: .message(["jsonrpc": "2.0", "method": "notifications/tools/list_changed"]))
    var chatgpt = UIFixtures.state()
    #expect(AppUpdate.update(&chatgpt, .wire([notification])).isEmpty, "not applied")
    #expect(chatgpt.toolsStale)
    #expect(
      chatgpt.notice == "tools/list_changed: ChatGPT ignores this until you Refresh — press r")
    #expect(chatgpt.log.entries.contains { $0.tag == "snapshot" })
    #expect(press(&chatgpt, .character("r")) == [.refreshTools])

    var full = UIFixtures.state()
    full.header.profile = "full"
    #expect(AppUpdate.update(&full, .wire([notification])) == [.refreshTools])
    #expect(!full.toolsStale)
  }

  @Test func `a refresh that adds a tool and flips a hint opens the diff`() {
    var state = UIFixtures.state()
    var tools = UIFixtures.tools
    tools[0] = tools[0].setting("annotations", ["readOnlyHint": false])
    tools.append(["name": "mutate", "inputSchema": ["type": "object"]])
    _ = AppUpdate.update(&state, .toolsLoaded(ToolListing(tools: tools, pages: 1)))
    #expect(state.mode == .refreshDiff)
    let report = state.refresh
    #expect(report?.diff.added == ["mutate"])
    #expect(
      report?.flips.map { "\($0.tool) \($0.before)→\($0.after)" }
        == ["list_tasks run→ask", "mutate new→ask"])
    #expect(
      report?.changes.map(\.detail).contains("annotations.readOnlyHint: true → false") == true)
    #expect(
      report?.changes.map(\.detail).contains("annotations.idempotentHint: true → (absent)") == true)
    _ = press(&state, .escape)
    #expect(state.mode == .normal)
    // The same list again changes nothing and opens nothing.
    _ = AppUpdate.update(&state, .toolsLoaded(ToolListing(tools: tools, pages: 1)))
    #expect(state.mode == .normal)
  }

  @Test func `a diff that arrives while the result is open opens when the result closes`() {
    var state = UIFixtures.state()
    state.mode = .result
    var tools = UIFixtures.tools
    tools.append(["name": "mutate", "inputSchema": ["type": "object"]])
    _ = AppUpdate.update(&state, .toolsLoaded(ToolListing(tools: tools, pages: 1)))
    #expect(state.mode == .result)
    _ = press(&state, .escape)
    #expect(state.mode == .refreshDiff)
    _ = press(&state, .escape)
    #expect(state.mode == .normal)
  }

  @Test func `changed server instructions are part of the refresh diff`() {
    var state = UIFixtures.state()
    var raw = UIFixtures.server.raw
    raw = raw.setting("instructions", "Use list_tasks first.")
    _ = AppUpdate.update(
      &state, .connected(ServerInfo(initializeResult: raw, protocolVersion: "2025-11-25")))
    _ = AppUpdate.update(&state, .toolsLoaded(ToolListing(tools: UIFixtures.tools, pages: 1)))
    #expect(state.refresh?.instructionsChanged == true)
    #expect(state.refresh?.instructionsAfter == "Use list_tasks first.")
    #expect(state.mode == .refreshDiff)
  }

  @Test func `a tool's widget template is read once and judged by its MIME type`() {
    var state = UIFixtures.state()
    let record = CallRecord(
      call: ModelCall(name: "list_tasks"), approvalRequired: false,
      outcome: ApprovalOutcome(kind: .notRequired, reason: "read-only"), sent: true,
      result: ["content": [], "_meta": ["tasks": []]])
    let effects = AppUpdate.update(&state, .callFinished(record))
    #expect(effects == [.readResource("ui://widget/task-list.html")])
    #expect(AppUpdate.update(&state, .callFinished(record)).isEmpty, "read once")
    _ = AppUpdate.update(
      &state,
      .resourceRead(
        uri: "ui://widget/task-list.html",
        result: [
          "contents": [
            ["uri": "ui://widget/task-list.html", "mimeType": "text/html+skybridge", "text": "<p>"]
          ]
        ], error: nil))
    #expect(state.templates["ui://widget/task-list.html"]?.chatGPTRenders == true)
    let plain = WidgetTemplate(
      uri: "ui://x", result: ["contents": [["uri": "ui://x", "mimeType": "text/html"]]])
    #expect(!plain.chatGPTRenders)
    #expect(plain.verdict.hasPrefix("ChatGPT would not render it: the MIME type is text/html"))
    #expect(
      WidgetTemplate(
        uri: "ui://y", result: ["contents": [["mimeType": "text/html;profile=mcp-app"]]]
      )
      .chatGPTRenders)
  }

  @Test func `E exports the transcript to a path the user can change, never replacing a file`() {
    var state = UIFixtures.state()
    _ = submitCreateTask(&state)
    _ = finish(&state, request(press(&state, .character("d")))!)
    _ = press(&state, .escape, .character("E"))
    #expect(state.mode == .exportPath)
    #expect(state.exportPath == "preflight-transcript-conversation-1.json")
    _ = press(&state, .backspace, .backspace, .backspace, .backspace, .backspace)
    typing(&state, "-a.json")
    let effects = press(&state, .enter)
    guard case .exportTranscript(let path, let document)? = effects.first else {
      Issue.record("expected an export, got \(effects)")
      return
    }
    #expect(path == "preflight-transcript-conversation-1-a.json")
    #expect(document["policy"] == "chatgpt")
    #expect(document["calls"]?[0]?["approval"]?["decision"] == "denied")
    #expect(document["calls"]?[0]?["sent"] == false)
    #expect(
      document["calls"]?[0]?["modelSees"]?["content"]?[0]?["text"] == "user rejected MCP tool call")
    #expect(state.mode == .normal)
    _ = AppUpdate.update(
      &state, .exportFinished(path: path, error: "\(path) exists — not replaced"))
    #expect(state.mode == .exportPath, "the prompt comes back for another name")
    _ = press(&state, .escape)
    _ = AppUpdate.update(&state, .exportFinished(path: path, error: nil))
    #expect(state.notice == "transcript exported to \(path) (secrets redacted)")
  }

  @Test func `a digit in the transcript forgets that remembered choice and the card comes back`() {
    var state = UIFixtures.state()
    for tool in ["delete_task", "create_task"] {
      state.ledger.remember(
        .approve,
        for: RememberKey(conversation: "conversation-1", server: "preflight-demo", tool: tool))
    }
    _ = press(&state, .character("t"), .character("3"))
    #expect(state.notice == "no remembered choice 3")
    #expect(state.ledger.entries.count == 2)
    _ = press(&state, .character("2"))
    #expect(state.ledger.entries.map(\.key.tool) == ["delete_task"])
    #expect(state.notice == "forgot approve for create_task: the card comes back next time")
    _ = press(&state, .escape)
    _ = submitCreateTask(&state)
    #expect(state.mode == .approval)
  }

  @Test func `v on the card shows the exact request with the profile's meta, secrets redacted`() {
    var state = UIFixtures.state()
    state.scenario = ScenarioWalk(
      file: "calls.json",
      calls: [ModelCall(name: "create_task", arguments: ["title": "x", "api_key": "sk-9876"])])
    _ = press(&state, .character("]"), .character("v"))
    #expect(state.approval?.showsRequest == true)
    var grid = CellGrid(size: Size(width: 100, height: 40))
    state.size = grid.size
    AppRender.render(state, into: &grid)
    let text = grid.textDump()
    #expect(text.contains(#""method": "tools/call""#), "\(text)")
    #expect(text.contains(#""name": "create_task""#))
    #expect(text.contains(#""_meta": {"#), "the chatgpt profile's tool-call meta")
    #expect(!text.contains("sk-9876") && text.contains("[REDACTED]"))
    _ = press(&state, .character("v"))
    #expect(state.approval?.showsRequest == false)
  }

  @Test func `t opens the transcript and Esc closes it`() {
    var state = UIFixtures.state()
    _ = press(&state, .character("t"))
    #expect(state.mode == .transcript)
    _ = press(&state, .escape)
    #expect(state.mode == .normal)
  }
}

extension JSONValue {
  /// A copy of an object with `key` set.
  func setting(_ key: String, _ value: JSONValue) -> JSONValue {
    guard case .object(var o) = self else { return self }
    o[key] = value
    return .object(o)
  }
}
