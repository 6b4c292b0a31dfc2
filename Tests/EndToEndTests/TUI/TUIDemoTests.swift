import Foundation
import PreflightTestSupport
import Testing

/// The TUI on the built-in demo server, driven through tmux at 100×30 (panes as tabs).
@Suite(TmuxSession.gate) struct TUIDemoTests {
  @Test func `launch shows every demo tool, the ready state and the keys that work`() async throws {
    try await withPreflight { tui in
      let screen = try await waitForReady(tui, tools: demoToolNames)
      let lines = screenLines(screen)
      #expect(lines.count == 30, "the pane is 30 rows")
      #expect(headerLine(screen).hasPrefix(" Preflight  preflight-demo "), "\(headerLine(screen))")
      #expect(lines[1].contains("[Tools 10]"), "the tab row focuses the tools: \(lines[1])")
      #expect(lines[1].contains("Detail") && lines[1].contains("Wire") && lines[1].contains("Log"))
      #expect(screen.contains("▶ list_tasks"), "the first tool is selected")
      let status = lines.last ?? ""
      for key in ["Enter detail", "/ filter", "? help", "q quit", "Tab pane", "R restart"] {
        #expect(status.contains(key), "status line: \(status)")
      }
      #expect(screen.contains("destructive") && screen.contains("read") && screen.contains("write"))
    }
  }

  @Test func `Enter opens a tool's detail and Esc backs out without quitting`() async throws {
    try await withPreflight { tui in
      try await waitForReady(tui, tools: demoToolNames)
      try await tui.sendKeys("j", "j", "j")
      try await tui.waitFor(text: "▶ create_task")
      try await tui.sendKeys("Enter")
      let detail = try await tui.waitFor(allOf: [
        "create_task · Create a task", "ChatGPT asks for approval", "title *",
      ])
      #expect(screenLines(detail)[1].contains("[Detail]"), "the detail tab is focused")
      #expect(detail.contains("Input") && detail.contains("Output"))
      #expect(detail.contains("Adds a new open task"))
      #expect(screenLines(detail).last?.contains("Esc back") == true)

      try await tui.sendKeys("Escape")
      let tools = try await tui.waitFor(text: "[Tools 10]")
      #expect(tools.contains("▶ create_task"), "the selection is kept")
      // Esc on the tool list does nothing: it never quits.
      try await tui.sendKeys("Escape")
      try await expectStays("[Tools 10]", on: tui)
      #expect(TmuxSession.exitStatus(in: try await tui.capture()) == nil)
    }
  }

  @Test func `the wire pane shows the handshake live and Enter opens a frame as pretty JSON`()
    async throws
  {
    try await withPreflight { tui in
      try await waitForReady(tui, tools: demoToolNames)
      try await tui.sendKeys("Tab", "Tab")
      let wire = try await tui.waitFor(allOf: [
        "[Wire 6]", "→  initialize #0", "←  result #0", "→  tools/list #1", "←  result #1",
      ])
      #expect(wire.contains("notifications/initializ"), "\(wire)")
      #expect(wire.contains("10 tools"), "the tools/list result is summarised")

      // Watch frames arrive: r lists the tools again while the wire pane follows.
      try await tui.sendKeys("r")
      try await tui.waitFor(allOf: ["[Wire 8]", "→  tools/list #2", "←  result #2"])

      // Follow mode keeps the newest frame selected: Enter opens result #2.
      try await tui.sendKeys("Enter")
      let frame = try await tui.waitFor(allOf: [
        "← result #2", #""jsonrpc": "2.0","#, #""id": 2,"#, #""tools": ["#,
      ])
      #expect(frame.contains(#""name": "list_tasks","#), "\(frame)")
      #expect(screenLines(frame).last?.contains("Esc back") == true)

      try await tui.sendKeys("Escape")
      try await tui.waitFor(allOf: ["[Wire 8]", "→  initialize #0"])
    }
  }

  @Test func `? shows every key and Esc closes the help`() async throws {
    try await withPreflight { tui in
      try await waitForReady(tui, tools: demoToolNames)
      try await tui.sendKeys("?")
      let help = try await tui.waitFor(allOf: [
        "Show every key", "Quit (asks first while a request is running)", "Focus the next pane",
        "Restart the server", "Esc close",
      ])
      #expect(help.contains("Keys"), "\(help)")
      try await tui.sendKeys("Escape")
      let closed = try await tui.waitFor(absenceOf: "Show every key")
      #expect(closed.contains("[Tools 10]") && headerLine(closed).hasSuffix(readyMark))
      #expect(TmuxSession.exitStatus(in: closed) == nil, "Esc closed the help, not the app")
    }
  }

  @Test func `slash filters the tool list and Esc clears the filter`() async throws {
    try await withPreflight { tui in
      try await waitForReady(tui, tools: demoToolNames)
      try await tui.sendKeys("/")
      try await tui.type("share")
      let filtered = try await tui.waitUntil("only share_task listed under /share") { screen in
        screen.contains("/share") && visibleTools(demoToolNames, on: screen) == ["share_task"]
      }
      #expect(filtered.contains("▶ share_task"), "the match is selected")
      try await tui.sendKeys("Escape")
      let cleared = try await waitForReady(tui, tools: demoToolNames)
      #expect(!cleared.contains("/share"), "the filter is cleared")
    }
  }

  @Test func `resizing switches between tabs, side by side panes and the too-small notice`()
    async throws
  {
    try await withPreflight { tui in
      try await waitForReady(tui, tools: demoToolNames)

      try await tui.resize(width: 160, height: 48)
      let wide = try await tui.waitUntil("tools, detail and wire boxes side by side at 160×48") {
        screen in
        let lines = screenLines(screen)
        return lines.count == 48 && lines.contains { $0.hasPrefix("┏ Tools 10 ") }
          && lines.contains { $0.hasPrefix("┌ Wire 6") }
          && lines.contains { $0.contains("┓┌ list_tasks · List tasks") }
      }
      #expect(!wide.contains("[Tools 10]"), "no tab row when wide")
      #expect(visibleTools(demoToolNames, on: wide).count == demoToolNames.count)
      #expect(wide.contains("→  initialize #0"), "the wire pane shows frames beside the tools")
      #expect(headerLine(wide).contains("stdio: preflight demo-server"), "\(headerLine(wide))")
      #expect(try await tui.display("#{pane_width}x#{pane_height}") == "160x48")

      try await tui.resize(width: 60, height: 20)
      let small = try await tui.waitFor(allOf: [
        "Terminal too small", "Preflight needs 80 × 24; this one is 60 × 20.",
      ])
      #expect(!small.contains("list_tasks"), "no broken layout below 80×24")

      try await tui.resize(width: 100, height: 30)
      let back = try await waitForReady(tui, tools: demoToolNames)
      #expect(screenLines(back)[1].contains("[Tools 10]"), "the tabs come back")
      #expect(!back.contains("Terminal too small"))
    }
  }

  @Test func `the screen has colours, and none with NO_COLOR`() async throws {
    try await withPreflight { tui in
      try await waitForReady(tui, tools: demoToolNames)
      let colours = colourParameters(in: try await tui.captureWithColours())
      #expect(!colours.isEmpty, "no colour on screen")
    }
    try await withPreflight(environment: ["NO_COLOR": "1"]) { tui in
      try await waitForReady(tui, tools: demoToolNames)
      let screen = try await tui.captureWithColours()
      #expect(colourParameters(in: screen).isEmpty, "colours despite NO_COLOR")
      #expect(screen.contains("\u{1B}[1;7m"), "bold and reverse still mark the header")
    }
  }
}
