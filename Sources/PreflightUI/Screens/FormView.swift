import PreflightJSON
import TerminalGrid

/// The call form: one row a field (nested ones indented), required marks, the value typed so
/// far, the type, and — once a submit was tried — the errors under their fields.
enum FormView {
  static func render(_ state: AppState, in rect: Rect, into grid: inout CellGrid) {
    guard let form = state.form else { return }
    let area = Modal.box(
      in: rect, width: 100, height: rect.height, title: "Call \(form.toolName)",
      footer: "Enter call · Tab next · ←→ choose · Ctrl-E JSON · Esc cancel",
      into: &grid)
    guard !area.isEmpty else { return }
    let (lines, selectedLine) = lines(form)
    let start = ListWindow.start(
      current: 0, selected: selectedLine, count: lines.count, height: area.height)
    Modal.lines(lines, from: start, in: area, into: &grid)
  }

  /// The form's lines (one a field, with errors once a submit was tried, the options and
  /// description of the field being edited) and the index of the selected field's line.
  static func lines(_ form: CallForm) -> (lines: [StyledLine], selected: Int) {
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
      if !row.isSet && !selected {
        value = hint(row.field) + (row.field.nullable ? " · may be null" : "")
      }
      lines.append(
        StyledLine([
          Span(selected ? "▶ " : "  ", Palette.accent),
          Span(padded, row.field.required ? Palette.title : .plain),
          Span(value, selected ? Style(underline: true) : (row.isSet ? .plain : Palette.dim)),
        ]))
      for error in errors where error.path == row.field.path {
        lines.append(StyledLine("    ✕ " + error.message, Palette.error))
      }
      if selected, let choices = choices(row, form: form) {
        lines.append(choices)
      }
      if selected, let description = row.field.description {
        lines.append(StyledLine("    " + description, Palette.dim))
      }
    }
    for error in errors where error.path == JSONPointer() {
      lines.append(StyledLine("✕ " + error.message, Palette.error))
    }
    return (lines, selectedLine)
  }

  /// What an empty field shows: its kind, choices or default.
  static func hint(_ field: FormField) -> String {
    switch field.kind {
    case .text(let format, let pattern):
      return (format.map { "text (\($0))" } ?? "text") + (pattern.map { " matching \($0)" } ?? "")
    case .number: return "number"
    case .integer: return "integer"
    case .boolean: return "true | false"
    case .choice(let options), .multiChoice(let options):
      return options.map(\.title).joined(separator: " | ")
    case .list: return "list · Ctrl-N adds an item"
    case .object: return ""
    case .raw: return "JSON, or plain text for a string"
    }
  }

  /// The options of the choice being edited, the picked one marked: `← ● normal ○ high →`
  /// for a choice, `[x] a  [ ] b` with the highlighted one in reverse for a multiple choice.
  static func choices(_ row: FormRow, form: CallForm) -> StyledLine? {
    let entered = form.model.input(at: row.field.path)
    switch row.field.kind {
    case .choice(let options):
      var picked: Int?
      if case .choice(let index) = entered { picked = index }
      var spans = [Span("    ← ", Palette.dim)]
      for (index, option) in options.enumerated() {
        spans.append(
          Span(index == picked ? "● " : "○ ", index == picked ? Palette.accent : Palette.dim))
        spans.append(Span(option.title + "  ", index == picked ? Palette.title : Palette.dim))
      }
      spans.append(Span("→ (Space: next)", Palette.dim))
      return StyledLine(spans)
    case .multiChoice(let options):
      var picked: Set<Int> = []
      if case .choices(let indices) = entered { picked = Set(indices) }
      var spans = [Span("    ")]
      for (index, option) in options.enumerated() {
        let mark = picked.contains(index) ? "[x] " : "[ ] "
        spans.append(Span(mark + option.title, index == form.option ? Palette.selected : .plain))
        spans.append(Span("  "))
      }
      spans.append(Span("← → move · Space ticks", Palette.dim))
      return StyledLine(spans)
    case .boolean:
      return StyledLine("    Space flips · t/f sets", Palette.dim)
    default:
      return nil
    }
  }
}
