import ApprovalPolicy
import HostFlow
import PreflightCore
import PreflightJSON
import PreflightTestSupport
import PreflightUI
import TerminalGrid
import Testing

/// The confirmation card at the minimum size for each kind of write, and the conversation's
/// other screens: the transcript, the Refresh diff and a result split by audience.
@Suite struct CardSnapshotTests {
  func render(_ state: AppState) -> String {
    var grid = CellGrid(size: state.size)
    AppRender.render(state, into: &grid)
    return grid.textDump()
  }

  /// The fixture state with the card open for `call` (proposed as a scenario step).
  func card(_ call: ModelCall) -> AppState {
    var state = UIFixtures.state()
    state.scenario = ScenarioWalk(file: "calls.json", calls: [call])
    _ = AppUpdate.update(&state, .key(.character("]")))
    #expect(state.mode == .approval, "\(state.notice ?? "")")
    return state
  }

  @Test func `a plain write's card at 80 by 24`() {
    let text = render(card(ModelCall(name: "create_task", arguments: ["title": "Buy milk"])))
    #expect(text.contains("preflight-demo wants to use Create a task (create_task)"))
    #expect(text.contains("\"title\": \"Buy milk\""))
    expectSnapshot(text, named: "card-write-80x24")
  }

  @Test func `a destructive tool's card asks for explicit approval`() {
    let text = render(card(ModelCall(name: "delete_task", arguments: ["id": "t1"])))
    #expect(text.contains("destructive"))
    #expect(text.contains("explicit approval"))
    expectSnapshot(text, named: "card-destructive-80x24")
  }

  @Test func `an open-world tool's card says what leaves the account`() {
    let text = render(card(ModelCall(name: "share_task", arguments: ["to": "bob@example.com"])))
    #expect(text.contains("open world"))
    #expect(text.contains("reaches outside your account"))
    expectSnapshot(text, named: "card-open-world-80x24")
  }

  @Test func `long arguments scroll inside the card`() {
    let tags: [JSONValue] = (1...30).map { .string("tag-\($0)") }
    var state = card(
      ModelCall(
        name: "create_task",
        arguments: [
          "title": .string(String(repeating: "A very long title ", count: 8)),
          "tags": .array(tags),
        ]))
    let top = render(state)
    #expect(top.contains("\"tag-1\"") && !top.contains("\"tag-30\""))
    expectSnapshot(top, named: "card-long-80x24")
    for _ in 0..<40 { _ = AppUpdate.update(&state, .key(.down)) }
    let bottom = render(state)
    #expect(bottom.contains("\"tag-30\""), "scrolled to the end:\n\(bottom)")
    #expect(bottom.contains("Remember for this conversation"), "the answers stay in view")
  }

  @Test func `the transcript with a remembered choice at 80 by 24`() {
    var state = UIFixtures.state()
    state.ledger.remember(
      .approve,
      for: RememberKey(
        conversation: "conversation-1", server: "preflight-demo", tool: "create_task"))
    let approved = CallRecord(
      call: ModelCall(name: "create_task", arguments: ["title": "x"]), approvalRequired: true,
      outcome: ApprovalOutcome(
        kind: .rememberedApprove, reason: "remembered for this conversation"),
      sent: true, result: ["content": [["type": "text", "text": "Created t3"]]])
    let denied = CallRecord(
      call: ModelCall(name: "delete_task", arguments: ["id": "t1"]), approvalRequired: true,
      outcome: ApprovalOutcome(
        kind: .denied, reason: "denied on the card",
        syntheticResult: ApprovalCaptions().deniedResult), sent: false)
    _ = AppUpdate.update(&state, .callFinished(denied))
    _ = AppUpdate.update(&state, .callFinished(approved))
    _ = AppUpdate.update(&state, .key(.escape))
    _ = AppUpdate.update(&state, .key(.character("t")))
    let text = render(state)
    #expect(text.contains("approved (remembered — no card)"))
    #expect(text.contains("the model receives an error result: \"user rejected MCP tool"))
    expectSnapshot(text, named: "transcript-80x24")
  }

  @Test func `the refresh diff at 80 by 24`() {
    var state = UIFixtures.state()
    var tools = UIFixtures.tools
    tools[0] = tools[0].setting("annotations", ["readOnlyHint": false])
    tools.removeLast()
    tools.append(["name": "mutate", "inputSchema": ["type": "object"]])
    _ = AppUpdate.update(&state, .toolsLoaded(ToolListing(tools: tools, pages: 1)))
    let text = render(state)
    #expect(text.contains("list_tasks  runs without asking → asks for approval"))
    expectSnapshot(text, named: "refresh-diff-80x24")
  }

  @Test func `a result split into what the model sees and what the widget gets`() {
    var state = UIFixtures.state(width: 100, height: 40)
    _ = AppUpdate.update(
      &state,
      .callFinished(
        CallRecord(
          call: ModelCall(name: "list_tasks"), approvalRequired: false,
          outcome: ApprovalOutcome(kind: .notRequired, reason: "readOnlyHint is true"),
          sent: true,
          result: [
            "content": [["type": "text", "text": "2 open tasks"]],
            "structuredContent": ["count": 2], "_meta": ["tasks": ["t1", "t2"]],
          ])))
    _ = AppUpdate.update(
      &state,
      .resourceRead(
        uri: "ui://widget/task-list.html",
        result: [
          "contents": [
            [
              "uri": "ui://widget/task-list.html", "mimeType": "text/html;profile=mcp-app",
              "text": "<div></div>",
            ]
          ]
        ], error: nil))
    let text = render(state)
    #expect(text.contains("The model sees") && text.contains("The widget gets"))
    #expect(text.contains("ChatGPT would render it as a widget"))
    expectSnapshot(text, named: "result-audience-100x40")
  }
}
