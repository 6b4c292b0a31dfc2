import HostFlow
import PreflightCore
import PreflightJSON
import TerminalGrid

/// The last call: what the approval decided, whether it was sent, and the answer — content
/// blocks by type, `structuredContent` checked against `outputSchema`, `isError` as a tool
/// error, a JSON-RPC error as a protocol error — with the time it took and the request.
///
/// The lines come from the ``ResultLayout`` kept in the state (built once per call and width);
/// only the visible window is drawn.
enum ResultView {
  static func render(_ state: AppState, in rect: Rect, into grid: inout CellGrid) {
    guard let record = state.lastCall else { return }
    let screen = state.resultScreen
    grid.fill(rect)
    var footer = "↑↓ scroll · / search · n next"
    if let blocks = screen.layout?.savable, !blocks.isEmpty { footer += " · Tab block · s save" }
    footer += " · Esc back"
    grid.drawBox(rect, title: "Call \(record.call.name)", footer: footer, focused: true)
    let area = rect.content
    guard !area.isEmpty else { return }
    let layout = layout(state, record, width: area.width)
    let lines = layout.lines
    // Who sees what (the model, the widget) follows the result, in the same scroll.
    let audience = AudienceView.lines(record, state: state, width: area.width)
    let count = lines.count + audience.count
    let top = ListWindow.clamp(state.resultScroll, count: count, height: area.height)
    // Row by row: the layout's own drawing would clamp `top` to its last page, and its last
    // lines would then sit under the audience lines instead of above them.
    for row in 0..<area.height {
      let index = top + row
      if index < lines.count {
        lines.line(index).draw(into: &grid, x: area.x, y: area.y + row, width: area.width)
      } else if index - lines.count < audience.count {
        audience[index - lines.count].draw(
          into: &grid, x: area.x, y: area.y + row, width: area.width)
      }
    }
    if let match = screen.match, match >= top, match < top + area.height {
      grid.setStyle(
        Rect(x: area.x, y: area.y + match - top, width: area.width, height: 1), Palette.selected)
    }
    if let selected = screen.selectedBlock, selected < layout.savable.count {
      let line = layout.savable[selected].line
      if line >= top && line < top + area.height {
        grid.put("▶", x: area.maxX - 1, y: area.y + line - top, style: Palette.accent)
      }
    }
    if let prompt = prompt(screen) {
      let y = area.maxY - 1
      grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1))
      prompt.draw(into: &grid, x: area.x, y: y, width: area.width)
    }
  }

  /// The layout in the state when it is for this call and width, else one made now (a state
  /// built by hand, as in tests).
  static func layout(_ state: AppState, _ record: CallRecord, width: Int) -> ResultLayout {
    if let kept = state.resultScreen.layout, kept.width == width,
      kept.generation == state.resultScreen.generation
    {
      return kept
    }
    let tool = state.tools.items.first { $0.name == record.call.name }?.raw
    return ResultLayout(
      record, tool: tool, width: width, generation: state.resultScreen.generation)
  }

  private static func prompt(_ screen: ResultScreen) -> StyledLine? {
    if screen.typingQuery {
      return StyledLine([
        Span("/", Palette.accent), Span(screen.query, Style(underline: true)),
        Span("▏", Palette.accent), Span("  Enter finds · Esc cancels", Palette.dim),
      ])
    }
    guard let path = screen.savePath else { return nil }
    if screen.confirmOverwrite {
      return StyledLine([
        Span("overwrite ", Palette.write), Span(path), Span("?  y yes · n no", Palette.write),
      ])
    }
    return StyledLine([
      Span("save to ", Palette.accent), Span(path, Style(underline: true)),
      Span("▏", Palette.accent), Span("  Enter saves · Esc cancels", Palette.dim),
    ])
  }

  /// Every line of the result for `width` columns (built on the spot; for tests and small
  /// results).
  static func lines(_ record: CallRecord, tool: JSONValue? = nil, width: Int) -> [StyledLine] {
    ResultLayout(record, tool: tool, width: width, generation: 0).lines.all
  }
}
