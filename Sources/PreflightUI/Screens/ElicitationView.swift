import TerminalGrid

/// The first waiting elicitation: who asks, the message, the fields or the URL and its domain,
/// and the three answers. Server text reaches the grid, which shows control characters as
/// visible escapes.
enum ElicitationView {
  static func render(_ state: AppState, in rect: Rect, into grid: inout CellGrid) {
    guard let prompt = state.elicitations.first else { return }
    let kind = prompt.request.mode == .url ? "asks you to open a URL" : "asks for input"
    let waiting = state.elicitations.count > 1 ? " · \(state.elicitations.count - 1) more" : ""
    let area = Modal.box(
      in: rect, width: 90, height: min(rect.height - 2, prompt.lines.count + 4),
      title: "\(prompt.server) \(kind)\(waiting)", footer: "a accept · d decline · Esc cancel",
      into: &grid)
    guard !area.isEmpty else { return }
    Modal.lines(prompt.lines.map { StyledLine($0) }, from: 0, in: area, into: &grid)
  }
}
