import ApprovalPolicy
import HostFlow
import PreflightCore
import PreflightTestSupport
import PreflightUI
import TerminalGrid
import Testing

@Suite struct RenderSnapshotTests {
  func render(_ state: AppState) -> String {
    var grid = CellGrid(size: state.size)
    AppRender.render(state, into: &grid)
    return grid.textDump()
  }

  @Test func `tool list at 80 by 24`() {
    expectSnapshot(render(UIFixtures.state()), named: "tools-80x24")
  }

  @Test func `everything side by side at 160 by 48`() {
    var state = UIFixtures.state(width: 160, height: 48)
    _ = AppUpdate.update(&state, .key(.down))
    expectSnapshot(render(state), named: "wide-160x48")
  }

  @Test func `detail with a nested schema at 80 by 24`() {
    var state = UIFixtures.state()
    _ = AppUpdate.update(&state, .key(.down))
    _ = AppUpdate.update(&state, .key(.enter))
    expectSnapshot(render(state), named: "detail-80x24")
  }

  @Test func `wire pane at 80 by 24`() {
    var state = UIFixtures.state()
    state.focus = .wire
    expectSnapshot(render(state), named: "wire-80x24")
  }

  @Test func `a frame opened at 80 by 24`() {
    var state = UIFixtures.state()
    state.focus = .wire
    for key in [Key.up, .up, .up, .up, .enter] { _ = AppUpdate.update(&state, .key(key)) }
    expectSnapshot(render(state), named: "frame-80x24")
  }

  @Test func `the help overlay lists the keys`() {
    var state = UIFixtures.state(width: 160, height: 48)
    _ = AppUpdate.update(&state, .key(.character("?")))
    expectSnapshot(render(state), named: "help-160x48")
  }

  @Test func `escape sequences in names and descriptions are shown, not obeyed`() {
    var state = UIFixtures.state(width: 160, height: 48, tools: UIFixtures.hostileTools)
    state.focus = .detail
    let text = render(state)
    #expect(
      !text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
    expectSnapshot(text, named: "hostile-160x48")
  }

  @Test func `a terminal below 80 by 24 gets a notice`() {
    expectSnapshot(render(UIFixtures.state(width: 60, height: 20)), named: "too-small-60x20")
  }

  @Test func `a failed connection says why`() {
    var state = AppState(
      size: Size(width: 80, height: 24),
      header: HeaderInfo(
        target: "python server.py", transport: "stdio", profile: "chatgpt", policy: "chatgpt"),
      policy: .chatgpt)
    _ = AppUpdate.update(
      &state,
      .connectionFailed(
        "the server closed the connection before answering initialize: server process exited with status 3; last stderr lines:\n  fatal: missing API key"
      ))
    expectSnapshot(render(state), named: "failed-80x24")
  }

  @Test func `the call form at 80 by 24`() {
    var state = UIFixtures.state()
    for key in [
      Key.down, .character("c"), .character("B"), .character("u"), .character("y"), .enter,
    ]
    where key != .enter {
      _ = AppUpdate.update(&state, .key(key))
    }
    expectSnapshot(render(state), named: "form-80x24")
  }

  @Test func `the confirmation card at 100 by 30`() {
    var state = UIFixtures.state(width: 100, height: 30)
    for key in [Key.down, .down, .character("c"), .character("t"), .character("3"), .enter] {
      _ = AppUpdate.update(&state, .key(key))
    }
    expectSnapshot(render(state), named: "card-100x30")
  }

  @Test func `a call's result at 80 by 24`() {
    var state = UIFixtures.state()
    _ = AppUpdate.update(
      &state,
      .callFinished(
        CallRecord(
          call: ModelCall(name: "list_tasks", arguments: ["status": "open"]),
          approvalRequired: false,
          outcome: ApprovalOutcome(
            kind: .notRequired, reason: "readOnlyHint is true, so ChatGPT runs list_tasks"),
          sent: true,
          result: [
            "content": [["type": "text", "text": "2 open tasks"]],
            "structuredContent": ["count": 2], "_meta": ["ui": ["theme": "dark"]],
          ], elapsed: .milliseconds(3))))
    expectSnapshot(render(state), named: "result-80x24")
  }
}
