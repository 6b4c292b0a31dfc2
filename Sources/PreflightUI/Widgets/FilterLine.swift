import TerminalGrid

/// The `/filter` line at the top of a list: shown while typing or while a filter is set.
enum FilterLine {
  /// Draws the line when needed; returns the rows it took (0 or 1).
  static func draw(
    _ filter: String, typing: Bool, in rect: Rect, into grid: inout CellGrid
  ) -> Int {
    guard typing || !filter.isEmpty else { return 0 }
    StyledLine([
      Span("/", Palette.accent), Span(filter, Style(underline: typing)),
      Span(typing ? "▏" : "", Palette.accent),
    ]).draw(into: &grid, x: rect.x, y: rect.y, width: rect.width)
    return 1
  }
}
