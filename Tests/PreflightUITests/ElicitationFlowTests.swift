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

  func keys(_ state: inout AppState, _ text: String) -> [Effect] {
    var effects: [Effect] = []
    for c in text { effects += AppUpdate.update(&state, .key(.character(c))) }
    return effects
  }

  @Test func `a form request is a form: the user fills the fields and Enter accepts them`() {
    var state = UIFixtures.state(width: 100, height: 30)
    _ = AppUpdate.update(&state, .elicitationRequested(Self.form))
    #expect(state.mode == .elicitation)
    expectSnapshot(render(state), named: "elicitation-form-100x30")
    // colour starts at its default "blue": replace it (letters a and d are typed, not answers).
    for _ in 0..<4 { _ = AppUpdate.update(&state, .key(.backspace)) }
    #expect(keys(&state, "dark red").isEmpty)
    _ = AppUpdate.update(&state, .key(.tab))
    _ = AppUpdate.update(&state, .key(.backspace))
    _ = keys(&state, "7")
    _ = AppUpdate.update(&state, .key(.tab))
    _ = keys(&state, "m")
    #expect(state.mode == .elicitation, "typing answers nothing")
    let effects = AppUpdate.update(&state, .key(.enter))
    #expect(
      effects == [
        .answerElicitation(
          id: 1, answer: .accept(["colour": "dark red", "shade": 7, "size": "m"]))
      ])
    #expect(state.mode == .normal)
    #expect(state.elicitationForm == nil)
    #expect(state.notice == "answered sdk2-features's request: accept")
  }

  @Test func `errors show at their fields and nothing is sent until they are fixed`() {
    var state = UIFixtures.state(width: 100, height: 30)
    _ = AppUpdate.update(&state, .elicitationRequested(Self.form))
    _ = AppUpdate.update(&state, .key(.down))
    _ = AppUpdate.update(&state, .key(.backspace))
    _ = keys(&state, "12")
    #expect(AppUpdate.update(&state, .key(.enter)).isEmpty, "size is required, shade ≤ 9")
    #expect(state.mode == .elicitation)
    #expect(state.notice == "fix the fields marked ✕ first; nothing was sent")
    let screen = render(state)
    expectSnapshot(screen, named: "elicitation-form-errors-100x30")
    #expect(screen.contains("✕ size is required"))
    // ← → pick the required choice; the shade is fixed; then it goes.
    _ = AppUpdate.update(&state, .key(.backspace))
    _ = AppUpdate.update(&state, .key(.down))
    _ = AppUpdate.update(&state, .key(.right))
    #expect(
      AppUpdate.update(&state, .key(.enter)) == [
        .answerElicitation(id: 1, answer: .accept(["colour": "blue", "shade": 1, "size": "s"]))
      ])
  }

  @Test func `Ctrl-D declines a form whose fields take typing; the call form underneath stays`() {
    var state = UIFixtures.state(width: 100, height: 30)
    let tool: JSONValue = [
      "name": "echo",
      "inputSchema": ["type": "object", "properties": ["text": ["type": "string"]]],
    ]
    state.form = CallForm(tool: tool, previous: ["text": "hi"])
    state.mode = .form
    _ = AppUpdate.update(&state, .elicitationRequested(Self.form))
    _ = keys(&state, "x")
    #expect(
      AppUpdate.update(&state, .key(.control("d"))) == [
        .answerElicitation(id: 1, answer: .decline)
      ])
    #expect(state.mode == .form)
    #expect(state.form?.model.value == ["text": "hi"], "the call form is untouched")
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
    #expect(screen.contains("a accept URL  d decline  Esc cancel"), "the status line: \(screen)")
    #expect(!screen.contains("Enter accept"), "Enter does not accept a URL request")
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
