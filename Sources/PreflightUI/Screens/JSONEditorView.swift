import TerminalGrid

/// The raw JSON editor: the arguments (or the request `_meta`) as numbered lines with the
/// cursor, and under them what stops the JSON being used (a parse error with line and column,
/// or schema findings).
enum JSONEditorView {
  static func render(_ state: AppState, in rect: Rect, into grid: inout CellGrid) {
    guard let form = state.form, let editor = form.editor else { return }
    let meta = state.mode == .metaEditor
    let area = Modal.box(
      in: rect, width: 100, height: rect.height,
      title: meta
        ? "Request _meta of the next tools/call · JSON (null: not sent)"
        : "Call \(form.toolName) · arguments JSON",
      footer: meta
        ? "Ctrl-D apply · Ctrl-O $EDITOR · Esc discard"
        : "Ctrl-D call · Ctrl-E form · Ctrl-O $EDITOR · Esc cancel", into: &grid)
    guard !area.isEmpty else { return }
    let errorLines = form.editorErrors.flatMap {
      DisplayWidth.wrap("✕ " + $0, width: max(10, area.width))
    }
    let errorHeight = min(errorLines.count, max(0, area.height / 3))
    let textHeight = max(1, area.height - errorHeight - (errorHeight > 0 ? 1 : 0))
    let numberWidth = String(editor.lines.count).count
    let textWidth = max(1, area.width - numberWidth - 1)
    let first = ListWindow.start(
      current: 0, selected: editor.row, count: editor.lines.count, height: textHeight)
    let shift = max(0, editor.column - textWidth + 1)
    for offset in 0..<textHeight {
      let index = first + offset
      guard editor.lines.indices.contains(index) else { break }
      let y = area.y + offset
      let number = String(index + 1)
      grid.put(
        String(repeating: " ", count: numberWidth - number.count) + number, x: area.x, y: y,
        style: Palette.dim)
      let line = editor.lines[index]
      let visible = Array(line.dropFirst(min(shift, line.count)))
      var x = area.x + numberWidth + 1
      let end = area.x + area.width
      for (column, c) in visible.enumerated() {
        guard x < end else { break }
        let atCursor = index == editor.row && column + shift == editor.column
        x += grid.put(
          String(c), x: x, y: y, style: atCursor ? Palette.selected : .plain,
          clip: Rect(x: x, y: y, width: end - x, height: 1))
      }
      if index == editor.row && editor.column - shift >= visible.count && x < end {
        grid.put(" ", x: x, y: y, style: Palette.selected)
      }
    }
    if errorHeight > 0 {
      for (offset, line) in errorLines.prefix(errorHeight).enumerated() {
        grid.putTruncated(
          line, x: area.x, y: area.y + textHeight + 1 + offset, width: area.width,
          style: Palette.error)
      }
    }
  }
}
