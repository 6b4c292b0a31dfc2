import ApprovalPolicy
import HostFlow
import PreflightCore
import PreflightJSON
import PreflightUI
import TerminalGrid
import Testing

@Suite struct AppUpdateTests {
  func press(_ state: inout AppState, _ keys: Key...) -> [Effect] {
    keys.flatMap { AppUpdate.update(&state, .key($0)) }
  }

  @Test func `connecting then listing fills the tool list and selects the first tool`() {
    let state = UIFixtures.state()
    #expect(state.connection == .ready)
    #expect(state.tools.items.count == UIFixtures.tools.count)
    #expect(state.tools.selected?.name == "list_tasks")
  }

  @Test func `connected asks for the tool list`() {
    var state = AppState(
      size: Size(width: 80, height: 24),
      header: HeaderInfo(target: "x", transport: "stdio", profile: "chatgpt", policy: "chatgpt"),
      policy: .chatgpt)
    #expect(AppUpdate.update(&state, .connected(UIFixtures.server)) == [.refreshTools])
    #expect(state.tools.loading)
  }

  @Test func `arrows and j k move the selection within bounds`() {
    var state = UIFixtures.state()
    _ = press(&state, .down, .character("j"))
    #expect(state.tools.selected?.name == "delete_task")
    _ = press(&state, .up, .up, .up, .up)
    #expect(state.tools.selected?.name == "list_tasks")
    _ = press(&state, .end)
    #expect(state.tools.selected?.name == "refresh_widget")
  }

  @Test func `typing a filter narrows the list and keeps the selection valid`() {
    var state = UIFixtures.state()
    _ = press(
      &state, .character("/"), .character("t"), .character("a"), .character("s"), .character("k"))
    #expect(state.mode == .filter)
    #expect(state.tools.filter == "task")
    #expect(state.tools.visible.count == 4)
    _ = press(&state, .character("q"))
    #expect(!state.quitting, "q is text while typing a filter")
    #expect(state.tools.filter == "taskq")
    _ = press(&state, .backspace, .enter)
    #expect(state.mode == .normal)
    #expect(state.tools.filter == "task")
    _ = press(&state, .character("/"), .escape)
    #expect(state.tools.filter.isEmpty)
  }

  @Test func `tab cycles the panes and escape goes back to the tools`() {
    var state = UIFixtures.state()
    _ = press(&state, .tab)
    #expect(state.focus == .detail)
    _ = press(&state, .tab, .tab)
    #expect(state.focus == .log)
    _ = press(&state, .tab)
    #expect(state.focus == .tools)
    _ = press(&state, .backTab)
    #expect(state.focus == .log)
    _ = press(&state, .escape)
    #expect(state.focus == .tools)
    #expect(!state.quitting)
  }

  @Test func `q quits at once unless a request is running`() {
    var state = UIFixtures.state()
    state.busy = true
    #expect(press(&state, .character("q")).isEmpty)
    #expect(state.mode == .confirmQuit)
    _ = press(&state, .character("n"))
    #expect(state.mode == .normal)
    _ = press(&state, .character("q"))
    #expect(press(&state, .character("y")) == [.quit])
    #expect(state.quitting)
    var idle = UIFixtures.state()
    #expect(press(&idle, .character("q")) == [.quit])
  }

  @Test func `enter on a frame opens it and escape closes it`() {
    var state = UIFixtures.state()
    state.focus = .wire
    _ = press(&state, .up, .enter)
    #expect(state.mode == .frame)
    #expect(state.openedFrame == 9)
    _ = press(&state, .escape)
    #expect(state.mode == .normal)
    #expect(state.openedFrame == nil)
    #expect(state.focus == .wire)
  }

  @Test func `new frames do not move a selection the user made`() {
    var state = UIFixtures.state()
    state.focus = .wire
    _ = press(&state, .up, .up)
    let selected = state.wire.selectedSeq
    #expect(!state.wire.follow)
    let more = UIFixtures.wireRecords.map { record -> WireRecord in
      var copy = record
      copy.seq += 100
      return copy
    }
    _ = AppUpdate.update(&state, .wire(more))
    #expect(state.wire.selectedSeq == selected)
    _ = press(&state, .character("f"))
    #expect(state.wire.follow)
  }

  @Test func `a response is paired with its request for latency`() {
    let state = UIFixtures.state()
    let result = state.wire.rows.first { $0.label == "result #1" }
    #expect(result?.latencyMs == 2)
    #expect(result?.summary == "6 tools")
  }

