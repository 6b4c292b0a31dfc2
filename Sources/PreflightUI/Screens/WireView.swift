import TerminalGrid

/// Every frame, one line each: time, direction symbol, method or result/error with id, latency
/// for responses, a summary, and the size; follow mode sticks to the newest.
enum WireView {
  static func render(_ state: AppState, in rect: Rect, into grid: inout CellGrid) {
    let pane = state.wire
    let focused = state.focus == .wire
    var title = "Wire \(pane.rows.count)"
    if pane.follow { title += " · follow" }
    if pane.dropped > 0 { title += " · \(pane.dropped) older dropped" }
    grid.drawBox(
      rect, title: title, footer: focused ? "Enter open · f follow" : "", focused: focused)
    let inner = rect.content
    guard !inner.isEmpty else { return }
    var y = inner.y
    y += FilterLine.draw(
      pane.filter, typing: state.mode == .filter && state.focus == .wire, in: inner, into: &grid)
    let rows = pane.visible
    let height = inner.maxY - y
    guard height > 0, !rows.isEmpty else { return }
    let selected = pane.selectedRow(in: rows) ?? rows.count - 1
    let start =
      pane.follow
      ? max(0, rows.count - height)
      : ListWindow.start(
        current: pane.scroll, selected: selected, count: rows.count, height: height)
    for (offset, index) in rows[start..<min(rows.count, start + height)].enumerated() {
      let row = pane.rows[index]
      let isSelected = focused && !pane.follow && start + offset == selected
      draw(row, at: y + offset, x: inner.x, width: inner.width, selected: isSelected, into: &grid)
    }
  }

  static func draw(
    _ row: WireRow, at y: Int, x: Int, width: Int, selected: Bool, into grid: inout CellGrid
  ) {
    let style: Style
    switch row.kind {
    case .outbound: style = Palette.outbound
    case .inbound: style = Palette.inbound
    case .problem: style = Palette.error
    case .local: style = Palette.local
    case .stderr: style = Palette.write
    }
    let size = row.bytes > 0 ? WireSummary.size(row.bytes) : ""
    let latency = row.latencyMs.map(WireSummary.latency) ?? ""
    let sizeWidth = 8
    let labelWidth = min(34, max(16, width / 4))
    var column = x
    column += grid.put(row.time + "  ", x: column, y: y, style: Palette.dim)
    column += grid.put(row.symbol + "  ", x: column, y: y, style: style)
    column += grid.putTruncated(row.label, x: column, y: y, width: labelWidth, style: style)
    column = max(column, x + 17 + labelWidth) + 1
    column += grid.put(pad(latency, 9), x: column, y: y, style: Palette.dim)
    let summaryWidth = max(0, x + width - column - sizeWidth - 1)
    grid.putTruncated(row.summary, x: column, y: y, width: summaryWidth)
    let sizeText = String(repeating: " ", count: max(0, sizeWidth - size.count)) + size
    grid.put(sizeText, x: x + width - sizeWidth, y: y, style: Palette.dim)
    if selected { grid.setStyle(Rect(x: x, y: y, width: width, height: 1), Palette.selected) }
  }

  private static func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
  }
}
