import TerminalGrid

/// Mouse events in `update`: the wheel scrolls whatever is under the pointer (or the open
/// view), a click focuses a pane or a tab and selects a row, and a click on the row already
/// selected opens it (as Enter does). Hit-testing uses the same ``Layout`` the renderer uses.
enum MouseFlow {
  /// Lines a wheel notch scrolls.
  static let wheelStep = 3

  static func handle(_ event: MouseEvent, _ state: inout AppState) -> [Effect] {
    guard state.fitsMinimum else { return [] }
    switch event.kind {
    case .wheelUp, .wheelDown:
      let delta = event.kind == .wheelUp ? -wheelStep : wheelStep
      if state.mode == .normal {
        guard let pane = pane(at: event, state) else { return [] }
        state.focus = pane
      } else if ![.result, .frame, .help, .approval, .form].contains(state.mode) {
        return []
      }
      AppUpdate.move(&state, by: delta)
      return []
    case .press:
      return press(event, &state)
    case .release:
      return []
    }
  }

  private static func pane(at event: MouseEvent, _ state: AppState) -> Pane? {
    state.layout.panes.first { $0.value.contains(x: event.x, y: event.y) }?.key
  }

  private static func press(_ event: MouseEvent, _ state: inout AppState) -> [Effect] {
    guard state.mode == .normal else { return [] }
    let layout = state.layout
    if let tabs = layout.tabs, tabs.contains(x: event.x, y: event.y) {
      if let pane = TabsView.pane(at: event.x, state, in: tabs) { state.focus = pane }
      return []
    }
    guard let pane = pane(at: event, state), let rect = layout.panes[pane] else { return [] }
    let wasFocused = state.focus == pane
    state.focus = pane
    let inner = rect.content
    guard inner.contains(x: event.x, y: event.y) else { return [] }
    switch pane {
    case .tools:
      let top = inner.y + (state.tools.filter.isEmpty ? 0 : 1) + (state.tools.error == nil ? 0 : 1)
      let rows = state.tools.visible
      let height = inner.maxY - top
      guard event.y >= top, height > 0, !rows.isEmpty else { return [] }
      let selected = state.tools.selectedRow
      let start = ListWindow.start(
        current: state.tools.scroll, selected: selected, count: rows.count, height: height)
      let row = start + event.y - top
      guard row < rows.count else { return [] }
      if wasFocused && row == selected { return AppUpdate.perform(.open, &state) }
      state.tools.scroll = start
      AppUpdate.move(&state, by: row - selected)
    case .wire:
      let top = inner.y + (state.wire.filter.isEmpty ? 0 : 1)
      let rows = state.wire.visible
      let height = inner.maxY - top
      guard event.y >= top, height > 0, !rows.isEmpty else { return [] }
      let selected = state.wire.selectedRow(in: rows) ?? rows.count - 1
      let start =
        state.wire.follow
        ? max(0, rows.count - height)
        : ListWindow.start(
          current: state.wire.scroll, selected: selected, count: rows.count, height: height)
      let row = start + event.y - top
      guard row < rows.count else { return [] }
      if wasFocused && !state.wire.follow && row == selected {
        return AppUpdate.perform(.open, &state)
      }
      state.wire.follow = false
      state.wire.selectedSeq = state.wire.rows[rows[row]].seq
      state.wire.scroll = start
    case .detail, .log:
      break
    }
    return []
  }
}