  @Test func `the log pane collects notifications and stderr`() {
    let state = UIFixtures.state()
    #expect(state.log.entries.map(\.tag) == ["stderr", "warning", "progress"])
    #expect(state.log.entries[2].fraction == 0.4)
  }

  @Test func `refresh and restart ask for effects`() {
    var state = UIFixtures.state()
    #expect(press(&state, .character("r")) == [.refreshTools])
    #expect(press(&state, .character("R")) == [.restart])
    #expect(state.connection == .reconnecting)
    #expect(press(&state, .character("r")).isEmpty, "not connected yet")
    #expect(state.notice != nil)
  }

  @Test func `a server that goes away is shown with why`() {
    var state = UIFixtures.state()
    _ = AppUpdate.update(&state, .disconnected("server process exited with status 1"))
    #expect(state.connection == .disconnected("server process exited with status 1"))
  }

  @Test func `the HTTP session id and the chosen transport are read from the wire`() {
    var state = UIFixtures.state()
    let record = WireRecord(
      seq: 500, timeMillis: 0, direction: .inbound, transport: "http",
      body: .message(["jsonrpc": "2.0", "id": 0, "result": [:]]),
      http: ["status": 200, "headers": ["mcp-session-id": "3f2a9c"]])
    _ = AppUpdate.update(&state, .wire([record]))
    #expect(state.sessionID == "3f2a9c")
    #expect(state.header.transport == "http")
  }

  @Test func `a quit signal quits`() {
    var state = UIFixtures.state()
    #expect(AppUpdate.update(&state, .quitRequested) == [.quit])
    #expect(state.quitting)
  }
}

@Suite struct ToolDiffTests {
  @Test func `added, removed and changed tools are named with the fields that changed`() {
    let old: [JSONValue] = [
      ["name": "a", "description": "x"], ["name": "b"],
      ["name": "c", "annotations": ["readOnlyHint": true]],
    ]
    let new: [JSONValue] = [
      ["name": "a", "description": "y"], ["name": "c", "annotations": ["readOnlyHint": false]],
      ["name": "d"],
    ]
    let diff = ToolDiff.between(old, new)
    #expect(diff.added == ["d"])
    #expect(diff.removed == ["b"])
    #expect(diff.changed.map(\.name) == ["a", "c"])
    #expect(diff.changed.map(\.fields) == [["description"], ["annotations"]])
    #expect(diff.summary == "+d  −b  ~a (description)  ~c (annotations)")
    #expect(ToolDiff.between(old, old).isEmpty)
  }

  @Test func `a second listing is compared with the first and the change is logged`() {
    var state = UIFixtures.state()
    var tools = UIFixtures.tools
    tools.removeLast()
    _ = AppUpdate.update(&state, .toolsLoaded(ToolListing(tools: tools, pages: 1)))
    #expect(state.tools.lastDiff?.removed == ["refresh_widget"])
    #expect(state.log.entries.last?.text == "tools changed: −refresh_widget")
  }

  @Test func `changed files restart the server`() {
    var state = UIFixtures.state()
    #expect(AppUpdate.update(&state, .filesChanged("src")) == [.restart])
    #expect(state.connection == .reconnecting)
    #expect(state.log.entries.last?.tag == "watch")
  }
}

@Suite struct CallFlowTests {
  func press(_ state: inout AppState, _ keys: Key...) -> [Effect] {
    keys.flatMap { AppUpdate.update(&state, .key($0)) }
  }

  func typing(_ state: inout AppState, _ text: String) {
    for c in text { _ = AppUpdate.update(&state, .key(.character(c))) }
  }

  /// The state with create_task selected and its form open.
  func formOpen() -> AppState {
    var state = UIFixtures.state()
    _ = press(&state, .down, .character("c"))
    return state
  }

  @Test func `c opens the form of the selected tool and typed keys go into the field`() {
    var state = formOpen()
    #expect(state.mode == .form)
    #expect(state.form?.toolName == "create_task")
    typing(&state, "Buy milk q")
    #expect(!state.quitting, "q is text in a form")
    #expect(state.form?.model.text(at: JSONPointer("/title")!) == "Buy milk q")
    _ = press(&state, .backspace, .backspace)
    #expect(state.form?.model.text(at: JSONPointer("/title")!) == "Buy milk")
  }

  @Test func `submitting with a required field empty sends nothing and shows the error`() {
    var state = formOpen()
    #expect(press(&state, .enter).isEmpty)
    #expect(state.mode == .form)
    #expect(state.form?.triedSubmit == true)
    #expect(state.notice?.contains("nothing was sent") == true)
  }

