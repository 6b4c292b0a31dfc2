import Foundation
import PreflightTestSupport
import Testing

/// ChatGPT's request `_meta` from the TUI: `n` starts a new conversation, so the next call
/// carries a new `openai/session` and the same `openai/subject`.
@Suite(TmuxSession.gate) struct TUIFidelityTests {
  /// Selects whoami (the fifth tool), opens its form, calls it and waits for its answer.
  func callWhoami(_ tui: TmuxSession, moves: Int) async throws {
    for _ in 0..<moves { try await tui.sendKeys("j") }
    try await tui.waitFor(text: "▶ whoami")
    try await tui.sendKeys("Enter", "c")
    try await tui.waitFor(text: "Call whoami")
    try await tui.sendKeys("Enter")
    try await tui.waitFor(text: "openai/session", timeout: .seconds(60))
  }

  @Test func `n gives the next call a new openai session and keeps the subject`() async throws {
    try await withTemporaryDirectory { folder in
      let wire = folder + "/wire.ndjson"
      let server = ["python3", try fixture("fidelity_server.py")]
      try await withPreflight(["--wire-log", wire, "--connect-timeout", "60", "--"] + server) {
        tui in
        try await tui.waitFor(allOf: [readyMark, "whoami"], timeout: .seconds(60))
        try await callWhoami(tui, moves: 4)
        try await tui.sendKeys("Escape", "Escape", "Escape")
        try await tui.sendKeys("n")
        try await tui.waitFor(text: "new conversation")
        try await callWhoami(tui, moves: 0)
        try await tui.sendKeys("Escape")
        try await tui.waitFor(text: "q quit")
        try await tui.sendKeys("q")
        try await expectExitAndTerminalRestored(tui)
      }
      let calls = try readWireLog(wire).filter {
        $0.direction == "out" && $0.method == "tools/call"
      }
      try #require(calls.count == 2, "\(calls.map(\.text))")
      let metas = calls.map { $0.message?["params"]?["_meta"] }
      #expect(metas[0]?["openai/subject"] == metas[1]?["openai/subject"])
      #expect(metas[0]?["openai/subject"]?.stringValue?.hasPrefix("v1/") == true)
      #expect(metas[0]?["openai/session"] != metas[1]?["openai/session"])
      #expect(metas[1]?["openai/session"]?.stringValue?.hasPrefix("v1/") == true)
    }
  }

  @Test func `a read-only tool that sends list_changed is flagged in the log`() async throws {
    let server = ["python3", try fixture("fidelity_server.py")]
    try await withPreflight(["--connect-timeout", "60", "--"] + server) { tui in
      try await tui.waitFor(allOf: [readyMark, "▶ get_counter"], timeout: .seconds(60))
      try await tui.sendKeys("Enter", "c")
      try await tui.waitFor(text: "Call get_counter")
      try await tui.sendKeys("Enter")
      try await tui.waitFor(text: "\"counter\": 1", timeout: .seconds(60))
      try await tui.sendKeys("Escape", "Escape", "Escape")
      try await tui.waitFor(text: "[Tools 7]")
      try await tui.sendKeys("Tab", "Tab", "Tab")
      let log = try await tui.waitFor(allOf: ["[Log", "get_counter declares readOnlyHint"])
      // One line per piece of evidence: the resource update and the list_changed.
      let hints = screenLines(log).filter { $0.contains("hint      get_counter declares") }
      #expect(hints.count == 2, "\(TmuxSession.framed(log))")
      try await tui.sendKeys("q")
      try await expectExitAndTerminalRestored(tui)
    }
  }
}
