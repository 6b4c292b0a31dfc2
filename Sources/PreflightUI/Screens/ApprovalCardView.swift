import ApprovalPolicy
import PreflightJSON
import TerminalGrid

/// ChatGPT's confirmation card: the connector and the tool, the hint badges, the framing, why
/// it asks, the full arguments (pretty, scrollable), the remember checkbox and the answers.
/// Nothing is sent while it is open. The wording approximates ChatGPT's and says so.
enum ApprovalCardView {
  static func render(_ state: AppState, in rect: Rect, into grid: inout CellGrid) {
    guard let pending = state.approval else { return }
    let card = pending.card
    let width = min(rect.width - 2, 76) - 4
    var area = Rect(x: 0, y: 0, width: width, height: 0)
    var head: [StyledLine] = []
    for line in DisplayWidth.wrap(card.headline, width: area.width) {
      head.append(StyledLine(line, Palette.title))
    }
    let badges = card.badges.map(\.text).joined(separator: " · ")
    let kind = card.actionLabel + (badges.isEmpty ? "" : " · " + badges)
    let declared = "(" + ApprovalCaptions().declaredByServer + ")"
    if DisplayWidth.of(kind) + 2 + DisplayWidth.of(declared) <= area.width {
      head.append(StyledLine([Span(kind, Palette.write), Span("  " + declared, Palette.dim)]))
    } else {
      head.append(StyledLine(kind, Palette.write))
      head.append(StyledLine(declared, Palette.dim))
    }
    for line in card.framing {
      for piece in DisplayWidth.wrap(line, width: area.width) {
        head.append(StyledLine(piece, Palette.destructive))
      }
    }
    for piece in DisplayWidth.wrap(card.reason, width: area.width) {
      head.append(StyledLine(piece, Palette.dim))
    }
    if state.requestMeta.isEdited {
      let note = "Request _meta edited with m — v shows what this call sends"
      for piece in DisplayWidth.wrap(note, width: area.width) {
        head.append(StyledLine(piece, Palette.write))
      }
    }
    if pending.showsRequest {
      let note = "The tools/call it would send, with the _meta it will carry:"
      for piece in DisplayWidth.wrap(note, width: area.width) {
        head.append(StyledLine(piece, Palette.accent))
      }
    } else {
      head.append(StyledLine())
    }
    var foot: [StyledLine] = [StyledLine()]
    if let caption = card.rememberCaption {
      foot.append(
        StyledLine([
          Span(pending.remember ? "[x] " : "[ ] ", Palette.accent), Span(caption),
          Span("   Space", Palette.key),
        ]))
    } else {
      foot.append(StyledLine("This policy does not remember choices.", Palette.dim))
    }
    foot.append(
      StyledLine([
        Span(card.approveCaption + "  ", Palette.ok), Span("a", Palette.key),
        Span("      " + card.denyCaption + "  ", Palette.error), Span("d / Esc", Palette.key),
      ]))
    foot.append(StyledLine(card.approximationNote, Palette.dim))
    let argumentsText =
      pending.showsRequest
      ? JSONPrinter.pretty(
        RequestPreview.request(
          for: pending, profile: state.header.profile,
          meta: state.requestMeta.sent(
            conversation: state.conversation, profileName: state.header.profile)))
      : JSONPrinter.pretty(pending.call.arguments ?? .object(JSONObject()))
    var arguments: [StyledLine] = []
    for line in argumentsText.split(separator: "\n", omittingEmptySubsequences: false) {
      for piece in DisplayWidth.wrap(String(line), width: max(10, area.width - 2)) {
        arguments.append(StyledLine("  " + piece))
      }
    }
    let wanted = head.count + arguments.count + foot.count + 2
    area = Modal.box(
      in: rect, width: width + 4, height: min(rect.height, wanted), title: card.title,
      footer: "a approve · d deny · Space remember · v "
        + (pending.showsRequest ? "arguments" : "request") + " · Esc deny once", into: &grid)
    guard !area.isEmpty else { return }
    var argumentRows = max(1, area.height - head.count - foot.count)
    let overflows = arguments.count > argumentRows
    if overflows { argumentRows = max(1, argumentRows - 1) }
    var y = area.y
    for line in head.prefix(area.height) {
      line.draw(into: &grid, x: area.x, y: y, width: area.width)
      y += 1
    }
    let start = ListWindow.clamp(pending.scroll, count: arguments.count, height: argumentRows)
    let end = min(arguments.count, start + argumentRows)
    for line in arguments[start..<end] where y < area.maxY {
      line.draw(into: &grid, x: area.x, y: y, width: area.width)
      y += 1
    }
    if overflows, y < area.maxY - foot.count {
      StyledLine("  ↕ lines \(start + 1)–\(end) of \(arguments.count) · ↑↓ scroll", Palette.accent)
        .draw(into: &grid, x: area.x, y: y, width: area.width)
      y += 1
    }
    y = max(y, area.maxY - foot.count)
    for line in foot where y < area.maxY {
      line.draw(into: &grid, x: area.x, y: y, width: area.width)
      y += 1
    }
  }
}
