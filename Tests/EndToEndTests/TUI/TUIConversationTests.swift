import Foundation
import Glibc
import PreflightTestSupport
import Testing

/// ChatGPT's conversation in the TUI, end to end: a read-only call runs without a card; a write
/// call stops at the card with its arguments; deny sends nothing (checked in the `--wire-log`
/// file); approve with remember sends it and the next call has no card; `n` brings the card
/// back; a Refresh shows what changed after the server changed its tools.
@Suite(TmuxSession.gate) struct TUIConversationTests {
  /// The `tools/call` requests and approval entries in a wire-log file, in order.
  static func wireLog(_ path: String) -> (calls: Int, approvals: [String]) {
    let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    var calls = 0
    var approvals: [String] = []
    for line in text.split(separator: "\n") {
      if line.contains(#""method":"tools/call""#) && line.contains(#""direction":"out""#) {
        calls += 1
      }
      for kind in [
        "approval-denied", "approval-approved", "remembered-approve", "remembered-deny",
      ] where line.contains("\"\(kind)\"") {
        approvals.append(kind)
      }
    }
    return (calls, approvals)
  }

  /// Waits until the wire-log file holds `calls` tool calls and the approvals given.
  static func waitForLog(
    _ path: String, calls: Int, approvals: [String],
    sourceLocation: SourceLocation = #_sourceLocation
  ) async throws {
    let clock = ContinuousClock()
    let end = clock.now + .seconds(120)
    var seen = wireLog(path)
    while clock.now < end {
      seen = wireLog(path)
      if seen.calls == calls && seen.approvals == approvals { return }
      try await Task.sleep(for: .milliseconds(100))
    }
    Issue.record(
      "wire log: \(seen.calls) tools/call and \(seen.approvals), expected \(calls) and \(approvals)",
      sourceLocation: sourceLocation)
    throw EndToEndFailure()
  }

  /// Walks the whole approval flow on a write tool whose form's first field takes `title`.
  func approvalFlow(
    _ tui: TmuxSession, log: String, readTool: String, writeTool: String, downToWrite: Int,
    timeout: Duration
  ) async throws {
    // A read-only call: no card, straight to the result.
    try await tui.sendKeys("c")
    try await tui.waitFor(text: "Call \(readTool)", timeout: timeout)
    try await tui.sendKeys("Enter")
    let read = try await tui.waitFor(
      allOf: ["┏ Call \(readTool) ", "not-required"], timeout: timeout)
    #expect(!read.contains("Remember for this conversation"), "no card for a read-only tool")
    try await Self.waitForLog(log, calls: 1, approvals: [])
    try await tui.sendKeys("Escape")

    // A write call: the card, with the arguments; deny sends nothing.
    try await tui.sendKeys(Array(repeating: "j", count: downToWrite))
    try await tui.waitFor(text: "▶ \(writeTool)")
    try await tui.sendKeys("c")
    try await tui.type("Buy milk")
    try await tui.sendKeys("Enter")
    let card = try await tui.waitFor(allOf: [
      "Write actions come with risks", "wants to use", #""title": "Buy milk""#,
      "[ ] Remember for this conversation",
    ])
    #expect(card.contains(writeTool))
    try await tui.sendKeys("d")
    try await tui.waitFor(allOf: ["denied", "not sent — nothing reached the server"])
    try await Self.waitForLog(log, calls: 1, approvals: ["approval-denied"])
    try await tui.sendKeys("Escape")

    // Approve with remember: sent; the next call of that tool has no card.
    try await tui.sendKeys("c", "Enter")
    try await tui.waitFor(text: "[ ] Remember for this conversation")
    try await tui.sendKeys("Space")
    try await tui.waitFor(text: "[x] Remember for this conversation")
    try await tui.sendKeys("a")
    try await tui.waitFor(
      allOf: ["┏ Call \(writeTool) ", "approved", "✓ result"], timeout: timeout)
    try await Self.waitForLog(log, calls: 2, approvals: ["approval-denied", "approval-approved"])
    try await tui.sendKeys("Escape")
    try await tui.waitUntil("1 remembered in the header") {
      headerLine($0).contains("1 remembered")
    }
    try await tui.sendKeys("c", "Enter")
    let remembered = try await tui.waitFor(
      allOf: ["┏ Call \(writeTool) ", "remembered-approve"], timeout: timeout)
    #expect(!remembered.contains("Remember for this conversation"), "no card the second time")
    try await Self.waitForLog(
      log, calls: 3, approvals: ["approval-denied", "approval-approved", "remembered-approve"])
    try await tui.sendKeys("Escape")

    // The transcript says so, and lists the remembered choice.
    try await tui.sendKeys("t")
    try await tui.waitFor(allOf: [
      "Transcript · conversation-1", "approved (remembered — no card)",
      "✓ approve", "user rejected MCP tool call",
    ])
    try await tui.sendKeys("Escape")

    // n: a new conversation forgets it, and the card comes back.
    try await tui.sendKeys("n")
    try await tui.waitUntil("no remembered choice in the header") {
      !headerLine($0).contains("remembered") && $0.contains("[Tools")
    }
    try await tui.sendKeys("c", "Enter")
    try await tui.waitFor(allOf: [
      "Write actions come with risks", "[ ] Remember for this conversation",
    ])
    try await tui.sendKeys("Escape")
    try await tui.waitFor(text: "denied", timeout: timeout)
    try await Self.waitForLog(
      log, calls: 3,
      approvals: ["approval-denied", "approval-approved", "remembered-approve", "approval-denied"])
    try await tui.sendKeys("Escape")
    try await tui.waitFor(text: "[Tools")
  }

