import HostFlow
import PreflightCore
import PreflightJSON
import Testing

/// The behavioural read-only check over wire records: what follows a call of a tool that claims
/// `readOnlyHint: true`, attributed to the latest call.
@Suite struct HintHonestyObserverTests {
  static let hints: JSONValue = [
    "readOnlyHint": true, "destructiveHint": false, "openWorldHint": false,
  ]
  static let tools: [JSONValue] = [
    ["name": "get_counter", "annotations": hints],
    ["name": "peek_counter", "annotations": hints],
    ["name": "bump_counter", "annotations": ["readOnlyHint": false]],
  ]

  /// Builds records in order: seq from 1, a second apart.
  struct Records {
    var list: [WireRecord] = []
    var nextID = 0

    mutating func add(_ direction: WireDirection, _ message: JSONValue) {
      let seq = list.count + 1
      list.append(
        WireRecord(
          seq: seq, timeMillis: 1_790_000_000_000 + Int64(seq) * 1000, direction: direction,
          transport: "memory", body: .message(message)))
    }

    /// A request and its answer; `between` runs after the request is sent.
    mutating func exchange(
      _ method: String, params: JSONValue, result: JSONValue,
      between: (inout Records) -> Void = { _ in }
    ) {
      nextID += 1
      let id = JSONValue.int(nextID)
      add(.outbound, ["jsonrpc": "2.0", "id": id, "method": .string(method), "params": params])
      between(&self)
      add(.inbound, ["jsonrpc": "2.0", "id": id, "result": result])
    }

    mutating func call(_ tool: String, between: (inout Records) -> Void = { _ in }) {
      exchange(
        "tools/call", params: ["name": .string(tool)], result: ["content": []], between: between)
    }

    mutating func notify(_ method: String, _ params: JSONValue? = nil) {
      var m: JSONObject = ["jsonrpc": "2.0", "method": .string(method)]
      if let params { m["params"] = params }
      add(.inbound, .object(m))
    }

    mutating func read(_ uri: String, text: String) {
      exchange(
        "resources/read", params: ["uri": .string(uri)],
        result: ["contents": [["uri": .string(uri), "text": .string(text)]]])
    }
  }

  func findings(_ records: Records) -> [HintFinding] {
    HintHonestyObserver.findings(records: records.list, tools: Self.tools)
  }

  @Test func `notifications during and after a read-only call are evidence against it`() throws {
    var r = Records()
    r.call("get_counter") { $0.notify("notifications/resources/updated", ["uri": "counter://v"]) }
    r.notify("notifications/tools/list_changed")
    let found = findings(r)
    try #require(found.count == 1)
    let f = found[0]
    #expect(f.tool == "get_counter")
    #expect(f.rule == .readOnlyMutates)
    #expect(f.calls == [1])
    #expect(f.evidence.map(\.seq) == [2, 4])
    #expect(f.evidence[0].what.contains("counter://v"))
    #expect(f.evidence[0].what.contains("while the call ran"))
    #expect(f.evidence[1].what.contains("after the call answered"))
    #expect(f.json["evidence"] == [2, 4])
    #expect(f.json["severity"] == "warning")
    #expect(f.json["frames"]?[0]?["time"] == .string(WireRecord.formatTime(1_790_000_002_000)))
    #expect(f.message.contains("records 2, 4"))
  }

  @Test func `an honest read-only call and a write's notifications are not flagged`() {
    var r = Records()
    r.call("peek_counter")
    r.call("bump_counter") { $0.notify("notifications/resources/updated", ["uri": "counter://v"]) }
    r.notify("notifications/resources/list_changed")
    // Logging and progress say nothing about state.
    r.call("get_counter") {
      $0.notify("notifications/message", ["level": "info", "data": "hi"])
      $0.notify("notifications/progress", ["progressToken": "p", "progress": 1])
    }
    #expect(findings(r).isEmpty)
  }

  @Test func `a changed resources read across exactly one read-only call is evidence`() throws {
    var r = Records()
    r.read("counter://v", text: "0")
    r.call("get_counter")
    r.read("counter://v", text: "1")
    let found = findings(r)
    try #require(found.count == 1)
    #expect(found[0].evidence.map(\.seq) == [6])
    #expect(found[0].evidence[0].what.contains("resources/read counter://v"))
    #expect(found[0].evidence[0].what.contains("record 2"))
  }

  @Test func `an unchanged read, or a write between the reads, is not evidence`() {
    var same = Records()
    same.read("counter://v", text: "0")
    same.call("get_counter")
    same.read("counter://v", text: "0")
    #expect(findings(same).isEmpty)

    var write = Records()
    write.read("counter://v", text: "0")
    write.call("get_counter")
    write.call("bump_counter")
    write.read("counter://v", text: "1")
    #expect(findings(write).isEmpty)
  }

  @Test func `a changed tools list after a read-only call is evidence`() throws {
    var r = Records()
    r.exchange("tools/list", params: [:], result: ["tools": [["name": "a"]]])
    r.call("peek_counter")
    r.exchange("tools/list", params: [:], result: ["tools": [["name": "a"], ["name": "b"]]])
    let found = findings(r)
    try #require(found.count == 1)
    #expect(found[0].tool == "peek_counter")
    #expect(found[0].evidence[0].what.contains("tools/list"))
  }

  @Test func `repeated lying calls gather into one finding per tool`() throws {
    var r = Records()
    r.call("get_counter") { $0.notify("notifications/tools/list_changed") }
    r.call("get_counter") { $0.notify("notifications/tools/list_changed") }
    let found = findings(r)
    try #require(found.count == 1)
    #expect(found[0].calls == [1, 4])
    #expect(found[0].evidence.map(\.seq) == [2, 5])
  }

  @Test func `name findings come from the static heuristic`() {
    let tools: [JSONValue] = [
      ["name": "delete_cache", "annotations": ["readOnlyHint": true]],
      ["name": "delete_task", "annotations": ["readOnlyHint": false]],
      ["name": "list_tasks", "annotations": ["readOnlyHint": true]],
    ]
    let found = HintHonestyObserver.nameFindings(tools: tools)
    #expect(found.map(\.tool) == ["delete_cache"])
    #expect(found.first?.rule == .readOnlyMutatingName)
    #expect(found.first?.json["severity"] == "info")
    #expect(found.first?.evidence.isEmpty == true)
  }
}
