import PreflightCore
import PreflightJSON
import PreflightTestSupport
import PreflightUI
import TerminalGrid
import Testing

/// A server's elicitation answered in the TUI: a, d, Esc; form and URL mode.
@Suite struct ElicitationFlowTests {
  static let form = ElicitationPrompt(
    id: 1, server: "sdk2-features",
    request: ElicitationRequest(params: [
      "mode": "form", "message": "Pick a colour for the board",
      "requestedSchema": [
        "type": "object",
        "properties": [
          "colour": ["type": "string", "default": "blue", "description": "Your favourite colour"],
          "shade": ["type": "integer", "minimum": 1, "maximum": 9, "default": 5],
          "size": ["type": "string", "enum": ["s", "m"]],
        ],
        "required": ["size"],
      ],
    ]))
  static let url = ElicitationPrompt(
    id: 2, server: "sdk2-features",
    request: ElicitationRequest(params: [
      "mode": "url", "message": "Sign in to continue",
      "url": "https://auth.example.com/start?session=1", "elicitationId": "el-1",
    ]))

  func render(_ state: AppState) -> String {
    var grid = CellGrid(size: state.size)
    AppRender.render(state, into: &grid)
    return grid.textDump()
  }

  @Test func `a form request shows its fields and a accepts with the defaults`() {
    var state = UIFixtures.state(width: 100, height: 30)
    _ = AppUpdate.update(&state, .elicitationRequested(Self.form))
    #expect(state.mode == .elicitation)
    expectSnapshot(render(state), named: "elicitation-form-100x30")
    let effects = AppUpdate.update(&state, .key(.character("a")))
    #expect(
      effects == [.answerElicitation(id: 1, answer: .accept(["colour": "blue", "shade": 5]))])
    #expect(state.mode == .normal)
    #expect(state.notice == "answered sdk2-features's request: accept")
  }

  @Test func `a URL request shows the URL and its domain; d declines, Esc cancels`() {
    var state = UIFixtures.state(width: 100, height: 30)
    _ = AppUpdate.update(&state, .elicitationRequested(Self.url))
    _ = AppUpdate.update(&state, .elicitationRequested(Self.form))
    let screen = render(state)
    #expect(screen.contains("sdk2-features asks you to open a URL · 1 more"))
    #expect(screen.contains("URL     https://auth.example.com/start?session=1"))
    #expect(screen.contains("domain  auth.example.com"))
    #expect(screen.contains("Preflight never opens it for you"))
    #expect(
      AppUpdate.update(&state, .key(.character("d"))) == [
        .answerElicitation(id: 2, answer: .decline)
      ])
    #expect(state.mode == .elicitation, "the next request shows")
    #expect(AppUpdate.update(&state, .key(.escape)) == [.answerElicitation(id: 1, answer: .cancel)])
    #expect(state.mode == .normal)
  }

  @Test func `accepting a URL request sends no content at all`() {
    var state = UIFixtures.state(width: 100, height: 30)
    _ = AppUpdate.update(&state, .elicitationRequested(Self.url))
    let effects = AppUpdate.update(&state, .key(.character("a")))
    #expect(effects == [.answerElicitation(id: 2, answer: .accept(nil))])
    #expect(ElicitationAnswer.accept(nil).json == ["action": "accept"])
  }

  @Test func `other keys do nothing while a request waits`() {
    var state = UIFixtures.state(width: 100, height: 30)
    _ = AppUpdate.update(&state, .elicitationRequested(Self.url))
    #expect(AppUpdate.update(&state, .key(.character("q"))).isEmpty)
    #expect(AppUpdate.update(&state, .key(.enter)).isEmpty)
    #expect(state.mode == .elicitation && state.elicitations.count == 1)
  }
}
