import TerminalGrid

/// The tab row of a narrow terminal: the focused pane in brackets, counts beside the names.
enum TabsView {
  static func render(_ state: AppState, in rect: Rect, into grid: inout CellGrid) {
    grid.fill(rect)
    var spans: [Span] = [Span(" ")]
    for (pane, label) in labels(state) {
      if pane == state.focus {
        spans.append(Span("[" + label + "]", Palette.accent))
      } else {
        spans.append(Span(" " + label + " ", Palette.dim))
      }
      spans.append(Span(" "))
    }
    StyledLine(spans).draw(into: &grid, x: rect.x, y: rect.y, width: rect.width)
  }

  /// Each pane's tab label, in order.
  static func labels(_ state: AppState) -> [(Pane, String)] {
    Pane.allCases.map { pane in
      switch pane {
      case .tools: (pane, pane.title + " \(state.tools.items.count)")
      case .wire: (pane, pane.title + " \(state.wire.rows.count)")
      case .log: (pane, pane.title + " \(state.log.entries.count)")
      case .detail: (pane, pane.title)
      }
    }
  }

  /// The pane whose tab covers column `x` (tabs start at `rect.x`).
  static func pane(at x: Int, _ state: AppState, in rect: Rect) -> Pane? {
    var column = rect.x + 1
    for (pane, label) in labels(state) {
      let width = DisplayWidth.of(label) + 2
      if x >= column && x < column + width { return pane }
      column += width + 1
    }
    return nil
  }
}
