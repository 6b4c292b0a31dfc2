import PreflightCore
import PreflightJSON
import PreflightUI
import TerminalGrid
import Testing

/// The opened wire frame is laid out once, kept in the state, and scrolled within its lines.
@Suite struct FrameLinesTests {
  @Test func `opening a frame lays it out once; a resize lays it out again; Esc drops it`() throws {
    var state = UIFixtures.state()
    state.focus = .wire
    _ = AppUpdate.update(&state, .key(.up))
    _ = AppUpdate.update(&state, .key(.enter))
    #expect(state.mode == .frame)
    let lines = try #require(state.frameLines)
    #expect(lines.width == 76)
    _ = AppUpdate.update(&state, .resized(Size(width: 120, height: 24)))
    #expect(state.frameLines?.width == 116)
    _ = AppUpdate.update(&state, .key(.escape))
    #expect(state.frameLines == nil)
    #expect(state.mode == .normal)
  }

  @Test func `End in a frame stops at its last page and PgUp comes back from there`() throws {
    var state = UIFixtures.state()
    let seq = (state.wire.rows.last?.seq ?? 0) + 1
    let items = JSONValue.array((0..<100).map { .int($0) })
    let message: JSONValue = ["jsonrpc": "2.0", "id": 9, "result": ["items": items]]
    _ = AppUpdate.update(
      &state,
      .wire([
        WireRecord(
          seq: seq, timeMillis: 0, direction: .inbound, transport: "stdio",
          body: .message(message), byteCount: 400)
      ]))
    state.focus = .wire
    _ = AppUpdate.update(&state, .key(.enter))
    #expect(state.openedFrame == seq)
    let count = try #require(state.frameLines?.count)
    #expect(count > 100, "one line an item, pretty-printed")
    _ = AppUpdate.update(&state, .key(.end))
    #expect(state.frameScroll == max(0, count - 20))
    _ = AppUpdate.update(&state, .key(.pageUp))
    #expect(state.frameScroll == max(0, count - 20 - 19))
  }
}