  @Test func `the demo server: no card for a read, the card for a write, remember, n`()
    async throws
  {
    try await withTemporaryDirectory { folder in
      let log = folder + "/wire.jsonl"
      try await withPreflight(["--wire-log", log]) { tui in
        try await waitForReady(tui, tools: demoToolNames)
        try await approvalFlow(
          tui, log: log, readTool: "list_tasks", writeTool: "create_task", downToWrite: 3,
          timeout: TmuxSession.defaultTimeout)
        try await tui.sendKeys("q")
        try await expectExitAndTerminalRestored(tui)
      }
    }
  }

  @Test(PythonServers.gate)
  func `a Python SDK server: no card for a read, the card for a write, remember, n`()
    async throws
  {
    let server = try PythonServers.fixture("sdk2_tasks.py")
    try await withTemporaryDirectory { folder in
      let log = folder + "/wire.jsonl"
      try await withPreflight(["--connect-timeout", "60", "--wire-log", log, "--"] + server) {
        tui in
        try await waitForReady(tui, tools: TUIServerTests.sdkTools, timeout: .seconds(60))
        try await approvalFlow(
          tui, log: log, readTool: "list_tasks", writeTool: "add_task", downToWrite: 1,
          timeout: .seconds(60))
        try await tui.sendKeys("q")
        try await expectExitAndTerminalRestored(tui)
      }
    }
  }

  @Test func `a server that adds a tool and flips a hint: flagged, then r shows the diff`()
    async throws
  {
    try await withTemporaryDirectory { folder in
      let script = folder + "/changing_server.py"
      try Self.changingServer.write(toFile: script, atomically: true, encoding: .utf8)
      try await withPreflight(["--connect-timeout", "60", "--", "python3", script]) { tui in
        try await waitForReady(tui, tools: ["lookup", "mutate"], timeout: .seconds(60))
        try await tui.sendKeys("j")
        try await tui.waitFor(text: "▶ mutate")
        try await tui.sendKeys("c", "Enter")
        try await tui.waitFor(text: "Remember for this conversation")
        try await tui.sendKeys("a")
        try await tui.waitFor(allOf: ["┏ Call mutate ", "✓ result"], timeout: .seconds(60))
        try await tui.sendKeys("Escape")
        // ChatGPT keeps its snapshot: flagged, not applied.
        let flagged = try await tui.waitUntil("the flag in the header") {
          headerLine($0).contains("⚑ tools changed: r")
        }
        #expect(visibleTools(["added_tool"], on: flagged).isEmpty, "the snapshot is kept")
        try await tui.sendKeys("r")
        let diff = try await tui.waitFor(
          allOf: [
            "Refresh · what changed", "⚑ lookup  runs without asking → asks for approval",
            "+ added_tool  added", "annotations.readOnlyHint: true → false",
          ], timeout: .seconds(60))
        #expect(diff.contains("⚑ added_tool  new → asks for approval"), "\(diff)")
        try await tui.sendKeys("Escape")
        try await waitForReady(tui, tools: ["lookup", "mutate", "added_tool"])
        try await tui.sendKeys("q")
        try await expectExitAndTerminalRestored(tui)
      }
    }
  }

