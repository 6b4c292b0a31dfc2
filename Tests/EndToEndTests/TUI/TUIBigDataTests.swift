import Foundation
import PreflightTestSupport
import Testing

/// Big and many, for real: a 50 MB tool result over stdio and a server with 10,000 tools, from
/// `big_server.py` (a raw JSON-RPC server in plain Python). No timing is asserted; the waits are
/// generous because a debug build on a loaded machine parses 68 MB slowly.
@Suite(TmuxSession.gate) struct TUIBigDataTests {
  static let marker = "END-OF-BIG-PAYLOAD"

  @Test func `a 50 MB result opens, scrolls to its last line and search finds text near the end`()
    async throws
  {
    let server = try fixture("big_server.py")
    try await withPreflight(["--connect-timeout", "60", "--", "python3", server]) { tui in
      try await waitForReady(tui, tools: ["big", "binary"], timeout: .seconds(60))
      try await tui.sendKeys("c")
      try await tui.waitFor(allOf: ["bytes", "50000000"])
      try await tui.sendKeys("Enter")
      let first = try await tui.waitFor(
        allOf: ["┏ Call big ", "✓ result in", "content[0] · text · 49.5 MB"],
        timeout: .seconds(300))
      #expect(first.contains("[{\"id\":0,\"name\":\"record 0000000\""), "\(first)")
      #expect(!first.contains(Self.marker))

      try await tui.sendKeys("End")
      let last = try await tui.waitFor(text: Self.marker + "\"}]", timeout: .seconds(60))
      #expect(last.contains("┏ Call big "))
      try await tui.sendKeys("PageUp")
      try await tui.waitFor(absenceOf: Self.marker, timeout: .seconds(60))
      try await tui.sendKeys("PageDown")
      try await tui.waitFor(text: Self.marker, timeout: .seconds(60))

      try await tui.sendKeys("Home")
      try await tui.waitFor(text: "content[0] · text · 49.5 MB", timeout: .seconds(60))
      try await tui.sendKeys("/")
      // Record 640000 of 641025: its value is unique and its line has no space to wrap at.
      try await tui.type("1920000")
      try await tui.waitFor(text: "/1920000")
      try await tui.sendKeys("Enter")
      let found = try await tui.waitFor(text: "\"value\":1920000}", timeout: .seconds(120))
      #expect(!found.contains("not found"))
      try await tui.sendKeys("Escape")
      try await tui.waitFor(text: "[Tools 2]")
      try await tui.sendKeys("q")
      try await expectExitAndTerminalRestored(tui)
    }
  }

  @Test func `a 50 MB structuredContent opens pretty-printed, reaches its end and is searched`()
    async throws
  {
    let server = try fixture("big_server.py")
    try await withPreflight([
      "--connect-timeout", "60", "--", "python3", server, "--shape", "structured",
    ]) { tui in
      try await waitForReady(tui, tools: ["big", "binary"], timeout: .seconds(60))
      try await tui.sendKeys("c")
      try await tui.waitFor(allOf: ["bytes", "50000000"])
      try await tui.sendKeys("Enter")
      // Kept as the frame's bytes and pretty-printed line by line as it is drawn.
      let first = try await tui.waitFor(
        allOf: [
          "┏ Call big ", "✓ result in", "structuredContent", "pretty-printed as it is drawn",
        ],
        timeout: .seconds(300))
      #expect(first.contains("\"name\": \"record 0000000\","), "\(first)")
      #expect(!first.contains(Self.marker))

      // The last lines sit above "Who sees what", not under it.
      try await tui.sendKeys("End")
      let last = try await tui.waitFor(
        allOf: ["\"marker\": \"" + Self.marker + "\"", "── Who sees what ──"],
        timeout: .seconds(60))
      #expect(last.contains("structuredContent: an object of 1 members (large)"), "\(last)")

      try await tui.sendKeys("Home")
      try await tui.waitFor(text: "pretty-printed as it is drawn", timeout: .seconds(60))
      try await tui.sendKeys("/")
      try await tui.type("record 0640000")
      try await tui.waitFor(text: "/record 0640000")
      try await tui.sendKeys("Enter")
      let found = try await tui.waitFor(
        text: "\"name\": \"record 0640000\"", timeout: .seconds(120))
      #expect(found.contains("\"id\": 640000,"))
      #expect(!found.contains("not found"))
      try await tui.sendKeys("Escape")
      try await tui.waitFor(text: "[Tools 2]")
      try await tui.sendKeys("q")
      try await expectExitAndTerminalRestored(tui)
    }
  }

  @Test func `ten thousand tools are listed and the filter finds tool_09999`() async throws {
    let server = try fixture("big_server.py")
    try await withPreflight([
      "--connect-timeout", "60", "--", "python3", server, "--tools", "10000",
    ]) { tui in
      try await tui.waitFor(allOf: ["[Tools 10000]", "▶ tool_00001"], timeout: .seconds(120))
      try await tui.sendKeys("/")
      try await tui.type("tool_09999")
      let screen = try await tui.waitFor(text: "▶ tool_09999", timeout: .seconds(60))
      #expect(!screen.contains("tool_09998"))
      try await tui.sendKeys("Enter", "Enter")
      try await tui.waitFor(text: "┏ tool_09999 ", timeout: .seconds(60))
      try await tui.sendKeys("Escape")
      try await tui.sendKeys("q")
      try await expectExitAndTerminalRestored(tui)
    }
  }

  @Test func `an image from the result is saved to a file in the current directory`()
    async throws
  {
    let server = try fixture("big_server.py")
    try await withTemporaryDirectory { folder in
      let command = "cd \(shellQuoted(folder)) && exec \(shellQuoted(try preflightPath()))"
      try await TmuxSession.withProgram(
        ["sh", "-c", command + " --connect-timeout 60 -- python3 " + shellQuoted(server)],
        width: 100, height: 30
      ) { tui in
        try await waitForReady(tui, tools: ["big", "binary"], timeout: .seconds(60))
        try await tui.sendKeys("j", "c")
        try await tui.sendKeys("Enter")
        try await tui.waitFor(text: "content[0] · image · image/png · 70 B", timeout: .seconds(60))
        try await tui.sendKeys("s")
        try await tui.waitFor(text: "save to content-1.png")
        try await tui.sendKeys("Enter")
        try await tui.waitFor(text: "saved 70 B to ", timeout: .seconds(90))
        let bytes = FileManager.default.contents(atPath: folder + "/content-1.png")
        #expect(bytes?.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
        #expect(bytes?.count == 70)
        try await tui.sendKeys("s", "Enter")
        try await tui.waitFor(text: "exists — y overwrites it", timeout: .seconds(90))
        try await tui.sendKeys("n", "Escape", "Escape")
        try await tui.waitFor(text: "[Tools 2]")
        try await tui.sendKeys("q")
        _ = try await tui.waitForExit()
      }
    }
  }
}
