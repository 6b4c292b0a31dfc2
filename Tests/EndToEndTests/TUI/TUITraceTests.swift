import Foundation
import PreflightJSON
import PreflightTestSupport
import Testing

/// The benchmarks' trace (`PREFLIGHT_TRACE`): one JSON line per key, message and frame, messages
/// named by their case alone (describing a message would print its payload, a 50 MB result,
/// first), and the peak memory at exit.
@Suite(TmuxSession.gate) struct TUITraceTests {
  @Test func `the trace names messages by case, counts the tools drawn, and ends with peak memory`()
    async throws
  {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("preflight-trace-\(UUID().uuidString).ndjson").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try await withPreflight(environment: ["PREFLIGHT_TRACE": path]) { tui in
      try await waitForReady(tui, tools: demoToolNames)
      try await tui.sendKeys("q")
      try await expectExitAndTerminalRestored(tui)
    }
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let events = try text.split(separator: "\n").map { try JSONParser.parse(Array($0.utf8)) }
    #expect(events.first?["event"] == "main")
    let messages = events.filter { $0["event"] == "message" }.compactMap {
      $0["message"]?.stringValue
    }
    #expect(!messages.isEmpty, "\(text)")
    for name in messages {
      #expect(
        name.allSatisfy { $0.isLetter || $0.isNumber }, "a case name, not a description: \(name)")
    }
    #expect(
      events.contains {
        $0["event"] == "draw" && ($0["tools"]?.intValue ?? 0) == demoToolNames.count
      })
    let exit = try #require(events.last)
    #expect(exit["event"] == "exit")
    #expect((exit["peakRSSKiB"]?.intValue ?? 0) > 0)
  }
}
