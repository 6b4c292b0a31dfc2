import ApprovalPolicy
import HostFlow
import PreflightCore
import PreflightUI
import TerminalGrid
import Testing

/// Mouse events through `update`, hit-tested with the renderer's layout.
@Suite struct MouseTests {
  static func click(_ state: inout AppState, x: Int, y: Int) -> [Effect] {
    AppUpdate.update(&state, .key(.mouse(MouseEvent(kind: .press, x: x, y: y))))
  }

  static func wheel(_ state: inout AppState, down: Bool, x: Int = 10, y: Int = 10) {
    _ = AppUpdate.update(
      &state, .key(.mouse(MouseEvent(kind: down ? .wheelDown : .wheelUp, x: x, y: y))))
  }

  @Test func `a click on a tool row selects it; a click on the selected row opens its detail`() {
    var state = UIFixtures.state()
    // 80 × 24: tabs on row 1, the tools box from row 2, its first row of content on row 3.
    _ = Self.click(&state, x: 10, y: 5)
    #expect(state.tools.selected?.name == "delete_task")
    #expect(state.focus == .tools)
    _ = Self.click(&state, x: 10, y: 5)
    #expect(state.focus == .detail)
  }

  @Test func `a click below the last tool does nothing`() {
    var state = UIFixtures.state()
    _ = Self.click(&state, x: 10, y: 20)
    #expect(state.tools.selected?.name == "list_tasks")
  }

  @Test func `a click on a tab focuses that pane`() {
    var state = UIFixtures.state()
    // " [Tools 6]  Detail   Wire 9 …": find the Wire tab's column from the rendered row.
    var grid = CellGrid(size: state.size)
    AppRender.render(state, into: &grid)
    let tabs = grid.textDump().split(separator: "\n")[1]
    let column = tabs.distance(
      from: tabs.startIndex, to: tabs.range(of: "Wire")!.lowerBound)
    _ = Self.click(&state, x: column + 1, y: 1)
    #expect(state.focus == .wire)
    _ = Self.click(&state, x: 2, y: 1)
    #expect(state.focus == .tools)
  }

  @Test func `a click on a wire row selects it and a second click opens the frame`() {
    var state = UIFixtures.state()
    state.focus = .wire
    _ = Self.click(&state, x: 20, y: 3)
    #expect(!state.wire.follow)
    let first = state.wire.rows[state.wire.visible[0]].seq
    #expect(state.wire.selectedSeq == first)
    _ = Self.click(&state, x: 20, y: 3)
    #expect(state.mode == .frame)
    #expect(state.openedFrame == first)
  }

  @Test func `the wheel scrolls the pane under the pointer in a wide layout`() {
    var state = UIFixtures.state(width: 160, height: 48)
    // Wide: tools at the left (x < 40), detail beside it, wire along the bottom.
    Self.wheel(&state, down: true, x: 100, y: 5)
    #expect(state.focus == .detail)
    #expect(state.detailScroll == 3)
    Self.wheel(&state, down: true, x: 10, y: 5)
    #expect(state.focus == .tools)
    #expect(state.tools.selected?.name == "share_task")
  }

  @Test func `the wheel scrolls the result view and stops at its end`() {
    var state = UIFixtures.state()
    _ = AppUpdate.update(&state, .callFinished(ResultScreenTests.numbered(30)))
    Self.wheel(&state, down: true)
    #expect(state.resultScroll == 3)
    for _ in 0..<20 { Self.wheel(&state, down: true) }
    let count = state.resultLineCount ?? 0
    #expect(state.resultScroll == count - 20)
    Self.wheel(&state, down: false)
    #expect(state.resultScroll == count - 23)
  }
}