  @Test func `a write call stops at the card and approve sends it`() {
    var state = formOpen()
    typing(&state, "Buy milk")
    #expect(press(&state, .enter).isEmpty, "nothing is sent while the card is open")
    #expect(state.mode == .approval)
    #expect(state.approval?.card.toolName == "create_task")
    let effects = press(&state, .character("a"))
    guard case .runCall(let request)? = effects.first else {
      Issue.record("expected a call, got \(effects)")
      return
    }
    #expect(request.call.arguments?["title"] == "Buy milk")
    #expect(request.answer == .approve)
    #expect(request.ledger.isEmpty)
    #expect(request.policy == .chatgpt && request.conversation == "conversation-1")
    #expect(state.busy)
  }

  @Test func `escape on the card denies once and is never remembered`() {
    var state = formOpen()
    typing(&state, "x")
    _ = press(&state, .enter, .character(" "))
    #expect(state.approval?.remember == true)
    let effects = press(&state, .escape)
    #expect(
      effects.first
        == .runCall(
          ToolCallRequest(
            call: ModelCall(name: "create_task", arguments: ["title": "x", "priority": "normal"]),
            tool: UIFixtures.tools[1], answer: .deny, ledger: .empty, policy: .chatgpt,
            conversation: "conversation-1")))
    #expect(state.ledger.isEmpty)
    #expect(state.mode == .normal)
  }

  @Test func `a remembered approval skips the card next time`() {
    var state = formOpen()
    typing(&state, "x")
    _ = press(&state, .enter, .character(" "), .character("a"))
    #expect(!state.ledger.isEmpty)
    _ = AppUpdate.update(
      &state,
      .callFinished(
        CallRecord(
          call: ModelCall(name: "create_task"), approvalRequired: true,
          outcome: ApprovalOutcome(kind: .approved, reason: "r"), sent: true,
          result: ["content": []])))
    _ = press(&state, .escape, .character("c"))
    #expect(
      state.form?.model.text(at: JSONPointer("/title")!) == "x", "the last values prefill the form")
    let effects = press(&state, .enter)
    #expect(state.mode == .normal, "no card")
    guard case .runCall(let request)? = effects.first else {
      Issue.record("expected a call")
      return
    }
    #expect(request.answer == nil)
    #expect(!request.ledger.isEmpty)
  }

  @Test func `a read-only call runs without a card and the result opens`() {
    var state = UIFixtures.state()
    _ = press(&state, .character("c"))
    let effects = press(&state, .enter)
    #expect(effects.count == 1)
    #expect(state.mode == .normal)
    _ = AppUpdate.update(
      &state,
      .callFinished(
        CallRecord(
          call: ModelCall(name: "list_tasks"), approvalRequired: false,
          outcome: ApprovalOutcome(kind: .notRequired, reason: "read-only"), sent: true,
          result: ["content": [["type": "text", "text": "3 tasks"]]])))
    #expect(state.mode == .result)
    #expect(!state.busy)
    _ = press(&state, .escape)
    #expect(state.mode == .normal)
  }
}

@Suite struct ConversationTests {
  @Test func `n starts a new conversation and forgets remembered choices`() {
    var state = UIFixtures.state()
    state.ledger.remember(
      .approve,
      for: RememberKey(
        conversation: state.conversation, server: "preflight-demo", tool: "create_task"))
    let effects = AppUpdate.update(&state, .key(.character("n")))
    #expect(state.ledger.isEmpty)
    #expect(state.conversation == "conversation-2")
    #expect(effects == [.startConversation("conversation-2")], "a new openai/session follows")
    #expect(state.notice == "new conversation: 1 remembered choice forgotten")
  }

  @Test func `ctrl-r reloads the conversation and forgets remembered choices`() {
    var state = UIFixtures.state()
    state.ledger.remember(
      .deny,
      for: RememberKey(
        conversation: state.conversation, server: "preflight-demo", tool: "delete_task"))
    let effects = AppUpdate.update(&state, .key(.control("r")))
    #expect(state.ledger.isEmpty)
    #expect(state.conversation == "conversation-1")
    #expect(effects.isEmpty, "a reload keeps the conversation, so its openai/session")
  }

  @Test func `the tool's invoking text shows while it runs`() {
    var state = UIFixtures.state()
    _ = AppUpdate.update(&state, .key(.character("c")))
    _ = AppUpdate.update(&state, .key(.enter))
    #expect(state.notice == "Fetching your tasks…  (list_tasks)")
  }
}
