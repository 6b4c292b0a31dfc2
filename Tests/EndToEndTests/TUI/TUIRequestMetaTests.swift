import Foundation
import PreflightTestSupport
import Testing

/// The request `_meta` edited in the TUI (`m`, issue 12 §1) reaches the server: the fixture's
/// whoami tool answers with the `_meta` it received.
@Suite(TmuxSession.gate) struct TUIRequestMetaTests {
  @Test func `an openai locale edited with m comes back from the server`() async throws {
    try await withTemporaryDirectory { folder in
      let wire = folder + "/wire.ndjson"
      let server = ["python3", try fixture("fidelity_server.py")]
      try await withPreflight(["--wire-log", wire, "--connect-timeout", "60", "--"] + server) {
        tui in
        try await tui.waitFor(allOf: [readyMark, "whoami"], timeout: .seconds(60))
        try await tui.sendKeys("m")
        try await tui.waitFor(allOf: ["Request _meta", "profile, per conversation"])
        try await tui.sendKeys("e")
        try await tui.waitFor(text: "JSON (null: not sent)")
        // The cursor starts on the first key's line: `  "openai/locale": "en-US",`.
        try await tui.sendKeys("End")
        try await tui.sendKeys(Array(repeating: "BSpace", count: "\"en-US\",".count))
        try await tui.type("\"fr-FR\",")
        try await tui.sendKeys("C-d")
        try await tui.waitFor(allOf: ["edited here", "1 key set, 0 not sent"])
        // Stop sending the user agent too (the second key).
        try await tui.sendKeys("j")
        try await tui.sendKeys("d")
        try await tui.waitFor(text: "openai/userAgent is not sent any more")
        try await tui.sendKeys("Escape")
        try await tui.waitFor(allOf: ["meta: edited", "q quit"])
        for _ in 0..<4 { try await tui.sendKeys("j") }
        try await tui.waitFor(text: "▶ whoami")
        try await tui.sendKeys("Enter", "c")
        try await tui.waitFor(text: "Call whoami")
        try await tui.sendKeys("Enter")
        let result = try await tui.waitFor(text: "\"fr-FR\"", timeout: .seconds(60))
        #expect(!result.contains("Mozilla/5.0"), "\(TmuxSession.framed(result))")
        try await tui.sendKeys("Escape")
        try await tui.waitFor(text: "q quit")
        try await tui.sendKeys("q")
        try await expectExitAndTerminalRestored(tui)
      }
      let calls = try readWireLog(wire).filter {
        $0.direction == "out" && $0.method == "tools/call"
      }
      try #require(calls.count == 1, "\(calls.map(\.text))")
      let meta = try #require(calls[0].message?["params"]?["_meta"]?.objectValue)
      #expect(meta["openai/locale"] == "fr-FR")
      #expect(meta["openai/userAgent"] == nil)
      #expect(
        meta.keys == [
          "openai/locale", "openai/userLocation", "openai/subject", "openai/session",
          "openai/organization",
        ])
      #expect(meta["openai/session"]?.stringValue?.hasPrefix("v1/") == true)
    }
  }
}
