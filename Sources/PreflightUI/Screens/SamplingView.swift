import TerminalGrid

/// The first waiting sampling request: who asks, the request in words, and the reply on offer.
/// Server text reaches the grid, which shows control characters as visible escapes.
enum SamplingView {
  static func render(_ state: AppState, in rect: Rect, into grid: inout CellGrid) {
    guard let prompt = state.samplings.first else { return }
    let waiting = state.samplings.count > 1 ? " · \(state.samplings.count - 1) more" : ""
    let footer = prompt.canned == nil ? "d reject · Esc reject" : "a send reply · d reject"
    let area = Modal.box(
      in: rect, width: 100, height: min(rect.height - 2, prompt.lines.count + 4),
      title: "\(prompt.server) asks for a model reply (sampling)\(waiting)", footer: footer,
      into: &grid)
    guard !area.isEmpty else { return }
    Modal.lines(prompt.lines.map { StyledLine($0) }, from: 0, in: area, into: &grid)
  }
}
