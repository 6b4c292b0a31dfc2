import PreflightCore
import PreflightJSON
import PreflightTestSupport
import PreflightUI
import TerminalGrid
import Testing

/// Completions in the catalog forms: Ctrl-T asks, the values show under the field, a pick
/// fills it.
@Suite struct CatalogCompletionTests {
  /// The overlay open on a server that offers completions, the greet prompt's form open with
  /// `name` typed and `style` selected.
  func greetForm(completions: Bool = true) -> AppState {
    var state = CatalogTests().opened()
    state.server?.capabilities =
      completions ? ["prompts": [:], "completions": [:]] : ["prompts": [:]]
    for _ in 0..<4 { _ = AppUpdate.update(&state, .key(.down)) }
    #expect(state.catalog?.selectedRow?.key == "greet")
    _ = AppUpdate.update(&state, .key(.enter))
    for c in "Ada" { _ = AppUpdate.update(&state, .key(.character(c))) }
    _ = AppUpdate.update(&state, .key(.tab))
    _ = AppUpdate.update(&state, .key(.character("f")))
    return state
  }

  @Test func `Ctrl-T asks for the field's completions with the other fields as context`() {
    var state = greetForm()
    #expect(
      AppUpdate.update(&state, .key(.control("t"))) == [
        .complete(
          reference: ["type": "ref/prompt", "name": "greet"], argument: "style", value: "f",
          context: ["name": "Ada"])
      ])
    #expect(state.notice == "asking for completions of style…")
    // F2 is the same key, for terminals that take Ctrl-T.
    #expect(AppUpdate.update(&state, .key(.function(2))).count == 1)
  }

  @Test func `context is left out for a server on a protocol before 2025-06-18`() {
    var state = greetForm()
    state.server?.protocolVersion = "2025-03-26"
    #expect(
      AppUpdate.update(&state, .key(.control("t"))) == [
        .complete(
          reference: ["type": "ref/prompt", "name": "greet"], argument: "style", value: "f",
          context: [:])
      ])
  }

  @Test func `the values show under the field; arrows choose and Enter puts one in the field`() {
    var state = greetForm()
    _ = AppUpdate.update(&state, .key(.control("t")))
    _ = AppUpdate.update(
      &state,
      .completionsArrived(
        argument: "style", values: ["friendly", "formal", "f\u{1B}[31mire"], total: 5,
        hasMore: true))
    #expect(state.catalogCompletions?.values.count == 3)
    #expect(
      state.notice
        == "3 of 5 completions, more on the server (type more to narrow) for style: ←→ choose, Enter picks, Esc closes"
    )
    _ = AppUpdate.update(&state, .key(.right))
    #expect(state.catalogCompletions?.selected == 1)
    let screen = CatalogTests().render(state)
    #expect(!screen.contains("\u{1B}"), "server text reaches the grid made safe")
    expectSnapshot(screen, named: "catalog-completions-100x30")
    _ = AppUpdate.update(&state, .key(.right))
    _ = AppUpdate.update(&state, .key(.right))
    #expect(state.catalogCompletions?.selected == 2, "stops at the last value")
    _ = AppUpdate.update(&state, .key(.left))
    #expect(AppUpdate.update(&state, .key(.enter)).isEmpty, "Enter picks; it sends nothing")
    #expect(state.catalogCompletions == nil)
    #expect(state.catalogForm?.model.value == ["name": "Ada", "style": "formal"])
    // With the list closed, Enter gets the prompt with the picked value.
    #expect(
      AppUpdate.update(&state, .key(.enter)) == [
        .getPromptWithArguments("greet", ["name": "Ada", "style": "formal"])
      ])
  }

  @Test func `Esc closes the list and keeps the form; typing closes it too`() {
    var state = greetForm()
    _ = AppUpdate.update(
      &state,
      .completionsArrived(argument: "style", values: ["friendly"], total: nil, hasMore: false))
    #expect(state.notice?.hasPrefix("1 completion for style") == true)
    _ = AppUpdate.update(&state, .key(.escape))
    #expect(state.catalogCompletions == nil && state.catalogForm != nil)
    _ = AppUpdate.update(
      &state,
      .completionsArrived(argument: "style", values: ["friendly"], total: nil, hasMore: false))
    _ = AppUpdate.update(&state, .key(.character("r")))
    #expect(state.catalogCompletions == nil)
    #expect(state.catalogForm?.model.value == ["name": "Ada", "style": "fr"])
  }

  @Test func `values for a field no longer selected are dropped; none or a failure is said`() {
    var state = greetForm()
    _ = AppUpdate.update(
      &state,
      .completionsArrived(argument: "name", values: ["Ada Lovelace"], total: nil, hasMore: false))
    #expect(state.catalogCompletions == nil)
    _ = AppUpdate.update(
      &state, .completionsArrived(argument: "style", values: [], total: nil, hasMore: false))
    #expect(state.notice == "the server offers no completions for style with what it holds")
    _ = AppUpdate.update(&state, .completionsFailed("completion/complete failed: boom"))
    #expect(state.notice == "completions failed: completion/complete failed: boom")
  }

  @Test func `at most 100 values are kept and the rest is noted`() {
    let pick = CompletionPick(
      argument: "x", values: (0..<150).map(String.init), total: nil, hasMore: false)
    #expect(pick.values.count == 100 && pick.hasMore)
    #expect(pick.summary == "100 completions, more on the server (type more to narrow)")
  }

  @Test func `a template's variable completes against ref/resource`() {
    var state = CatalogTests().opened()
    state.server?.capabilities = ["completions": [:]]
    for _ in 0..<3 { _ = AppUpdate.update(&state, .key(.down)) }
    _ = AppUpdate.update(&state, .key(.enter))
    _ = AppUpdate.update(&state, .key(.character("t")))
    #expect(
      AppUpdate.update(&state, .key(.control("t"))) == [
        .complete(
          reference: ["type": "ref/resource", "uri": "search://items{?q,limit}"], argument: "q",
          value: "t", context: [:])
      ])
  }

  @Test func `without capabilities.completions the key sends nothing and says so`() {
    var state = greetForm(completions: false)
    #expect(AppUpdate.update(&state, .key(.control("t"))).isEmpty)
    #expect(state.notice == "the server does not offer completions (no capabilities.completions)")
  }
}
