import ServerCheck
import TerminalGrid

/// The connector check overlay: the verdict, then findings grouped by severity, each with what
/// ChatGPT does, the fix and the source; the same report as `preflight check`.
enum CheckView {
  static func render(_ state: AppState, in rect: Rect, into grid: inout CellGrid) {
    grid.fill(rect)
    grid.drawBox(
      rect, title: "ChatGPT connector check", footer: "↑↓ scroll · C run again · Esc back",
      focused: true)
    let area = rect.content
    guard !area.isEmpty else { return }
    Modal.lines(
      lines(state.check, width: area.width), from: state.check.scroll, in: area, into: &grid)
  }

  static func lines(_ pane: CheckPane, width: Int) -> [StyledLine] {
    var out: [StyledLine] = []
    if pane.running {
      out.append(StyledLine("checking… (the wire pane shows the requests)", Palette.dim))
    }
    if let error = pane.error { out.append(StyledLine("✕ " + error, Palette.error)) }
    guard let report = pane.report else { return out }
    let verdict: StyledLine
    switch report.verdict {
    case .connect: verdict = StyledLine("✓ ChatGPT would connect", Palette.ok)
    case .connectWithWarnings:
      verdict = StyledLine("! ChatGPT would connect, with warnings", Palette.write)
    case .refuse: verdict = StyledLine("✕ ChatGPT would refuse or misbehave", Palette.error)
    }
    out.append(verdict)
    out.append(
      StyledLine(
        "\(report.count(.error)) errors · \(report.count(.warning)) warnings · "
          + "\(report.count(.info)) info", Palette.dim))
    let note =
      "The server/discover probe, OAuth discovery and --call-read-only run only in "
      + "`preflight check`; the rules: docs/check-rules.md."
    for piece in DisplayWidth.wrap(note, width: max(10, width)) {
      out.append(StyledLine(piece, Palette.dim))
    }
    let wrapWidth = max(10, width - 4)
    for severity in CheckSeverity.allCases {
      let group = report.findings.filter {
        $0.severity == severity && $0.rule != CheckRules.approval.id
      }
      guard !group.isEmpty else { continue }
      out.append(StyledLine())
      let style =
        severity == .error ? Palette.error : severity == .warning ? Palette.write : Palette.title
      out.append(StyledLine("\(severity.rawValue.uppercased())S (\(group.count))", style))
      for finding in group {
        var head = [Span("[\(finding.rule)]", style)]
        if let tool = finding.tool { head.append(Span(" " + tool, Palette.title)) }
        if let path = finding.path { head.append(Span(" " + path, Palette.dim)) }
        out.append(StyledLine(head))
        for piece in DisplayWidth.wrap(finding.message, width: wrapWidth) {
          out.append(StyledLine("  " + piece))
        }
        if severity != .info {
          for piece in DisplayWidth.wrap("ChatGPT: " + finding.chatgpt, width: wrapWidth) {
            out.append(StyledLine("  " + piece, Palette.dim))
          }
          for piece in DisplayWidth.wrap("Fix: " + finding.fix, width: wrapWidth) {
            out.append(StyledLine("  " + piece, Palette.dim))
          }
        }
        for piece in DisplayWidth.wrap("Source: " + finding.source, width: wrapWidth) {
          out.append(StyledLine("  " + piece, Palette.dim))
        }
      }
    }
    if !report.tools.isEmpty {
      out.append(StyledLine())
      out.append(StyledLine("TOOLS (\(report.tools.count))", Palette.title))
      for tool in report.tools {
        let style: Style =
          switch tool.chatgpt {
          case .runs: Palette.ok
          case .asks: Palette.write
          case .hidden: Palette.dim
          case .refused: Palette.error
          }
        out.append(
          StyledLine([
            Span("  " + tool.name + "  "),
            Span((tool.chatgpt == .hidden ? "" : "ChatGPT ") + tool.chatgpt.phrase, style),
            Span("  ~\(tool.estimatedTokens) tokens (estimate)", Palette.dim),
          ]))
        for piece in DisplayWidth.wrap(tool.reason, width: wrapWidth - 2) {
          out.append(StyledLine("      " + piece, Palette.dim))
        }
      }
    }
    return out
  }
}