  @Test func `--scenario walks its calls one card at a time and E exports the transcript`()
    async throws
  {
    try await withTemporaryDirectory { folder in
      let calls = folder + "/calls.json"
      try #"""
      [{"name": "echo", "arguments": {"text": "hi", "api_key": "sk-live-123456"}},
       {"name": "create_task", "arguments": {"title": "From the scenario"}},
       {"name": "delete_task", "arguments": {"id": "t1"}}]
      """#.write(toFile: calls, atomically: true, encoding: .utf8)
      let export = folder + "/transcript.json"
      try await withPreflight(["--scenario", calls]) { tui in
        try await waitForReady(tui, tools: demoToolNames)
        try await tui.waitUntil("scenario 0/3 in the header") {
          headerLine($0).contains("scenario 0/3")
        }
        try await tui.sendKeys("]")
        let read = try await tui.waitFor(allOf: ["┏ Call echo ", "not-required", "✓ result"])
        #expect(!read.contains("Remember for this conversation"))
        try await tui.sendKeys("Escape", "]")
        try await tui.waitFor(allOf: [
          "Write actions come with risks", #""title": "From the scenario""#,
        ])
        try await tui.sendKeys("a")
        try await tui.waitFor(allOf: ["┏ Call create_task ", "approved", "✓ result"])
        try await tui.sendKeys("Escape", "]")
        try await tui.waitFor(allOf: ["Delete a task (delete_task)", "explicit approval"])
        try await tui.sendKeys("d")
        try await tui.waitFor(allOf: ["┏ Call delete_task ", "denied"])
        try await tui.sendKeys("Escape", "]")
        try await tui.waitFor(text: "scenario finished: 3 calls")

        try await tui.sendKeys("E")
        try await tui.waitFor(text: "preflight-transcript-conversation-1.json")
        try await tui.sendKeys(Array(repeating: "BSpace", count: 45))
        try await tui.waitFor(absenceOf: "preflight-transcript")
        try await tui.type(export)
        try await tui.sendKeys("Enter")
        try await tui.waitFor(text: "transcript exported to")
        let data = try #require(FileManager.default.contents(atPath: export))
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""origin": "scenario 2/3""#), "\(text)")
        #expect(text.contains(#""decision": "remembered-approve""#) == false)
        #expect(text.contains(#""decision": "denied""#))
        #expect(text.contains("user rejected MCP tool call"))
        #expect(!text.contains("sk-live-123456"), "secrets are redacted")

        // The same name again: the file is not replaced and the prompt comes back.
        try await tui.sendKeys("E", "Enter")
        try await tui.waitFor(text: "exists — not replaced")
        #expect(FileManager.default.contents(atPath: export) == data)
        try await tui.sendKeys("Escape", "q")
        try await expectExitAndTerminalRestored(tui)
      }
    }
  }

  @Test func `under the full profile list_changed lists the tools again and the diff opens`()
    async throws
  {
    try await withTemporaryDirectory { folder in
      let script = folder + "/changing_server.py"
      try Self.changingServer.write(toFile: script, atomically: true, encoding: .utf8)
      try await withPreflight(
        ["--client-profile", "full", "--connect-timeout", "60", "--", "python3", script]
      ) { tui in
        try await waitForReady(tui, tools: ["lookup", "mutate"], timeout: .seconds(60))
        try await tui.sendKeys("j")
        try await tui.waitFor(text: "▶ mutate")
        try await tui.sendKeys("c", "Enter")
        try await tui.waitFor(text: "Remember for this conversation")
        try await tui.sendKeys("a")
        // The re-listing's diff waits until the result is closed.
        try await tui.waitFor(allOf: ["┏ Call mutate ", "✓ result"], timeout: .seconds(60))
        try await tui.sendKeys("Escape")
        let diff = try await tui.waitFor(
          allOf: ["Refresh · what changed", "+ added_tool  added"], timeout: .seconds(60))
        #expect(!headerLine(diff).contains("⚑"), "nothing is flagged: the list was applied")
        try await tui.sendKeys("Escape")
        try await waitForReady(tui, tools: ["lookup", "mutate", "added_tool"])
        try await tui.sendKeys("q")
        try await expectExitAndTerminalRestored(tui)
      }
    }
  }

  /// A stdio MCP server in plain Python: `lookup` (read-only) and `mutate`; after `mutate` is
  /// called, `lookup` loses its read-only hint, `added_tool` appears, and it says
  /// `notifications/tools/list_changed`.
  static let changingServer = #"""
    import json, sys

    changed = False

    def tools():
        lookup_hints = {"readOnlyHint": not changed, "destructiveHint": False, "openWorldHint": False}
        out = [
            {"name": "lookup", "description": "Looks something up.",
             "inputSchema": {"type": "object"}, "annotations": lookup_hints},
            {"name": "mutate", "description": "Changes the tool list.",
             "inputSchema": {"type": "object"},
             "annotations": {"readOnlyHint": False, "destructiveHint": False, "openWorldHint": False}},
        ]
        if changed:
            out.append({"name": "added_tool", "description": "New after mutate.",
                        "inputSchema": {"type": "object"}})
        return out

    def send(message):
        sys.stdout.write(json.dumps(message) + "\n")
        sys.stdout.flush()

    for line in sys.stdin:
        message = json.loads(line)
        method, mid = message.get("method"), message.get("id")
        if mid is None:
            continue
        if method == "initialize":
            result = {"protocolVersion": message["params"]["protocolVersion"],
                      "capabilities": {"tools": {"listChanged": True}},
                      "serverInfo": {"name": "changing", "version": "1.0.0"}}
        elif method == "tools/list":
            result = {"tools": tools()}
        elif method == "tools/call":
            changed = True
            result = {"content": [{"type": "text", "text": "changed"}]}
            send({"jsonrpc": "2.0", "id": mid, "result": result})
            send({"jsonrpc": "2.0", "method": "notifications/tools/list_changed"})
            continue
        else:
            send({"jsonrpc": "2.0", "id": mid, "error": {"code": -32601, "message": "no " + method}})
            continue
        send({"jsonrpc": "2.0", "id": mid, "result": result})
    """#
}
