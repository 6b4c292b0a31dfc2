import Foundation
import PreflightTestSupport
import Testing

/// The connector check overlay in the TUI, on the demo server, through tmux.
@Suite(TmuxSession.gate) struct TUICheckTests {
  @Test func `C runs the connector check and shows its findings; Esc goes back to the tools`()
    async throws
  {
    try await withPreflight { tui in
      try await waitForReady(tui, tools: demoToolNames)
      try await tui.sendKeys("C")
      let overlay = try await tui.waitFor(allOf: [
        "ChatGPT connector check", "ChatGPT would connect, with warnings", "WARNINGS",
      ])
      #expect(overlay.contains("[tools.annotations.missing] archive_done"), "\(overlay)")
      #expect(overlay.contains("C run again · Esc back"), "the overlay's footer names its keys")
      #expect(
        screenLines(overlay).last?.contains("connector check: 0 errors") == true,
        "the status line sums it up")
      try await tui.sendKeys("Escape")
      let tools = try await tui.waitFor(text: "[Tools 10]")
      #expect(!tools.contains("ChatGPT connector check"))
    }
  }

  @Test func `the overlay ends with each tool's verdict in words, a rejected tool refused`()
    async throws
  {
    let server = ["--", "python3", try fixture("check_server.py"), "--fault", "file-params-name"]
    try await withPreflight(server, width: 120, height: 40) { tui in
      try await waitForReady(tui, tools: ["list_notes", "add_note"])
      try await tui.sendKeys("C")
      _ = try await tui.waitFor(allOf: [
        "ChatGPT connector check", "ChatGPT would refuse or misbehave",
      ])
      try await tui.sendKeys(Array(repeating: "Down", count: 80))
      let end = try await tui.waitFor(allOf: [
        "TOOLS (3)", "list_notes  ChatGPT runs at once", "add_note  ChatGPT asks for approval",
        "attach_file  ChatGPT would be refused", "ChatGPT rejects its definition",
      ])
      #expect(end.contains("tools.file-params.name"), "\(end)")
    }
  }
}
