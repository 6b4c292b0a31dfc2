import TerminalGrid

/// One line of spans, drawn left to right and clipped to a width.
public struct StyledLine: Sendable, Hashable {
  /// The spans in order.
  public var spans: [Span]

  /// Makes a line.
  public init(_ spans: [Span] = []) {
    self.spans = spans
  }

  /// A line of one span.
  public init(_ text: String, _ style: Style = .plain) {
    self.spans = [Span(text, style)]
  }

  /// Draws the line at (x, y), clipped to `width` columns; the last visible span is cut with
  /// an ellipsis when the line is longer.
  public func draw(into grid: inout CellGrid, x: Int, y: Int, width: Int) {
    var column = x
    let end = x + width
    for span in spans where column < end {
      column += grid.putTruncated(
        span.text, x: column, y: y, width: end - column, style: span.style)
    }
  }
}
