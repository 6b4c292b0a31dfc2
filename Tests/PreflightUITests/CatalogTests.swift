import PreflightCore
import PreflightJSON
import PreflightTestSupport
import PreflightUI
import TerminalGrid
import Testing

/// The resources and prompts overlay (`o`): listing, reading a resource, getting a prompt.
@Suite struct CatalogTests {
  static let resources: [JSONValue] = [
    [
      "uri": "notes://welcome", "name": "welcome", "title": "Welcome note",
      "mimeType": "text/plain",
    ],
    ["uri": "images://logo", "name": "logo", "mimeType": "image/png"],
    ["uri": "ui://widget/board.html", "name": "board", "mimeType": "text/html+skybridge"],
  ]
  static let templates: [JSONValue] = [
    ["uriTemplate": "search://items{?q,limit}", "name": "search", "mimeType": "text/plain"]
  ]
  static let prompts: [JSONValue] = [
    [
      "name": "greet", "title": "Greeting",
      "arguments": [["name": "name", "required": true], ["name": "style", "required": false]],
    ],
    ["name": "daily", "description": "A daily summary"],
  ]

  func opened() -> AppState {
    var state = UIFixtures.state(width: 100, height: 30)
    #expect(AppUpdate.update(&state, .key(.character("o"))) == [.loadCatalog])
    _ = AppUpdate.update(
      &state,
      .catalogLoaded(resources: Self.resources, templates: Self.templates, prompts: Self.prompts))
    return state
  }

  func render(_ state: AppState) -> String {
    var grid = CellGrid(size: state.size)
    AppRender.render(state, into: &grid)
    return grid.textDump()
  }

  @Test func `o lists resources, templates and prompts with widgets marked`() {
    let state = opened()
    #expect(state.mode == .catalog)
    let rows = state.catalog?.rows ?? []
    #expect(rows.map(\.kind) == [.resource, .resource, .resource, .template, .prompt, .prompt])
    #expect(rows.map(\.widget) == [false, false, true, false, false, false])
    #expect(rows[3].detail == "search · variables: q, limit")
    #expect(rows[4].detail == "Greeting · arguments: name*, style")
    expectSnapshot(render(state), named: "catalog-100x30")
  }

