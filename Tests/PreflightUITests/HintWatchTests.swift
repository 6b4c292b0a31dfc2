import HostFlow
import PreflightCore
import PreflightJSON
import PreflightUI
import Testing

/// The TUI flags a read-only tool whose call is followed by a state change, in the log, once per
/// piece of evidence.
@Suite struct HintWatchTests {
  static func record(_ seq: Int, _ direction: WireDirection, _ message: JSONValue) -> WireRecord {
    WireRecord(
      seq: seq, timeMillis: 1_795_003_300_000 + Int64(seq), direction: direction,
      transport: "stdio", body: .message(message))
  }

  func hintNotes(_ state: AppState) -> [String] {
    state.log.entries.filter { $0.tag == "hint" }.map(\.text)
  }

  @Test func `a list_changed after a read-only call is noted once, naming the record`() {
    var state = UIFixtures.state()
    let base = (state.wire.records.last?.seq ?? 0) + 1
    let batch = [
      Self.record(
        base, .outbound,
        ["jsonrpc": "2.0", "id": 90, "method": "tools/call", "params": ["name": "list_tasks"]]),
      Self.record(
        base + 1, .inbound, ["jsonrpc": "2.0", "method": "notifications/tools/list_changed"]),
    ]
    _ = AppUpdate.update(&state, .wire(batch))
    let notes = hintNotes(state)
    #expect(notes.count == 1, "\(notes)")
    #expect(notes.first?.contains("list_tasks declares readOnlyHint: true") == true)
    #expect(notes.first?.contains("wire record \(base + 1)") == true)

    // The same evidence is not noted again when more records arrive.
    _ = AppUpdate.update(
      &state,
      .wire([
        Self.record(base + 2, .inbound, ["jsonrpc": "2.0", "id": 90, "result": ["content": []]]),
        Self.record(
          base + 3, .inbound, ["jsonrpc": "2.0", "method": "notifications/message", "params": [:]]),
      ]))
    #expect(hintNotes(state).count == 1)
  }

  @Test func `a write tool's notification is not noted`() {
    var state = UIFixtures.state()
    let base = (state.wire.records.last?.seq ?? 0) + 1
    _ = AppUpdate.update(
      &state,
      .wire([
        Self.record(
          base, .outbound,
          ["jsonrpc": "2.0", "id": 91, "method": "tools/call", "params": ["name": "create_task"]]),
        Self.record(
          base + 1, .inbound,
          ["jsonrpc": "2.0", "method": "notifications/resources/updated", "params": ["uri": "x"]]),
      ]))
    #expect(hintNotes(state).isEmpty)
  }
}
