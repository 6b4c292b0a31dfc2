import PreflightCore
import PreflightJSON
import PreflightTestSupport
import PreflightUI
import TerminalGrid
import Testing

/// A server's sampling request answered in the TUI: the request shown, a canned reply or a
/// rejection.
@Suite struct SamplingFlowTests {
  static let params: JSONValue = [
    "messages": [["role": "user", "content": ["type": "text", "text": "a long text"]]],
    "systemPrompt": "You summarize in one line.",
    "modelPreferences": ["hints": [["name": "small"]], "speedPriority": 0.8],
    "maxTokens": 100,
  ]
  static let reply: JSONValue = [
    "role": "assistant", "content": ["type": "text", "text": "short"], "model": "canned-model",
    "stopReason": "endTurn",
  ]

  func render(_ state: AppState) -> String {
    var grid = CellGrid(size: state.size)
    AppRender.render(state, into: &grid)
    return grid.textDump()
  }

  @Test func `the request is shown and a sends the canned reply`() {
    var state = UIFixtures.state(width: 100, height: 30)
    _ = AppUpdate.update(
      &state,
      .samplingRequested(
        SamplingPrompt(id: 3, server: "sdk2-features", params: Self.params, canned: Self.reply)))
    #expect(state.mode == .sampling)
    let screen = render(state)
    #expect(screen.contains("sdk2-features asks for a model reply (sampling)"))
    #expect(screen.contains("system  You summarize in one line."))
    #expect(screen.contains("user  a long text"))
    #expect(
      screen.contains(#"model preferences  {"hints":[{"name":"small"}],"speedPriority":0.8}"#))
    #expect(screen.contains("maxTokens 100"))
    #expect(screen.contains("a sends the canned reply (model canned-model): short"))
    #expect(
      AppUpdate.update(&state, .key(.character("a"))) == [.answerSampling(id: 3, reply: .canned)])
    #expect(state.mode == .normal)
  }

  @Test func `without a canned reply only rejecting is offered`() {
    var state = UIFixtures.state(width: 100, height: 30)
    _ = AppUpdate.update(
      &state,
      .samplingRequested(
        SamplingPrompt(id: 4, server: "s", params: Self.params, canned: nil)))
    #expect(render(state).contains("only rejecting is offered"))
    #expect(AppUpdate.update(&state, .key(.character("a"))).isEmpty)
    #expect(state.mode == .sampling)
    #expect(AppUpdate.update(&state, .key(.escape)) == [.answerSampling(id: 4, reply: .reject)])
    #expect(state.mode == .normal)
  }
}
