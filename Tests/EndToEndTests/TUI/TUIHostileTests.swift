import Foundation
import Glibc
import PreflightTestSupport
import Testing

/// The TUI against `Fixtures/hostile_server.py`: a flood, a crash, escape sequences in every
/// string, annotations that change under it. The table is `docs/hostile-servers.md`.
@Suite(TmuxSession.gate) struct TUIHostileTests {
  /// The fixture's command line with `--fault fault`.
  static func server(_ fault: String, _ options: [String] = []) throws -> [String] {
    ["--", "python3", try fixture("hostile_server.py"), "--fault", fault] + options
  }

  /// The peak resident memory of `pid` in kilobytes (`VmHWM`), if it can be read.
  static func peakMemoryKB(_ pid: Int32) -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
    else { return nil }
    let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
    return line?.split(separator: " ").dropFirst().first.flatMap { Int($0) }
  }

  @Test func `under a flood of 100,000 notifications keys work and the wire pane counts evictions`()
    async throws
  {
    // 100 batches of 1000, 20 ms apart: the flood lasts a few seconds at least.
    let arguments =
      ["--wire-cap", "1000", "--connect-timeout", "60"]
      + (try Self.server("flood", ["--pause-ms", "20"]))
    try await withPreflight(arguments) { tui in
      try await waitForReady(tui, tools: ["echo"], timeout: .seconds(60))
      // Keys are handled while notifications pour in: the log pane, then the wire pane.
      try await tui.sendKeys("BTab")
      try await tui.waitUntil("the log pane focused", timeout: .seconds(60)) {
        screenLines($0)[1].contains("[Log ")
      }
      try await tui.sendKeys("BTab")
      let wire = try await tui.waitUntil(
        "the wire pane focused with the flood's end", timeout: .seconds(90)
      ) { screen in
        screenLines(screen)[1].contains("[Wire 1000]") && screen.contains("flood 99999")
      }
      let title = screenLines(wire)[2]
      let dropped = title.split(separator: "·").first { $0.contains("older dropped") }
      let count = dropped.flatMap { Int($0.split(separator: " ").first ?? "") }
      #expect((count ?? 0) >= 99_000, "the eviction count is shown: \(title)")
      #expect(headerLine(wire).hasSuffix(readyMark), "\(headerLine(wire))")

      // Memory is bounded by the cap: far below what 100,000 frames kept whole would take.
      let pid = try await tui.programPID()
      if let peak = Self.peakMemoryKB(pid) {
        #expect(peak < 400_000, "peak resident memory \(peak) kB")
      }
      try await tui.sendKeys("?")
      try await tui.waitFor(text: "Show every key")
      try await tui.sendKeys("Escape", "q")
      try await expectExitAndTerminalRestored(tui)
    }
  }

  @Test func `a server that dies at start is shown with its status and stderr; q restores`()
    async throws
  {
    try await withPreflight(try Self.server("exit-at-start")) { tui in
      // The header says "failed" or "disconnected", depending on whether the exit was seen
      // before or after initialize failed; either way the reason is on screen.
      let screen = try await tui.waitUntil(
        "the exit status and the server's last stderr line", timeout: .seconds(60)
      ) { screen in
        (headerLine(screen).hasSuffix(disconnectedMark) || headerLine(screen).hasSuffix("✕ failed"))
          && screen.contains("exited with status 3")
          && screen.contains("hostile: fatal: cannot open /nonexistent/config.toml")
      }
      #expect(screen.contains("R restarts"), "\(TmuxSession.framed(screen))")
      try await tui.sendKeys("q")
      try await expectExitAndTerminalRestored(tui)
    }
  }

  @Test
  func `clear-screen, cursor moves, OSC 52, titles, bidi and zero-width never reach the terminal`()
    async throws
  {
    try await withPreflight(["--connect-timeout", "60"] + (try Self.server("escapes"))) { tui in
      let wipe = #"wipe\u{1B}[2J\u{1B}[H"#
      let report = #"report\u{202E}fdp.exe"#
      let screen = try await tui.waitFor(allOf: [readyMark, wipe, report], timeout: .seconds(60))
      #expect(headerLine(screen).contains(#"hostile\u{1B}[31m"#), "\(headerLine(screen))")
      try await tui.sendKeys("j", "Enter")
      try await tui.waitFor(allOf: [
        #"Clears\u{1B}[2J\u{1B}[H the screen"#, #"\u{1B}]52;c;aGVsbG8=\u{7}"#,
        #"\u{1B}]0;pwned\u{7}"#, #"zero\u{200B}width"#,
      ])
      try await tui.sendKeys("Escape", "j", "Enter")
      try await tui.waitFor(text: #"Zero\u{200B}width and \u{2066}isolates\u{2069}"#)
      try await tui.sendKeys("Tab", "Tab")
      try await tui.waitFor(text: #"hostile: stderr \u{1B}[2J"#)

      let unsafe = terminalUnsafeScalars(in: try await tui.capture())
      #expect(unsafe.isEmpty, "control, bidi or zero-width characters on screen: \(unsafe)")
      let foreign = TUIServerTests.nonSGRSequences(in: try await tui.captureWithColours())
      #expect(foreign.isEmpty, "escape sequences other than colours on screen: \(foreign)")
      let title = try await tui.display("#{pane_title}")
      #expect(!title.contains("pwned") && !title.contains("title"), "window title \(title)")
      #expect(try await tui.display("#{alternate_on}") == "1", "still on the alternate screen")
      #expect(try await tui.display("#{window_bell_flag}") == "0", "no bell was rung")
      #expect(try await tui.bufferNames().isEmpty, "no clipboard write (OSC 52) got through")
      #expect(headerLine(try await tui.capture()).hasSuffix(readyMark), "the header is intact")

      try await tui.sendKeys("q")
      try await expectExitAndTerminalRestored(tui)
    }
  }

  @Test func `annotations that change between listings are shown as changed after r`()
    async throws
  {
    try await withPreflight(
      ["--connect-timeout", "60"] + (try Self.server("changing-annotations"))
    ) { tui in
      try await waitForReady(tui, tools: ["echo"], timeout: .seconds(60))
      try await tui.sendKeys("Enter")
      try await tui.waitFor(allOf: [
        "READ · ChatGPT runs it without asking", "readOnlyHint      true",
      ])
      try await tui.sendKeys("r")
      // r shows what changed first (the refresh overlay), then the detail shows the new hints.
      let diff = try await tui.waitFor(text: "annotations.destructiveHint: (absent) → true")
      #expect(
        diff.contains("tools changed: ~echo (annotations)"), "\(TmuxSession.framed(diff))")
      try await tui.sendKeys("Escape")
      try await tui.waitFor(allOf: [
        "DESTRUCTIVE · ChatGPT asks for approval", "destructiveHint   true  set",
      ])
      try await tui.sendKeys("q")
      try await expectExitAndTerminalRestored(tui)
    }
  }
}
