import TerminalGrid

/// The tab row of a narrow terminal: the focused pane in brackets, counts beside the names.
enum TabsView {
  static func render(_ state: AppState, in rect: Rect, into grid: inout CellGrid) {
    grid.fill(rect)
    var spans: [Span] = [Span(" ")]
    for pane in Pane.allCases {
      var label = pane.title
      switch pane {
      case .tools: label += " \(state.tools.items.count)"
      case .wire: label += " \(state.wire.rows.count)"
      case .log: label += " \(state.log.entries.count)"
      case .detail: break
      }
      if pane == state.focus {
        spans.append(Span("[" + label + "]", Palette.accent))
      } else {
        spans.append(Span(" " + label + " ", Palette.dim))
      }
      spans.append(Span(" "))
    }
    StyledLine(spans).draw(into: &grid, x: rect.x, y: rect.y, width: rect.width)
  }
}
