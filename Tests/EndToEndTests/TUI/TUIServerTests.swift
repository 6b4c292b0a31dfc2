import Foundation
import Glibc
import PreflightTestSupport
import Testing

/// The TUI on real stdio servers: one written with the official Python SDK, and one whose
/// strings carry terminal control sequences.
@Suite(TmuxSession.gate) struct TUIServerTests {
  static let sdkTools = ["list_tasks", "add_task", "echo", "sync_tasks"]

  @Test(PythonServers.gate)
  func `a Python SDK server shows its four tools, opens list_tasks and restarts after it dies`()
    async throws
  {
    let server = try PythonServers.fixture("sdk2_tasks.py")
    // A Python server can take many seconds to start on a loaded machine; the default 10 s
    // connect timeout is for users, not for a CI box running the whole suite at once.
    try await withPreflight(["--connect-timeout", "60", "--"] + server) { tui in
      let screen = try await waitForReady(tui, tools: Self.sdkTools, timeout: .seconds(60))
      #expect(headerLine(screen).contains("sdk2-tasks 1.0.0"), "\(headerLine(screen))")
      #expect(screenLines(screen)[1].contains("[Tools 4]"))
      #expect(screen.contains("▶ list_tasks"))

      try await tui.sendKeys("Enter")
      let detail = try await tui.waitFor(allOf: [
        "┏ list_tasks ", "READ · ChatGPT runs it without asking", "List all tasks.", "tasks *",
      ])
      #expect(detail.contains("readOnlyHint      true  set"), "\(detail)")
      #expect(detail.contains("idempotentHint    true  set"), "\(detail)")
      try await tui.sendKeys("Escape")
      try await tui.waitFor(text: "[Tools 4]")

      let preflight = try await tui.programPID()
      let python = try await serverProcess(of: preflight, containing: "sdk2_tasks.py")
      #expect(kill(python, SIGKILL) == 0)
      try await tui.waitUntil("\(disconnectedMark) in the header") {
        headerLine($0).hasSuffix(disconnectedMark)
      }
      try await tui.sendKeys("R")
      try await waitForReady(tui, tools: Self.sdkTools, timeout: .seconds(60))
      let restarted = try await serverProcess(of: preflight, containing: "sdk2_tasks.py")
      #expect(restarted != python, "a new server process")

      try await tui.sendKeys("q")
      try await expectExitAndTerminalRestored(tui)
    }
  }

  @Test func `escape sequences from a server are shown as visible escapes, never sent raw`()
    async throws
  {
    try await withTemporaryDirectory { folder in
      let wrapper = folder + "/retitling_server.py"
      try Self.retitlingServer().write(toFile: wrapper, atomically: true, encoding: .utf8)
      try await withPreflight(["--connect-timeout", "60", "--", "python3", wrapper, "--hostile"]) {
        tui in
        let wipe = #"Wipe\u{1B}[2J"#
        let report = #"report\u{202E}fdp.exe"#
        let retitle = #"retitle\u{1B}]2;pwned\u{7}"#
        let screen = try await tui.waitFor(
          allOf: [readyMark, wipe, report, retitle], timeout: .seconds(60))
        #expect(headerLine(screen).contains(#"hostile\u{1B}[31m 1.0.0"#), "\(headerLine(screen))")

        try await tui.sendKeys("Enter")
        try await tui.waitFor(text: #"Clears\u{1B}[2J the screen, rings\u{7} the bell"#)
        try await tui.sendKeys("Escape")
        try await tui.waitFor(text: "[Tools 3]")
        try await tui.sendKeys("j", "j", "Enter")
        try await tui.waitFor(allOf: [
          #"Sets the title\u{1B}]0;pwned\u{7}"#, #"leaves the alternate screen\u{1B}[?1049l"#,
          #"terminal\u{1B}c"#,
        ])
        try await tui.sendKeys("Tab", "Tab")
        let log = try await tui.waitFor(allOf: [
          #"stub: starting \u{1B}[31mred\u{1B}[0m"#, #"stderr title\u{1B}]2;pwned\u{7}"#,
        ])
        #expect(headerLine(log).hasSuffix(readyMark), "the header is intact")

        let unsafe = terminalUnsafeScalars(in: try await tui.capture())
        #expect(unsafe.isEmpty, "control, bidi or zero-width characters on screen: \(unsafe)")
        let coloured = try await tui.captureWithColours()
        let foreign = Self.nonSGRSequences(in: coloured)
        #expect(foreign.isEmpty, "escape sequences other than colours on screen: \(foreign)")
        let title = try await tui.display("#{pane_title}")
        #expect(!title.contains("pwned"), "the server changed the window title to \(title)")
        #expect(try await tui.display("#{alternate_on}") == "1", "still on the alternate screen")
        #expect(try await tui.display("#{window_bell_flag}") == "0", "no bell was rung")
        #expect(try await tui.bufferNames().isEmpty, "no clipboard write (OSC 52) got through")

        try await tui.sendKeys("q")
        try await expectExitAndTerminalRestored(tui)
      }
    }
  }

  /// `stub_server.py --hostile` with a third tool that would retitle the window, leave the
  /// alternate screen and reset the terminal, and a stderr line that would retitle it too.
  static func retitlingServer() throws -> String {
    let fixtures = try PackagePaths.root() + "/Tests/EndToEndTests/Fixtures"
    return """
      import sys
      sys.path.insert(0, \(pythonString(fixtures)))
      import stub_server as stub
      ESC, BEL = stub.ESC, "\\u0007"
      stub.HOSTILE_TOOLS.append({
          "name": "retitle" + ESC + "]2;pwned" + BEL,
          "description": "Sets the title" + ESC + "]0;pwned" + BEL
          + ", leaves the alternate screen" + ESC + "[?1049l and resets the terminal" + ESC + "c",
          "inputSchema": {"type": "object"},
      })
      print("stderr title" + ESC + "]2;pwned" + BEL, file=sys.stderr, flush=True)
      stub.main()
      """
  }

  /// A Python string literal for `text`.
  static func pythonString(_ text: String) -> String {
    "'"
      + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
      + "'"
  }

  /// The escape sequences in `text` that are not SGR (`ESC [ params m`), which is all
  /// `capture-pane -e` writes for what a program drew.
  static func nonSGRSequences(in text: String) -> [String] {
    var found: [String] = []
    var scalars = text.unicodeScalars[...]
    while let escape = scalars.firstIndex(of: "\u{1B}") {
      let rest = scalars[scalars.index(after: escape)...]
      let body = rest.prefix { !("@"..."~").contains($0) || $0 == "[" }
      let end = rest.dropFirst(body.count).first
      let isSGR =
        body.first == "[" && end == "m"
        && body.dropFirst().allSatisfy { ("0"..."9").contains($0) || $0 == ";" || $0 == ":" }
      if !isSGR {
        found.append(String(String.UnicodeScalarView(rest.prefix(12))).debugDescription)
      }
      scalars = rest
    }
    return found
  }
}