  @Test func `Enter reads the selected resource and shows its text; Esc goes back, then closes`() {
    var state = opened()
    #expect(AppUpdate.update(&state, .key(.enter)) == [.readResource("notes://welcome")])
    _ = AppUpdate.update(
      &state,
      .resourceRead(
        uri: "notes://welcome",
        result: [
          "contents": [
            ["uri": "notes://welcome", "mimeType": "text/plain", "text": "line one\nline two"]
          ]
        ], error: nil))
    #expect(
      state.catalog?.opened?.lines == [
        "notes://welcome · text/plain · 17 bytes", "line one", "line two",
      ])
    #expect(render(state).contains("line two"))
    _ = AppUpdate.update(&state, .key(.escape))
    #expect(state.mode == .catalog && state.catalog?.opened == nil)
    _ = AppUpdate.update(&state, .key(.escape))
    #expect(state.mode == .normal)
  }

  @Test func `a binary resource is summarised, not shown`() {
    let lines = Catalog.lines(
      readResult: [
        "contents": [["uri": "images://logo", "mimeType": "image/png", "blob": "iVBORw0KGgo="]]
      ])
    #expect(
      lines == [
        "images://logo · image/png · 8 bytes",
        "binary, 8 bytes; preflight read --out FILE saves it",
      ])
  }

  func type(_ text: String, _ state: inout AppState) {
    for c in text { #expect(AppUpdate.update(&state, .key(.character(c))).isEmpty) }
  }

  @Test func `a prompt with arguments opens a form; Enter gets it with what was typed`() {
    var state = opened()
    for _ in 0..<4 { _ = AppUpdate.update(&state, .key(.down)) }
    #expect(state.catalog?.selectedRow?.key == "greet")
    #expect(AppUpdate.update(&state, .key(.enter)).isEmpty)
    #expect(state.catalogForm != nil)
    #expect(AppUpdate.update(&state, .key(.enter)).isEmpty, "name is required")
    #expect(render(state).contains("✕ name is required"))
    // Letters the overlay binds (q, j, k, s) are typed into the field while the form is open.
    type("Jo sks q", &state)
    _ = AppUpdate.update(&state, .key(.tab))
    type("formal", &state)
    expectSnapshot(render(state), named: "catalog-prompt-form-100x30")
    #expect(
      AppUpdate.update(&state, .key(.enter)) == [
        .getPromptWithArguments("greet", ["name": "Jo sks q", "style": "formal"])
      ])
    #expect(state.catalogForm == nil)
    #expect(state.catalog?.opened?.title == "greet")
    _ = AppUpdate.update(&state, .key(.escape))
    #expect(state.mode == .catalog && state.catalog?.opened == nil)
    // Esc leaves a form without sending anything.
    _ = AppUpdate.update(&state, .key(.enter))
    #expect(AppUpdate.update(&state, .key(.escape)).isEmpty)
    #expect(state.catalogForm == nil && state.mode == .catalog)
    _ = AppUpdate.update(&state, .key(.down))
    #expect(AppUpdate.update(&state, .key(.enter)) == [.getPrompt("daily")])
    _ = AppUpdate.update(
      &state,
      .promptGot(
        name: "daily",
        result: [
          "description": "A daily summary",
          "messages": [["role": "user", "content": ["type": "text", "text": "Summarise today."]]],
        ]))
    #expect(
      state.catalog?.opened?.lines == [
        "A daily summary", "", "── user · text", "Summarise today.", "",
      ])
  }

  @Test func `a template opens a form for its variables and Enter reads the URI they make`() {
    var state = opened()
    for _ in 0..<3 { _ = AppUpdate.update(&state, .key(.down)) }
    #expect(state.catalog?.selectedRow?.kind == .template)
    #expect(AppUpdate.update(&state, .key(.enter)).isEmpty)
    type("tea cakes", &state)
    _ = AppUpdate.update(&state, .key(.down))
    type("5", &state)
    let screen = render(state)
    expectSnapshot(screen, named: "catalog-template-form-100x30")
    #expect(screen.contains("URI  search://items?q=tea%20cakes&limit=5"))
    #expect(
      AppUpdate.update(&state, .key(.enter)) == [
        .readResource("search://items?q=tea%20cakes&limit=5")
      ])
    #expect(state.catalog?.opened?.title == "search://items?q=tea%20cakes&limit=5")
    _ = AppUpdate.update(
      &state,
      .resourceRead(
        uri: "search://items?q=tea%20cakes&limit=5",
        result: ["contents": [["uri": "search://items?q=tea%20cakes&limit=5", "text": "2 items"]]],
        error: nil))
    #expect(state.catalog?.opened?.lines.last == "2 items")
  }

  @Test func `s subscribes to the selected resource when the server offers it, and again ends it`()
  {
    var state = opened()
    state.server?.capabilities = ["resources": ["subscribe": true]]
    #expect(
      AppUpdate.update(&state, .key(.character("s"))) == [.subscribe("notes://welcome", true)])
    _ = AppUpdate.update(&state, .subscriptionChanged("notes://welcome", true))
    #expect(state.subscriptions == ["notes://welcome"])
    #expect(render(state).contains("notes://welcome  [subscribed]"))
    #expect(
      state.log.entries.last?.text == "subscribed to notes://welcome: updates show in the log")
    #expect(
      AppUpdate.update(&state, .key(.character("s"))) == [.subscribe("notes://welcome", false)])
    _ = AppUpdate.update(&state, .subscriptionChanged("notes://welcome", false))
    #expect(state.subscriptions.isEmpty)
  }

  @Test func `a failed subscription keeps the list and says why in the status line`() {
    var state = opened()
    _ = AppUpdate.update(&state, .catalogFailed("resources/subscribe failed: no"))
    #expect(state.catalog?.opened == nil)
    #expect(state.notice == "failed: resources/subscribe failed: no")
  }

  @Test func `s on a server without subscriptions sends nothing and says why`() {
    var state = opened()
    state.server?.capabilities = ["resources": [:]]
    #expect(AppUpdate.update(&state, .key(.character("s"))).isEmpty)
    #expect(state.notice == "the server does not offer subscriptions (resources.subscribe)")
  }

  @Test func `a listing failure is shown in the overlay`() {
    var state = UIFixtures.state(width: 100, height: 30)
    _ = AppUpdate.update(&state, .key(.character("o")))
    _ = AppUpdate.update(&state, .catalogFailed("resources/list failed: boom"))
    #expect(state.catalog?.error == "resources/list failed: boom")
    #expect(render(state).contains("resources/list failed: boom"))
  }
}
