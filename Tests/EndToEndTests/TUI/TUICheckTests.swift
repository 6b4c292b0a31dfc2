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
}
