import TerminalGrid

/// A centred box over the body, cleared, with a title and a footer; returns its content area.
enum Modal {
  static func box(
    in rect: Rect, width: Int, height: Int, title: String, footer: String,
    into grid: inout CellGrid
  ) -> Rect {
    let w = min(rect.width, width)
    let h = min(rect.height, height)
    let box = Rect(
      x: rect.x + (rect.width - w) / 2, y: rect.y + (rect.height - h) / 2, width: w, height: h)
    grid.fill(box)
    grid.drawBox(box, title: title, footer: footer, focused: true)
    return box.content
  }

  /// Draws lines from `start` into `area`, clamped.
  static func lines(_ all: [StyledLine], from start: Int, in area: Rect, into grid: inout CellGrid)
  {
    let first = ListWindow.clamp(start, count: all.count, height: area.height)
    for (offset, line) in all[first..<min(all.count, first + area.height)].enumerated() {
      line.draw(into: &grid, x: area.x, y: area.y + offset, width: area.width)
    }
  }
}
