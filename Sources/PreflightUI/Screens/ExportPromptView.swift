import TerminalGrid

/// The prompt for the transcript export's file: a default name, editable; existing files are
/// never replaced.
enum ExportPromptView {
  static func render(_ state: AppState, in rect: Rect, into grid: inout CellGrid) {
    let area = Modal.box(
      in: rect, width: 72, height: 7, title: "Export the transcript as JSON",
      footer: "Enter export · Esc cancel", into: &grid)
    guard !area.isEmpty else { return }
    let lines = [
      StyledLine("File (relative to where Preflight started):", Palette.dim),
      StyledLine([Span("> ", Palette.accent), Span(state.exportPath + "█")]),
      StyledLine("Secrets are redacted; an existing file is never replaced.", Palette.dim),
    ]
    Modal.lines(lines, from: 0, in: area, into: &grid)
  }
}
