import TerminalGrid

/// Notifications and stderr: log messages by level, progress with a bar, list changes, stderr
/// lines and exits, each tagged in words.
enum LogView {
  static func render(_ state: AppState, in rect: Rect, into grid: inout CellGrid) {
    let entries = state.log.entries
    let focused = state.focus == .log
    grid.drawBox(
      rect,
      title: "Log \(entries.count) · notifications and stderr"
        + (state.log.scroll == nil ? " · follow" : ""),
      focused: focused)
    let inner = rect.content
    guard !inner.isEmpty, !entries.isEmpty else { return }
    let height = inner.height
    let start =
      state.log.scroll.map { ListWindow.clamp($0, count: entries.count, height: height) }
      ?? max(0, entries.count - height)
    for (offset, entry) in entries[start..<min(entries.count, start + height)].enumerated() {
      let y = inner.y + offset
      var x = inner.x
      x += grid.put(entry.time + "  ", x: x, y: y, style: Palette.dim)
      let tag = String(entry.tag.prefix(9))
      x += grid.put(
        tag + String(repeating: " ", count: 10 - tag.count), x: x, y: y, style: style(entry.tag))
      if let fraction = entry.fraction {
        let barWidth = 12
        let filled = Int((fraction * Double(barWidth)).rounded())
        x += grid.put(
          "[" + String(repeating: "█", count: filled)
            + String(repeating: "·", count: barWidth - filled) + "] ",
          x: x, y: y, style: Palette.accent)
      }
      grid.putTruncated(entry.text, x: x, y: y, width: max(0, inner.maxX - x))
    }
  }

  static func style(_ tag: String) -> Style {
    switch tag {
    case "error", "critical", "alert", "emergency", "exit": Palette.error
    case "warning", "stderr": Palette.write
    case "progress": Palette.accent
    case "debug": Palette.dim
    default: .plain
    }
  }
}
