import Foundation
import PreflightTestSupport
import Testing

/// The call form on the demo server, through tmux: fill it with the form's keys and read the
/// result; the raw JSON editor round trip; `$EDITOR`; repeat; share as a command line.
@Suite(TmuxSession.gate) struct TUIFormTests {
  /// Selects `tool` in the tool list (by filtering for it) and opens its form.
  func openForm(_ tui: TmuxSession, _ tool: String) async throws {
    try await waitForReady(tui, tools: demoToolNames)
    try await tui.sendKeys("/")
    try await tui.type(tool)
    try await tui.waitFor(text: "▶ \(tool)")
    try await tui.sendKeys("Enter", "c")
    try await tui.waitFor(text: "Call \(tool)")
  }

  @Test func `fill create_task's form with its keys, approve, and read the result`() async throws {
    try await withPreflight { tui in
      try await openForm(tui, "create_task")
      try await tui.type("Buy milk")
      try await tui.sendKeys("Tab")  // priority: normal (the default)
      try await tui.waitFor(text: "● normal")
      try await tui.sendKeys("Right")
      try await tui.waitFor(text: "● high")
      try await tui.sendKeys("Tab", "C-n")  // tags: a first item
      try await tui.waitFor(text: "tags[0]")
      try await tui.type("home")
      try await tui.sendKeys("Enter")
      // The card (create_task is a write), showing the arguments from the form.
      let card = try await tui.waitFor(text: "a approve")
      #expect(card.contains("Buy milk") && card.contains("home"), "\(TmuxSession.framed(card))")
      try await tui.sendKeys("a")
      let result = try await tui.waitFor(allOf: [
        #""title": "Buy milk""#, #""priority": "high""#, #""home""#,
      ])
      #expect(result.contains("approved"), "\(TmuxSession.framed(result))")
    }
  }

