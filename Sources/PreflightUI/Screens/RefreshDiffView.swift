import TerminalGrid

/// What the last Refresh changed: approval decisions that flip first, then tools added,
/// removed and changed (field by field), then the server's instructions before and after.
enum RefreshDiffView {
  static func render(_ state: AppState, in rect: Rect, into grid: inout CellGrid) {
    guard let report = state.refresh else { return }
    grid.fill(rect)
    grid.drawBox(
      rect, title: "Refresh · what changed since the snapshot", footer: "↑↓ scroll · Esc close",
      focused: true)
    let area = rect.content
    guard !area.isEmpty else { return }
    Modal.lines(lines(report, width: area.width), from: state.refreshScroll, in: area, into: &grid)
  }

  static func lines(_ report: RefreshReport, width: Int) -> [StyledLine] {
    var out: [StyledLine] = []
    out.append(
      StyledLine(
        "As in ChatGPT, the tool list is a snapshot; a Refresh replaces it with this.", Palette.dim)
    )
    out.append(StyledLine())
    out.append(StyledLine("Approval decisions that change", Palette.title))
    if report.flips.isEmpty {
      out.append(StyledLine("  none", Palette.dim))
    }
    for flip in report.flips {
      out.append(
        StyledLine([
          Span("  ⚑ ", Palette.destructive), Span(flip.tool, Palette.title),
          Span("  \(word(flip.before)) → \(word(flip.after))", Palette.write),
        ]))
      for piece in DisplayWidth.wrap(flip.reason, width: max(10, width - 6)) {
        out.append(StyledLine("      " + piece, Palette.dim))
      }
    }
    out.append(StyledLine())
    out.append(StyledLine("Tools", Palette.title))
    if report.diff.isEmpty { out.append(StyledLine("  no change", Palette.dim)) }
    for name in report.diff.added { out.append(StyledLine("  + " + name + "  added", Palette.ok)) }
    for name in report.diff.removed {
      out.append(StyledLine("  − " + name + "  removed", Palette.error))
    }
    for (name, _) in report.diff.changed {
      out.append(StyledLine("  ~ " + name + "  changed", Palette.write))
      for change in report.changes where change.tool == name {
        for piece in DisplayWidth.wrap(change.detail, width: max(10, width - 6)) {
          out.append(StyledLine("      " + piece))
        }
      }
    }
    out.append(StyledLine())
    out.append(StyledLine("Server instructions", Palette.title))
    if report.instructionsChanged {
      out.append(StyledLine("  before:", Palette.dim))
      for piece in DisplayWidth.wrap(
        report.instructionsBefore ?? "(none)", width: max(10, width - 4))
      {
        out.append(StyledLine("    " + piece, Palette.error))
      }
      out.append(StyledLine("  after:", Palette.dim))
      for piece in DisplayWidth.wrap(
        report.instructionsAfter ?? "(none)", width: max(10, width - 4))
      {
        out.append(StyledLine("    " + piece, Palette.ok))
      }
    } else {
      out.append(
        StyledLine("  unchanged (they change only with a reconnect, R)", Palette.dim))
    }
    return out
  }

  private static func word(_ decision: String) -> String {
    switch decision {
    case "run": "runs without asking"
    case "ask": "asks for approval"
    case "refuse": "refused"
    case "new": "new"
    case "gone": "gone"
    default: decision
    }
  }
}
