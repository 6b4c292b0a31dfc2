import PreflightCore
import PreflightJSON
import PreflightTestSupport
import PreflightUI
import TerminalGrid
import Testing

/// A server's sampling request answered in the TUI: the request shown, a canned reply, a reply
/// the user writes, or a rejection.
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

  func type(_ text: String, _ state: inout AppState) {
    for c in text { #expect(AppUpdate.update(&state, .key(.character(c))).isEmpty) }
  }

  @Test func `w writes a reply (a, d and w are typed) and Enter sends it as the assistant's`() {
    var state = UIFixtures.state(width: 100, height: 30)
    _ = AppUpdate.update(
      &state,
      .samplingRequested(
        SamplingPrompt(id: 5, server: "sdk2-features", params: Self.params, canned: nil)))
    #expect(render(state).contains("w writes one, d rejects"))
    #expect(AppUpdate.update(&state, .key(.character("w"))).isEmpty)
    #expect(AppUpdate.update(&state, .key(.enter)).isEmpty, "an empty reply is not sent")
    type("A dawn walkx", &state)
    _ = AppUpdate.update(&state, .key(.backspace))
    expectSnapshot(render(state), named: "sampling-writing-100x30")
    #expect(state.mode == .sampling)
    #expect(
      AppUpdate.update(&state, .key(.enter)) == [
        .answerSampling(id: 5, reply: .written("A dawn walk"))
      ])
    #expect(state.mode == .normal && state.samplingDraft == nil)
    #expect(state.notice == "answered sdk2-features's sampling request: your reply sent")
  }

  @Test func `w starts from the canned reply to edit; Esc stops writing, then rejects`() {
    var state = UIFixtures.state(width: 100, height: 30)
    _ = AppUpdate.update(
      &state,
      .samplingRequested(
        SamplingPrompt(id: 6, server: "s", params: Self.params, canned: Self.reply)))
    _ = AppUpdate.update(&state, .key(.character("w")))
    #expect(state.samplingDraft == "short")
    type("er", &state)
    #expect(render(state).contains("your reply  shorter▏"))
    #expect(AppUpdate.update(&state, .key(.escape)).isEmpty, "Esc stops writing only")
    #expect(state.samplingDraft == nil && state.mode == .sampling)
    #expect(AppUpdate.update(&state, .key(.escape)) == [.answerSampling(id: 6, reply: .reject)])
  }

  @Test func `without a canned reply a does nothing; Esc rejects`() {
    var state = UIFixtures.state(width: 100, height: 30)
    _ = AppUpdate.update(
      &state,
      .samplingRequested(
        SamplingPrompt(id: 4, server: "s", params: Self.params, canned: nil)))
    #expect(AppUpdate.update(&state, .key(.character("a"))).isEmpty)
    #expect(state.mode == .sampling)
    #expect(AppUpdate.update(&state, .key(.escape)) == [.answerSampling(id: 4, reply: .reject)])
    #expect(state.mode == .normal)
  }
}
