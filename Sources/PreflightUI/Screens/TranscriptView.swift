import ApprovalPolicy
import PreflightJSON
import TerminalGrid

/// The conversation's transcript, newest call first: each proposed call, its decision (and
/// whether a remembered choice made it), the invoking and invoked texts, and how it ended. The
/// head names the conversation, the policy, the scenario's progress and the remembered choices.
enum TranscriptView {
  static func render(_ state: AppState, in rect: Rect, into grid: inout CellGrid) {
    grid.fill(rect)
    grid.drawBox(
      rect, title: "Transcript · \(state.conversation)",
      footer: "↑↓ scroll · E export JSON · Esc back", focused: true)
    let area = rect.content
    guard !area.isEmpty else { return }
    Modal.lines(
      lines(state, width: area.width), from: state.transcriptScroll, in: area, into: &grid)
  }

  static func lines(_ state: AppState, width: Int) -> [StyledLine] {
    var out: [StyledLine] = []
    out.append(
      StyledLine([
        Span("policy ", Palette.dim), Span(state.policy.name, Palette.accent),
        Span(" · " + state.policy.summary, Palette.dim),
      ]))
    if let walk = state.scenario {
      out.append(
        StyledLine(
          "scenario \(walk.file): \(walk.next) of \(walk.calls.count) calls proposed"
            + (walk.finished ? " (finished)" : " · ] proposes the next"), Palette.dim))
    }
    out += rememberedLines(state)
    out.append(StyledLine())
    let entries = state.transcript
    if entries.isEmpty {
      out.append(StyledLine("No calls yet: c calls the selected tool.", Palette.dim))
      return out
    }
    for (offset, entry) in entries.enumerated().reversed() {
      out += entryLines(entry, number: offset + 1, width: width)
      out.append(StyledLine())
    }
    return out
  }

  /// The remembered choices of the current conversation, one per line.
  static func rememberedLines(_ state: AppState) -> [StyledLine] {
    let remembered = state.ledger.entries(in: state.conversation)
    guard !remembered.isEmpty else {
      return [
        StyledLine(
          "remembered choices: none (n new conversation · Ctrl-R reload — both forget them)",
          Palette.dim)
      ]
    }
    var out = [
      StyledLine(
        "remembered choices in \(state.conversation) (a digit forgets one):", Palette.title)
    ]
    for (index, entry) in remembered.enumerated() {
      out.append(
        StyledLine([
          Span("  \(index + 1)", Palette.key),
          Span(
            "  " + (entry.choice == .approve ? "✓ approve " : "✕ deny    "),
            entry.choice == .approve ? Palette.ok : Palette.error),
          Span("\(entry.key.server) · \(entry.key.tool)"),
        ]))
    }
    return out
  }

  static func entryLines(_ entry: TranscriptEntry, number: Int, width: Int) -> [StyledLine] {
    var out: [StyledLine] = []
    let sent = entry.record?.sent ?? false
    out.append(
      StyledLine([
        Span("#\(number) ", Palette.dim), Span(entry.call.name, Palette.title),
        Span("  \(entry.origin) · \(entry.conversation) · \(entry.policy.name)", Palette.dim),
      ]))
    let arguments = JSONPrinter.compact(entry.call.arguments ?? .object(JSONObject()))
    out.append(StyledLine("  model proposes " + arguments))
    out.append(
      StyledLine([
        Span("  decision ", Palette.dim),
        Span(entry.decisionText, sent ? Palette.ok : Palette.write),
        Span(entry.record.map { " · " + $0.outcome.reason } ?? "", Palette.dim),
      ]))
    if sent, let invoking = entry.invoking {
      out.append(StyledLine("  invoking “\(invoking)”", Palette.dim))
    }
    if sent, let invoked = entry.invoked {
      out.append(StyledLine("  invoked “\(invoked)”", Palette.dim))
    }
    for (i, piece) in DisplayWidth.wrap(entry.summary, width: max(10, width - 4)).enumerated() {
      let style =
        entry.record?.endedInError == true || !sent ? Palette.write : .plain
      out.append(StyledLine((i == 0 ? "  → " : "    ") + piece, style))
    }
    return out
  }
}