  @Test func `the JSON editor shows the form's arguments, takes edits, and goes back to the form`()
    async throws
  {
    try await withPreflight { tui in
      try await openForm(tui, "create_task")
      try await tui.type("Tea")
      try await tui.sendKeys("C-e")
      try await tui.waitFor(allOf: ["arguments JSON", #""title": "Tea","#, "Ctrl-D call"])
      // The cursor starts inside the object: add a member at the end of the title's line.
      try await tui.sendKeys("End")
      try await tui.type(#" "tags": ["from-json"],"#)
      try await tui.sendKeys("C-e")
      let form = try await tui.waitFor(allOf: ["tags[0]", "from-json", "Enter call"])
      #expect(!form.contains("arguments JSON"), "back in the form")
      // A parse error is shown with its line and column and nothing is sent.
      try await tui.sendKeys("C-e", "End", "BSpace", "C-d")
      try await tui.waitFor(allOf: ["✕ line 3, column 3", "nothing was sent"])
      try await tui.type(",")
      try await tui.sendKeys("F5")
      try await tui.waitFor(text: "a approve")
      try await tui.sendKeys("a")
      try await tui.waitFor(allOf: [#""title": "Tea""#, #""from-json""#])
    }
  }

  @Test func `the EDITOR rewrites the arguments and the call goes out with them`() async throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("preflight-editor-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let script = folder.appendingPathComponent("edit.sh").path
    try """
    #!/bin/sh
    printf '{"title": "From the editor", "priority": "low", "tags": ["ed"]}' > "$1"
    """.write(toFile: script, atomically: true, encoding: .utf8)
    chmod(script, 0o755)
    try await withPreflight(environment: ["EDITOR": script]) { tui in
      try await openForm(tui, "create_task")
      try await tui.sendKeys("C-o")
      let back = try await tui.waitFor(allOf: [
        "arguments read back from $EDITOR and valid", #""title": "From the editor""#,
      ])
      #expect(headerLine(back).hasSuffix(readyMark), "the screen is whole again")
      #expect(try await tui.display("#{alternate_on}") == "1", "curses has the screen back")
      try await tui.sendKeys("C-d")
      try await tui.waitFor(text: "a approve")
      try await tui.sendKeys("a")
      try await tui.waitFor(allOf: [#""title": "From the editor""#, #""priority": "low""#])
    }
  }

  @Test func `a failing $EDITOR leaves the form as it was and the screen restored`() async throws {
    try await withPreflight(environment: ["EDITOR": "/bin/false"]) { tui in
      try await openForm(tui, "create_task")
      try await tui.type("Kept")
      try await tui.sendKeys("C-o")
      let screen = try await tui.waitFor(text: "exited with status 1; the arguments are unchanged")
      #expect(screen.contains("Kept"), "the form keeps what was typed")
      #expect(try await tui.display("#{alternate_on}") == "1")
      try await tui.sendKeys("Escape", "q")
      try await expectExitAndTerminalRestored(tui)
    }
  }

  @Test func `. repeats the last call and y shows and copies it as a command line`() async throws {
    try await withPreflight { tui in
      try await openForm(tui, "echo")
      try await tui.type("hello")
      try await tui.sendKeys("Enter")
      try await tui.waitFor(allOf: ["Call echo", #""text": "hello""#, ". repeat"])
      try await tui.sendKeys(".")
      try await tui.waitFor(text: "Call echo")
      // The repeat went out as a second tools/call.
      try await tui.sendKeys("Escape", "Escape", "Tab", "Tab")
      try await tui.waitFor(allOf: ["→  tools/call #2", "→  tools/call #3"])

      try await tui.sendKeys("y")
      let box = try await tui.waitFor(allOf: [
        "Share this call", #"preflight call --args '{"text":"hello"}' echo"#,
      ])
      #expect(box.contains("OSC 52"))
      // OSC 52 with set-clipboard on: tmux keeps the text in a paste buffer.
      let clock = ContinuousClock()
      let deadline = clock.now + TmuxSession.defaultTimeout
      while try await tui.bufferNames().isEmpty, clock.now < deadline {
        try await Task.sleep(for: .milliseconds(50))
      }
      let copied = try await tui.tmux(["show-buffer"])
      #expect(copied == #"preflight call --args '{"text":"hello"}' echo"#)
      try await tui.sendKeys("Escape")
      try await tui.waitFor(text: "[Wire")
    }
  }

  @Test func `the shared command line keeps secrets out`() async throws {
    let server = try preflightPath()
    let arguments = [
      "--client-profile", "full", "--env", "API_TOKEN=sekrit-123456", "--env", "MODE=fast", "--",
      server, "demo-server",
    ]
    try await withPreflight(arguments) { tui in
      try await openForm(tui, "echo")
      try await tui.type("hi")
      try await tui.sendKeys("Enter")
      try await tui.waitFor(text: #""text": "hi""#)
      try await tui.sendKeys("y")
      try await tui.waitFor(text: "Share this call")
      let clock = ContinuousClock()
      let deadline = clock.now + TmuxSession.defaultTimeout
      while try await tui.bufferNames().isEmpty, clock.now < deadline {
        try await Task.sleep(for: .milliseconds(50))
      }
      let copied = try await tui.tmux(["show-buffer"])
      #expect(
        copied
          == #"preflight call --args '{"text":"hi"}' --client-profile full --env "API_TOKEN=${API_TOKEN}" --env MODE=fast echo -- "#
          + server + " demo-server")
      #expect(!copied.contains("sekrit"))
      #expect(!(try await tui.capture()).contains("sekrit"), "not on screen either")
    }
  }

  @Test func `a paste of many characters and lines lands whole in the JSON editor`() async throws {
    try await withPreflight { tui in
      try await openForm(tui, "echo")
      try await tui.sendKeys("C-e")
      try await tui.waitFor(text: "arguments JSON")
      try await tui.sendKeys("End", "BSpace", "BSpace")  // the empty object goes
      let long = String(repeating: "x", count: 2_000)
      _ = try await tui.tmux(["set-buffer", "{\n  \"text\": \"\(long)\"\n}"])
      _ = try await tui.tmux(["paste-buffer", "-t", tui.target])
      try await tui.waitFor(allOf: ["1 {", "3 }"])
      try await tui.sendKeys("F5")
      try await tui.waitFor(allOf: ["Call echo", "xxxxxxxxxxxxxxxxxxxx"])
      // The whole text went out: the shared command line holds all of it.
      try await tui.sendKeys("y")
      try await tui.waitFor(text: "Share this call")
      let clock = ContinuousClock()
      let deadline = clock.now + TmuxSession.defaultTimeout
      while try await tui.bufferNames().count < 2, clock.now < deadline {
        try await Task.sleep(for: .milliseconds(50))
      }
      let copied = try await tui.tmux(["show-buffer"])
      #expect(copied == #"preflight call --args '{"text":""# + long + #""}' echo"#)
    }
  }

  @Test func `the editor gets the keyboard: it runs in the terminal's foreground`() async throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("preflight-editor-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let script = folder.appendingPathComponent("ask.sh").path
    // Reads a line from the terminal, as an interactive editor would; an editor outside the
    // foreground process group would be stopped or fail here.
    try """
    #!/bin/sh
    printf 'title? '
    IFS= read -r title < /dev/tty || exit 9
    printf '{"title": "%s"}' "$title" > "$1"
    """.write(toFile: script, atomically: true, encoding: .utf8)
    chmod(script, 0o755)
    try await withPreflight(environment: ["EDITOR": script]) { tui in
      try await openForm(tui, "create_task")
      try await tui.sendKeys("C-o")
      try await tui.waitFor(text: "title?")
      try await tui.type("typed at the prompt")
      try await tui.sendKeys("Enter")
      try await tui.waitFor(allOf: [
        "arguments read back from $EDITOR and valid", #""title": "typed at the prompt""#,
      ])
    }
  }
}
