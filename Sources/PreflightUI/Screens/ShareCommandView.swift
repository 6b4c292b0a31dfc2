import TerminalGrid

/// The share box: the last call as a `preflight call …` command line (secrets redacted),
/// wrapped to fit, with a word on the clipboard copy (OSC 52), which may not have worked.
enum ShareCommandView {
  static func render(_ state: AppState, in rect: Rect, into grid: inout CellGrid) {
    guard let command = state.sharedCommand else { return }
    let width = min(rect.width - 2, 100)
    let inner = max(10, width - 2)
    var lines = DisplayWidth.wrap(command, width: inner).map { StyledLine($0, Palette.title) }
    lines.append(StyledLine())
    let notes = [
      "Secrets are redacted: set the ${VAR} placeholders before running it.",
      "Also sent to the clipboard (OSC 52) where the terminal allows it; if not, select the "
        + "text above.",
    ]
    for note in notes {
      lines += DisplayWidth.wrap(note, width: inner).map { StyledLine($0, Palette.dim) }
    }
    let area = Modal.box(
      in: rect, width: width, height: min(rect.height, lines.count + 2),
      title: "Share this call", footer: "y copy again · Esc close", into: &grid)
    guard !area.isEmpty else { return }
    Modal.lines(lines, from: 0, in: area, into: &grid)
  }
}
