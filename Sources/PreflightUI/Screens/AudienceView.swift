import HostFlow
import PreflightJSON
import TerminalGrid

/// A result split by audience, as ChatGPT splits it: what the model sees (`content`,
/// `structuredContent`), what only the widget gets (`_meta`), and the template the widget would
/// load, with whether ChatGPT would render it.
enum AudienceView {
  static func lines(_ record: CallRecord, state: AppState, width: Int) -> [StyledLine] {
    guard record.sent, let result = record.result else { return [] }
    var out: [StyledLine] = [StyledLine(), StyledLine("── Who sees what ──", Palette.title)]
    let blocks = result["content"]?.arrayValue ?? []
    let types = blocks.map { $0["type"]?.stringValue ?? "?" }
    out.append(StyledLine("The model sees", Palette.accent))
    out.append(
      StyledLine(
        "  content: \(blocks.count) block\(blocks.count == 1 ? "" : "s")"
          + (types.isEmpty ? "" : " (" + types.joined(separator: ", ") + ")")))
    if let structured = result["structuredContent"] {
      out.append(StyledLine("  structuredContent: " + shortJSON(structured, width - 22)))
    } else {
      out.append(StyledLine("  structuredContent: none", Palette.dim))
    }
    out.append(StyledLine("The widget gets (never the model)", Palette.accent))
    if let meta = result["_meta"] {
      out.append(StyledLine("  _meta: " + shortJSON(meta, width - 10)))
    } else {
      out.append(StyledLine("  _meta: none", Palette.dim))
    }
    let tool = state.tools.items.first { $0.name == record.call.name }?.raw
    guard let uri = WidgetTemplate.uri(of: tool) else {
      out.append(StyledLine("  template: the tool names none, so there is no widget", Palette.dim))
      return out
    }
    let template = state.templates[uri] ?? .loading(uri)
    out.append(StyledLine("  template " + uri))
    if let mime = template.mimeType {
      out.append(
        StyledLine(
          "  MIME type " + mime + (template.size.map { " · \($0) characters" } ?? "")))
    }
    for piece in DisplayWidth.wrap(template.verdict, width: max(10, width - 4)) {
      out.append(
        StyledLine(
          "  " + piece,
          template.loading ? Palette.dim : template.chatGPTRenders ? Palette.ok : Palette.write))
    }
    return out
  }

  private static func shortJSON(_ value: JSONValue, _ width: Int) -> String {
    // A big value is summarised, never printed whole on every frame.
    guard ResultLayout.fits(value, within: 8_192) else {
      switch value {
      case .object(let o): return "an object of \(o.count) members (large)"
      case .array(let items): return "an array of \(items.count) items (large)"
      default: return "a large value"
      }
    }
    let text = JSONPrinter.compact(value)
    let limit = max(20, width)
    return text.count > limit ? String(text.prefix(limit - 1)) + "…" : text
  }
}
