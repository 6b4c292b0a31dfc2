import TerminalGrid

/// The first waiting sampling request: who asks, the request in words, the reply on offer, and
/// the reply the user is writing, if any. Server text reaches the grid, which shows control
/// characters as visible escapes.
enum SamplingView {
  static func render(_ state: AppState, in rect: Rect, into grid: inout CellGrid) {
    guard let prompt = state.samplings.first else { return }
    let waiting = state.samplings.count > 1 ? " · \(state.samplings.count - 1) more" : ""
    var lines = prompt.lines.map { StyledLine($0) }
    let footer: String
    if let draft = state.samplingDraft {
      footer = "Enter send · Backspace delete · Esc stop writing"
      lines.append(StyledLine(""))
      lines.append(
        StyledLine([
          Span("your reply  ", Palette.title), Span(draft + "▏", Style(underline: true)),
        ]))
    } else {
      footer =
        prompt.canned == nil
        ? "w write reply · d reject · Esc reject" : "a send reply · w write reply · d reject"
    }
    let area = Modal.box(
      in: rect, width: 100, height: min(rect.height - 2, lines.count + 4),
      title: "\(prompt.server) asks for a model reply (sampling)\(waiting)", footer: footer,
      into: &grid)
    guard !area.isEmpty else { return }
    let start = max(0, lines.count - area.height)
    Modal.lines(lines, from: start, in: area, into: &grid)
  }
}
