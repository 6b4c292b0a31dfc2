import TerminalGrid

/// The tool list: name, kind word (coloured), a `!` when hints ChatGPT requires are missing,
/// the hidden-from-model tools marked, and the filter line.
enum ToolsView {
  static func render(_ state: AppState, in rect: Rect, into grid: inout CellGrid) {
    let pane = state.tools
    let focused = state.focus == .tools
    var title = "Tools \(pane.items.count)"
    if pane.loading { title += " · loading" }
    if pane.pages > 1 { title += " · \(pane.pages) pages" }
    grid.drawBox(rect, title: title, footer: focused ? "Enter detail" : "", focused: focused)
    let inner = rect.content
    guard !inner.isEmpty else { return }
    var y = inner.y
    y += FilterLine.draw(
      pane.filter, typing: state.mode == .filter && state.focus != .wire, in: inner, into: &grid)
    if let error = pane.error {
      grid.putTruncated("✕ " + error, x: inner.x, y: y, width: inner.width, style: Palette.error)
      y += 1
    }
    if pane.items.isEmpty {
      if let why = state.connection.reason {
        let lead = state.connection.word == "failed" ? "could not connect: " : "server gone: "
        let room = max(0, inner.maxY - y - 1)
        for line in DisplayWidth.wrap(lead + why, width: inner.width).prefix(room) {
          grid.putTruncated(line, x: inner.x, y: y, width: inner.width, style: Palette.error)
          y += 1
        }
        grid.putTruncated(
          "R restarts the connection", x: inner.x, y: y, width: inner.width, style: Palette.dim)
        return
      }
      let text = state.connection == .ready ? (pane.loading ? "listing tools…" : "no tools") : ""
      grid.putTruncated(text, x: inner.x, y: y, width: inner.width, style: Palette.dim)
      return
    }
    let rows = pane.visible
    let height = inner.maxY - y
    guard height > 0 else { return }
    let selectedRow = pane.selectedRow
    let start = ListWindow.start(
      current: pane.scroll, selected: selectedRow, count: rows.count, height: height)
    let kindWidth = 12
    let available = max(6, inner.width - 2 - kindWidth - 1)
    let nameColumn = min(pane.longestName + 2, available)
    let titleWidth = available - nameColumn
    for (offset, row) in rows[start..<min(rows.count, start + height)].enumerated() {
      let item = pane.items[row]
      let isSelected = start + offset == selectedRow
      let lineY = y + offset
      var nameStyle = Style.plain
      if item.hiddenFromModel { nameStyle = Palette.dim }
      if isSelected && focused { nameStyle.reverse = true }
      grid.put(isSelected ? "▶ " : "  ", x: inner.x, y: lineY, style: Palette.accent)
      grid.putTruncated(
        item.name, x: inner.x + 2, y: lineY, width: nameColumn - 1, style: nameStyle)
      if titleWidth > 6, let title = item.title {
        grid.putTruncated(
          title, x: inner.x + 2 + nameColumn, y: lineY, width: titleWidth - 1, style: Palette.dim)
      }
      let kindX = inner.maxX - kindWidth - 1
      grid.putTruncated(
        item.hiddenFromModel ? "app only" : item.kindWord, x: kindX, y: lineY, width: kindWidth,
        style: item.hiddenFromModel ? Palette.dim : Palette.kind(item.kindWord))
      if item.hintsMissing {
        grid.put("!", x: inner.maxX - 1, y: lineY, style: Palette.write)
      }
    }
  }
}
