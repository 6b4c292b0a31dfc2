import PreflightCore
import PreflightJSON
import PreflightText
import TerminalGrid

/// The request `_meta` overlay: each key the next model-style `tools/call` carries, where it
/// comes from (profile, `--request-meta`, edited here) and whether it goes out, then the
/// selected key's whole value. Values are shown sanitized, members named like secrets masked.
enum RequestMetaView {
  static func render(_ state: AppState, in rect: Rect, into grid: inout CellGrid) {
    let area = Modal.box(
      in: rect, width: 120, height: rect.height - 2,
      title: "Request _meta · next tools/call · profile \(state.header.profile)",
      footer: "e edit · d don't send · s pin session · r reset · Esc close", into: &grid)
    guard !area.isEmpty else { return }
    let (all, firstRow) = lines(state, width: area.width)
    // Scrolled only as far as keeps the selected key in view.
    let selectedLine = firstRow + state.requestMeta.selected
    Modal.lines(all, from: max(0, selectedLine + 1 - area.height), in: area, into: &grid)
  }

  /// The overlay's lines for a content `width`, and the index of the first key's line.
  static func lines(_ state: AppState, width: Int) -> ([StyledLine], Int) {
    let meta = state.requestMeta
    let rows = meta.rows
    var out: [StyledLine] = []
    let intro =
      "Every following call from the TUI (form, card, . repeat, ] scenario) carries these in "
      + "params._meta · \(state.conversation)"
    for piece in DisplayWidth.wrap(intro, width: width) {
      out.append(StyledLine(piece, Palette.dim))
    }
    if !meta.knows(state.conversation) {
      out.append(
        StyledLine(
          "(not connected yet, or this conversation's openai/session is being made)",
          Palette.write))
    }
    out.append(StyledLine())
    if rows.isEmpty {
      let text =
        meta.profileConversation == nil
        ? "The keys show once the session is connected."
        : "The \(state.header.profile) profile sends no _meta on tools/call and --request-meta "
          + "adds none. e adds keys."
      for piece in DisplayWidth.wrap(text, width: width) { out.append(StyledLine(piece)) }
    }
    let firstRow = out.count
    let keyWidth = min(28, rows.map { DisplayWidth.of(UntrustedText.sanitize($0.key)) }.max() ?? 0)
    let sourceWidth = rows.map { DisplayWidth.of($0.sourceText) }.max() ?? 0
    for (index, row) in rows.enumerated() {
      let selected = index == meta.selected
      let key = UntrustedText.oneLine(row.key, width: keyWidth)
      let valueWidth = max(8, width - 2 - keyWidth - 2 - sourceWidth - 2)
      let value = UntrustedText.oneLine(JSONPrinter.compact(shown(row)), width: valueWidth)
      let sourceStyle: Style =
        !row.sent ? Palette.error : row.source == .profile ? Palette.dim : Palette.accent
      var spans = [
        Span(selected ? "▶ " : "  "),
        Span(pad(key, keyWidth) + "  ", Palette.key),
        Span(pad(row.sourceText, sourceWidth) + "  ", sourceStyle),
        Span(value, row.sent ? .plain : Palette.dim),
      ]
      if selected { spans = spans.map { Span($0.text, Palette.selected) } }
      out.append(StyledLine(spans))
    }
    if rows.indices.contains(meta.selected) {
      let row = rows[meta.selected]
      out.append(StyledLine())
      out.append(
        StyledLine(
          UntrustedText.oneLine(row.key, width: width)
            + (row.sent ? "" : "  (not sent; the value it would have)"), Palette.title))
      for line in JSONPrinter.pretty(shown(row)).split(separator: "\n") {
        for piece in DisplayWidth.wrap(UntrustedText.sanitize(String(line)), width: width - 2) {
          out.append(StyledLine("  " + piece))
        }
      }
    }
    if meta.isEdited {
      out.append(StyledLine())
      out.append(
        StyledLine(
          "meta: edited — \(meta.override.count) key\(meta.override.count == 1 ? " differs" : "s differ") "
            + "from the profile and --request-meta · r resets", Palette.write))
    }
    return (out, firstRow)
  }

  /// The row's value with members named like secrets masked (the key itself too).
  static func shown(_ row: RequestMetaRow) -> JSONValue {
    let wrapped: JSONValue = .object(JSONObject([JSONMember(key: row.key, value: row.value)]))
    return (Redactor().redact(wrapped) ?? wrapped)[row.key] ?? row.value
  }

  private static func pad(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
  }
}
