import TerminalGrid

/// The first waiting elicitation: who asks, the message, then the form to fill (form mode) or
/// the URL and its domain, and the answers. Server text reaches the grid, which shows control
/// characters as visible escapes.
enum ElicitationView {
  static func render(_ state: AppState, in rect: Rect, into grid: inout CellGrid) {
    guard let prompt = state.elicitations.first else { return }
    let kind = prompt.request.mode == .url ? "asks you to open a URL" : "asks for input"
    let waiting = state.elicitations.count > 1 ? " · \(state.elicitations.count - 1) more" : ""
    let title = "\(prompt.server) \(kind)\(waiting)"
    if let form = state.elicitationForm, !form.model.rows.isEmpty {
      var lines = prompt.messageLines.map { StyledLine($0) }
      lines.append(StyledLine(""))
      let (fields, selected) = FormView.lines(form)
      let selectedLine = lines.count + selected
      lines += fields
      let area = Modal.box(
        in: rect, width: 90, height: min(rect.height - 2, lines.count + 4), title: title,
        footer: "Enter accept · Tab next · ←→ choose · Ctrl-D decline · Esc cancel",
        into: &grid)
      guard !area.isEmpty else { return }
      let start = ListWindow.start(
        current: 0, selected: selectedLine, count: lines.count, height: area.height)
      Modal.lines(lines, from: start, in: area, into: &grid)
      return
    }
    let area = Modal.box(
      in: rect, width: 90, height: min(rect.height - 2, prompt.lines.count + 4),
      title: title, footer: "a accept · d decline · Esc cancel", into: &grid)
    guard !area.isEmpty else { return }
    Modal.lines(prompt.lines.map { StyledLine($0) }, from: 0, in: area, into: &grid)
  }
}
