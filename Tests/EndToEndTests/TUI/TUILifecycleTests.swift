import Foundation
import Glibc
import PreflightTestSupport
import Testing

/// How the TUI ends and recovers: quitting by key or signal restores the terminal; a server that
/// dies is reported and restarted with R.
@Suite(TmuxSession.gate) struct TUILifecycleTests {
  @Test func `q quits with status 0 and restores the terminal`() async throws {
    try await withPreflight { tui in
      try await waitForReady(tui, tools: demoToolNames)
      #expect(try await tui.display("#{alternate_on}") == "1", "the TUI uses the alternate screen")
      try await tui.sendKeys("q")
      try await expectExitAndTerminalRestored(tui)
    }
  }

  @Test func `Ctrl-C quits cleanly and restores the terminal`() async throws {
    try await withPreflight { tui in
      try await waitForReady(tui, tools: demoToolNames)
      try await tui.sendKeys("C-c")
      try await expectExitAndTerminalRestored(tui, statuses: [0, 130])
    }
  }

  @Test func `SIGTERM quits cleanly and restores the terminal`() async throws {
    try await withPreflight { tui in
      try await waitForReady(tui, tools: demoToolNames)
      let pid = try await tui.programPID()
      #expect(TmuxSession.commandLine(of: pid).first?.hasSuffix("preflight") == true)
      #expect(kill(pid, SIGTERM) == 0)
      try await expectExitAndTerminalRestored(tui, statuses: [0, 143])
    }
  }

  @Test func `a server that dies shows disconnected with why, and R restarts it`() async throws {
    try await withPreflight { tui in
      try await waitForReady(tui, tools: demoToolNames)
      let preflight = try await tui.programPID()
      let server = try await serverProcess(of: preflight, containing: "demo-server")
      #expect(kill(server, SIGKILL) == 0)

      let gone = try await tui.waitUntil("\(disconnectedMark) in the header") {
        headerLine($0).hasSuffix(disconnectedMark)
      }
      #expect(gone.contains("press R"), "the status line says how to restart:\n\(gone)")
      // The reason is on the screen the user is looking at, not only in the log pane.
      let showsWhy = gone.contains("killed by signal 9")
      #expect(
        showsWhy, "the reason is shown with the disconnected state:\n\(TmuxSession.framed(gone))")
      #expect(visibleTools(demoToolNames, on: gone).count == demoToolNames.count, "tools kept")

      try await tui.sendKeys("Tab", "Tab", "Tab")
      let log = try await tui.waitFor(text: "[Log 1]")
      #expect(log.contains("server process was killed by signal 9"), "\(log)")

      try await tui.sendKeys("R")
      try await tui.waitUntil("\(readyMark) again after R") { headerLine($0).hasSuffix(readyMark) }
      let restarted = try await serverProcess(of: preflight, containing: "demo-server")
      #expect(restarted != server, "a new server process")
      #expect(TmuxSession.isAlive(preflight), "the same preflight")

      try await tui.sendKeys("BTab")
      let wire = try await tui.waitFor(text: "server-exited")
      #expect(
        wire.components(separatedBy: "→  initialize #").count == 3,
        "a second initialize after the restart:\n\(wire)")

      try await tui.sendKeys("q")
      try await expectExitAndTerminalRestored(tui)
    }
  }
}
