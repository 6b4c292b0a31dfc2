import PreflightJSON
import TerminalGrid

/// The call form: one row a field (nested ones indented), required marks, the value typed so
/// far, the type, and — once a submit was tried — the errors under their fields.
enum FormView {
  static func render(_ state: AppState, in rect: Rect, into grid: inout CellGrid) {
    guard let form = state.form else { return }
    let area = Modal.box(
      in: rect, width: 100, height: rect.height, title: "Call \(form.toolName)",
      footer: "Enter call · Tab next · Esc cancel", into: &grid)
    guard !area.isEmpty else { return }
    let rows = form.model.rows
    let errors = form.triedSubmit ? form.model.errors : []
    var lines: [StyledLine] = []
    var selectedLine = 0
    if rows.isEmpty {
      lines.append(StyledLine("This tool takes no arguments. Enter calls it.", Palette.dim))
    }
    let labelWidth = min(
      28, (rows.map { DisplayWidth.of($0.field.label) + $0.depth * 2 }.max() ?? 8) + 3)
    for (index, row) in rows.enumerated() {
      let selected = index == form.row
      if selected { selectedLine = lines.count }
      let indent = String(repeating: "  ", count: row.depth)
      let label = indent + row.field.label + (row.field.required ? " *" : "")
      let padded =
        label + String(repeating: " ", count: max(1, labelWidth - DisplayWidth.of(label)))
      var value = row.text
      if selected { value += "▏" }
      if !row.isSet && !selected { value = hint(row.field) }
      lines.append(
        StyledLine([
          Span(selected ? "▶ " : "  ", Palette.accent),
          Span(padded, row.field.required ? Palette.title : .plain),
          Span(value, selected ? Style(underline: true) : (row.isSet ? .plain : Palette.dim)),
        ]))
      for error in errors where error.path == row.field.path {
        lines.append(StyledLine("    ✕ " + error.message, Palette.error))
      }
      if selected, let description = row.field.description {
        lines.append(StyledLine("    " + description, Palette.dim))
      }
    }
    for error in errors where error.path == JSONPointer() {
      lines.append(StyledLine("✕ " + error.message, Palette.error))
    }
    let start = ListWindow.start(
      current: 0, selected: selectedLine, count: lines.count, height: area.height)
    Modal.lines(lines, from: start, in: area, into: &grid)
  }

  /// What an empty field shows: its kind, choices or default.
  static func hint(_ field: FormField) -> String {
    switch field.kind {
    case .text(let format, _): return format.map { "text (\($0))" } ?? "text"
    case .number: return "number"
    case .integer: return "integer"
    case .boolean: return "true | false"
    case .choice(let options), .multiChoice(let options):
      return options.map(\.title).joined(separator: " | ")
    case .list: return "list (JSON array)"
    case .object: return ""
    case .raw: return "JSON"
    }
  }
}
