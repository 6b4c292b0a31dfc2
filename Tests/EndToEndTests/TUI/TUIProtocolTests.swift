import Foundation
import PreflightTestSupport
import Testing

/// Ping on demand, and a server's elicitation answered in the TUI from `--elicit` and shown in
/// the log, driven through tmux.
@Suite(TmuxSession.gate) struct TUIProtocolTests {
  static let featureTools = [
    "touch", "log_levels", "ask_colour", "open_link", "need_url", "summarize", "show_roots",
    "long_task",
  ]

  @Test func `P pings the server and shows the round-trip time`() async throws {
    try await withPreflight { tui in
      try await waitForReady(tui, tools: demoToolNames)
      try await tui.sendKeys("P")
      let screen = try await tui.waitFor(text: "ping: the server answered in")
      #expect(screen.contains(" ms"), "\(screen)")
      try await tui.sendKeys("Tab", "Tab", "Tab")
      let log = try await tui.waitFor(text: "[Log")
      #expect(log.contains("ping"), "the log keeps the round trip: \(log)")
    }
  }

  @Test(.enabled(if: PythonServers.available || PythonServers.required))
  func `an elicitation during a call is answered from --elicit and shown in the log`()
    async throws
  {
    let server = try PythonServers.fixture("sdk2_features.py")
    try await withPreflight(
      ["--client-profile", "full", "--elicit", "accept", "--connect-timeout", "60", "--"] + server,
      width: 160, height: 48
    ) { tui in
      try await waitForReady(tui, tools: Self.featureTools, timeout: .seconds(60))
      try await tui.sendKeys("j", "j")
      try await tui.waitFor(text: "▶ ask_colour")
      try await tui.sendKeys("c")
      try await tui.sendKeys("Enter")
      try await tui.waitFor(text: "ask_colour")
      try await tui.sendKeys("a")
      try await tui.waitFor(
        text: #"accepted: {"colour": "blue", "glossy": false, "shade": 5}"#, timeout: .seconds(60))
      // Back from the result view, then to the log pane, which tags the request.
      try await escape(tui, until: "c call")
      try await tui.sendKeys("Tab", "Tab", "Tab")
      // The wire pane shows the local record; the log pane tags the same text "request".
      let log = try await tui.waitUntil("the log pane's request line") { screen in
        screenLines(screen).contains { $0.contains("request") && $0.contains("asked for input") }
      }
      #expect(log.contains("asked for input (elicitation, form mode)"))
    }
  }

  @Test(.enabled(if: PythonServers.available || PythonServers.required))
  func `x cancels a long call: notifications/cancelled goes out and the log says so`()
    async throws
  {
    let server = try PythonServers.fixture("sdk2_features.py")
    try await withPreflight(
      ["--client-profile", "full", "--connect-timeout", "60", "--"] + server, width: 160,
      height: 48
    ) { tui in
      try await waitForReady(tui, tools: Self.featureTools, timeout: .seconds(60))
      try await tui.sendKeys("G")
      try await tui.waitFor(text: "▶ long_task")
      try await tui.sendKeys("c")
      try await tui.waitFor(text: "Esc cancel")
      try await tui.sendKeys("Enter")
      try await tui.waitFor(text: "approve")
      try await tui.sendKeys("a")
      // The call runs for 30 s, reporting progress; cancel it once progress shows on the wire.
      try await tui.waitFor(text: "notifications/progress", timeout: .seconds(60))
      try await tui.sendKeys("x")
      try await tui.waitFor(text: "tools/call was cancelled", timeout: .seconds(60))
      try await tui.sendKeys("Escape")
      try await tui.waitFor(text: "→  notifications/cancelled")
      try await tui.sendKeys("Tab", "Tab", "Tab")
      try await tui.waitUntil("the log pane's cancel line") { screen in
        screenLines(screen).contains {
          $0.contains("cancel") && $0.contains("cancelled by the client")
        }
      }
    }
  }

  @Test(.enabled(if: PythonServers.available || PythonServers.required))
  func `o lists resources and prompts; Enter reads a resource, binary summarised`()
    async throws
  {
    let server = try PythonServers.fixture("sdk2_features.py")
    try await withPreflight(["--connect-timeout", "60", "--"] + server) { tui in
      try await waitForReady(tui, tools: Array(Self.featureTools.prefix(5)), timeout: .seconds(60))
      try await tui.sendKeys("o")
      let list = try await tui.waitFor(text: "Resources 4 · templates 2 · prompts 2")
      #expect(list.contains("ui://widget/board.html  [widget]"), "\(list)")
      #expect(list.contains("search://items{?q,limit}"))
      try await tui.sendKeys("Enter")
      try await tui.waitFor(text: "Welcome to the features fixture.")
      try await escape(tui, until: "Enter open · Esc close")
      try await tui.sendKeys("j", "j", "Enter")
      try await tui.waitFor(text: "binary, 16 bytes")
      try await escape(tui, until: "Enter open · Esc close")
      try await tui.sendKeys("Escape")
      try await tui.waitFor(text: "[Tools 8]")
    }
  }

  @Test(.enabled(if: PythonServers.available || PythonServers.required))
  func `o: a template's variables and a prompt's arguments are filled in a form`() async throws {
    let server = try PythonServers.fixture("sdk2_features.py")
    try await withPreflight(["--connect-timeout", "60", "--"] + server, width: 160, height: 48) {
      tui in
      try await waitForReady(tui, tools: Array(Self.featureTools.prefix(5)), timeout: .seconds(60))
      try await tui.sendKeys("o")
      try await tui.waitFor(text: "Resources 4 · templates 2 · prompts 2")
      try await tui.sendKeys("j", "j", "j", "j")
      try await tui.waitFor(text: "▶ template notes://by-name/{name}")
      try await tui.sendKeys("Enter")
      try await tui.waitFor(text: "Read notes://by-name/{name}")
      try await tui.type("todo")
      try await tui.waitFor(text: "URI  notes://by-name/todo")
      try await tui.sendKeys("Enter")
      try await tui.waitFor(text: "Note called todo.", timeout: .seconds(60))
      try await escape(tui, until: "Enter open · Esc close")
      try await tui.sendKeys("j", "j")
      try await tui.waitFor(text: "▶ prompt   greet")
      try await tui.sendKeys("Enter")
      try await tui.waitFor(text: "Get prompt greet")
      try await tui.type("Ada")
      try await tui.sendKeys("Tab")
      // The fixture completes greet's style: Ctrl-T lists the values starting with "f".
      try await tui.type("f")
      try await tui.sendKeys("C-t")
      try await tui.waitFor(text: "2 completions for style", timeout: .seconds(60))
      let listed = try await tui.waitFor(text: "▸ friendly")
      #expect(listed.contains("formal") && !listed.contains("pirate"))
      try await tui.sendKeys("Right")
      try await tui.waitFor(text: "▸ formal")
      try await tui.sendKeys("Enter")
      try await tui.waitFor(text: "formal▏")
      try await tui.sendKeys("Enter")
      try await tui.waitFor(text: "Say hello to Ada in a formal way.", timeout: .seconds(60))
    }
  }

  @Test(.enabled(if: PythonServers.available || PythonServers.required))
  func `without --elicit the user answers: a form filled in, or a URL declined`()
    async throws
  {
    let server = try PythonServers.fixture("sdk2_features.py")
    try await withPreflight(
      ["--client-profile", "full", "--connect-timeout", "60", "--"] + server, width: 160,
      height: 48
    ) { tui in
      try await waitForReady(tui, tools: Self.featureTools, timeout: .seconds(60))
      try await tui.sendKeys("j", "j")
      try await tui.waitFor(text: "▶ ask_colour")
      try await tui.sendKeys("c")
      try await tui.waitFor(text: "Esc cancel")
      try await tui.sendKeys("Enter")
      try await tui.waitFor(text: "approve")
      try await tui.sendKeys("a")
      let asked = try await tui.waitFor(text: "sdk2-features asks for input", timeout: .seconds(60))
      #expect(asked.contains("Pick a colour for the board"))
      #expect(asked.contains("Enter accept"), "\(asked)")
      #expect(asked.lowercased().contains("▶ colour"), "the first field is selected: \(asked)")
      // The colour starts at its default; replace it ("a" and "d" are typed, not answers),
      // flip glossy, then accept with what was entered.
      try await tui.sendKeys(Array(repeating: "BSpace", count: 4))
      try await tui.type("dark red")
      try await tui.waitFor(text: "dark red")
      try await tui.sendKeys("Tab", "Tab")
      _ = try await tui.waitUntil("the glossy field selected") {
        $0.lowercased().contains("▶ glossy")
      }
      try await tui.sendKeys("Space")
      try await tui.waitFor(text: "true")
      try await tui.sendKeys("Enter")
      try await tui.waitFor(
        text: #"accepted: {"colour": "dark red", "glossy": true, "shade": 5}"#,
        timeout: .seconds(60))

      try await escape(tui, until: "c call")
      try await tui.sendKeys("j")
      try await tui.waitFor(text: "▶ open_link")
      try await tui.sendKeys("c")
      try await tui.waitFor(text: "Esc cancel")
      try await tui.sendKeys("Enter")
      try await tui.waitFor(text: "approve")
      try await tui.sendKeys("a")
      let url = try await tui.waitFor(
        text: "sdk2-features asks you to open a URL", timeout: .seconds(60))
      #expect(url.contains("domain  auth.example.com"), "\(url)")
      try await tui.sendKeys("d")
      let result = try await tui.waitFor(text: "Call open_link", timeout: .seconds(60))
      #expect(result.contains("decline"), "\(result)")
    }
  }

  @Test func `under the ChatGPT profile the first call says why no progress will show`()
    async throws
  {
    try await withPreflight(width: 160, height: 48) { tui in
      try await waitForReady(tui, tools: demoToolNames)
      try await tui.sendKeys("c")
      try await tui.waitFor(text: "Esc cancel")
      try await tui.sendKeys("Enter")
      try await tui.waitFor(text: "result in")
      try await escape(tui, until: "c call")
      try await tui.sendKeys("Tab", "Tab", "Tab")
      try await tui.waitUntil("the log's progress line") { screen in
        screenLines(screen).contains {
          $0.contains("progress") && $0.contains("no progress will show: the chatgpt profile")
        }
      }
    }
  }

  @Test(.enabled(if: PythonServers.available || PythonServers.required))
  func `a sampling request is shown and answered with the canned reply`() async throws {
    let server = try PythonServers.fixture("sdk2_features.py")
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("preflight-reply-\(UUID().uuidString).txt").path
    try Data("A short summary.".utf8).write(to: URL(fileURLWithPath: file))
    defer { try? FileManager.default.removeItem(atPath: file) }
    try await withPreflight(
      ["--client-profile", "full", "--sampling-reply", file, "--connect-timeout", "60", "--"]
        + server, width: 160, height: 48
    ) { tui in
      try await waitForReady(tui, tools: Self.featureTools, timeout: .seconds(60))
      try await tui.sendKeys("j", "j", "j", "j", "j")
      try await tui.waitFor(text: "▶ summarize")
      try await tui.sendKeys("c")
      try await tui.waitFor(text: "Esc cancel")
      try await tui.sendKeys("t", "e", "a", "Enter")
      try await tui.waitFor(text: "approve")
      try await tui.sendKeys("a")
      let asked = try await tui.waitFor(
        text: "sdk2-features asks for a model reply (sampling)", timeout: .seconds(60))
      #expect(asked.contains("system  You summarize in one line."), "\(asked)")
      #expect(asked.contains("user  tea"))
      #expect(asked.contains("a sends the canned reply (model preflight-canned): A short summary."))
      try await tui.sendKeys("a")
      try await tui.waitFor(
        text: "model preflight-canned said: A short summary.", timeout: .seconds(60))
    }
  }

  @Test(.enabled(if: PythonServers.available || PythonServers.required))
  func `a sampling request is answered with a reply the user writes`() async throws {
    let server = try PythonServers.fixture("sdk2_features.py")
    try await withPreflight(
      ["--client-profile", "full", "--connect-timeout", "60", "--"] + server, width: 160,
      height: 48
    ) { tui in
      try await waitForReady(tui, tools: Self.featureTools, timeout: .seconds(60))
      try await tui.sendKeys("j", "j", "j", "j", "j")
      try await tui.waitFor(text: "▶ summarize")
      try await tui.sendKeys("c")
      try await tui.waitFor(text: "Esc cancel")
      try await tui.sendKeys("t", "e", "a", "Enter")
      try await tui.waitFor(text: "approve")
      try await tui.sendKeys("a")
      try await tui.waitFor(
        text: "sdk2-features asks for a model reply (sampling)", timeout: .seconds(60))
      try await tui.sendKeys("w")
      try await tui.waitFor(text: "Esc stop writing")
      try await tui.type("Tea, drunk daily.")
      try await tui.waitFor(text: "your reply  Tea, drunk daily.")
      try await tui.sendKeys("Enter")
      try await tui.waitFor(
        text: "model preflight-user said: Tea, drunk daily.", timeout: .seconds(60))
    }
  }

  @Test(.enabled(if: PythonServers.available || PythonServers.required))
  func `s subscribes to a resource and its updates show live in the log`() async throws {
    let server = try PythonServers.fixture("sdk2_features.py")
    try await withPreflight(
      ["--client-profile", "full", "--connect-timeout", "60", "--"] + server, width: 160,
      height: 48
    ) { tui in
      try await waitForReady(tui, tools: Self.featureTools, timeout: .seconds(60))
      try await tui.sendKeys("o")
      try await tui.waitFor(text: "Resources 4 · templates 2 · prompts 2")
      try await tui.sendKeys("s")
      try await tui.waitFor(text: "notes://welcome  [subscribed]")
      try await escape(tui, until: "c call")
      // touch (the first tool) makes the server send notifications/resources/updated.
      try await tui.sendKeys("c")
      try await tui.waitFor(text: "Esc cancel")
      for c in "notes://welcome" { try await tui.sendKeys(String(c)) }
      try await tui.sendKeys("Enter")
      try await tui.waitFor(text: "approve")
      try await tui.sendKeys("a")
      try await tui.waitFor(text: "notified", timeout: .seconds(60))
      try await escape(tui, until: "c call")
      try await tui.sendKeys("Tab", "Tab", "Tab")
      try await tui.waitUntil("the log's updated line") { screen in
        screenLines(screen).contains { $0.contains("updated") && $0.contains("notes://welcome") }
      }
    }
  }

  /// Sends Escape alone and waits until `text` shows: an Escape followed at once by another
  /// key would reach the program as one Alt chord.
  private func escape(_ tui: TmuxSession, until text: String) async throws {
    try await tui.sendKeys("Escape")
    try await tui.waitFor(text: text)
  }
}
