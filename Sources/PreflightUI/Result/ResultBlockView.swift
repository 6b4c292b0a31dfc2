import PreflightCore
import PreflightJSON
import TerminalGrid

/// One content block of a result, laid out by type: text wrapped (JSON text pretty and in
/// colour), images, audio and embedded resources summarised with MIME type and decoded size,
/// resource links with their URI.
enum ResultBlockView {
  /// JSON text up to this size is pretty-printed; larger text is shown as sent, wrapped.
  static let prettyLimit = 1_000_000
  /// Unknown block types are shown compact, cut at this many characters.
  static let unknownLimit = 2_000

  static func append(
    _ block: JSONValue, index: Int, into lines: inout LazyLines, savable: inout [SavableBlock]
  ) {
    let type = block["type"]?.stringValue ?? "(no type)"
    let head = "content[\(index)] · "
    switch type {
    case "text":
      let text = block["text"]?.stringValue ?? ""
      if let json = prettyJSON(text) {
        lines.append(StyledLine(head + "text · JSON, pretty-printed", Palette.title))
        lines.append(contentsOf: JSONColour.lines(json, indent: 2))
      } else {
        let note =
          text.utf8.count > prettyLimit && looksLikeJSON(text) ? " · large JSON, as sent" : ""
        lines.append(
          StyledLine(head + "text · " + WireSummary.size(text.utf8.count) + note, Palette.title))
        lines.append(text: text, indent: 2)
      }
    case "image", "audio":
      let mime = block["mimeType"]?.stringValue
      let data = block["data"]?.stringValue ?? ""
      let size = SavedFile.decodedSize(base64: data)
      savable.append(
        SavableBlock(
          index: index, line: lines.count, label: "\(mime ?? type) \(type)",
          suggestedName: SavableBlock.suggestedName(index: index, mime: mime, uri: nil),
          contents: .base64(data)))
      lines.append(
        StyledLine([
          Span(head + type, Palette.title),
          Span(" · \(mime ?? "no mimeType") · \(WireSummary.size(size)) · s saves it", Palette.dim),
        ]))
    case "resource":
      appendResource(block["resource"] ?? .null, index: index, into: &lines, savable: &savable)
    case "resource_link":
      let name = block["name"]?.stringValue ?? ""
      let mime = block["mimeType"]?.stringValue.map { " · " + $0 } ?? ""
      lines.append(StyledLine(head + "resource link · " + name + mime, Palette.title))
      lines.append(StyledLine("  " + (block["uri"]?.stringValue ?? "(no uri)"), JSONColour.key))
      if let title = block["title"]?.stringValue { lines.append(StyledLine("  " + title)) }
      if let description = block["description"]?.stringValue {
        lines.append(text: description, indent: 2, style: Palette.dim)
      }
      if let size = block["size"]?.intValue {
        lines.append(StyledLine("  size " + WireSummary.size(size), Palette.dim))
      }
    default:
      lines.append(StyledLine(head + type, Palette.title))
      let compact = JSONPrinter.compact(block)
      let cut = compact.count > unknownLimit ? String(compact.prefix(unknownLimit)) + "…" : compact
      lines.append(text: cut, indent: 2, style: Palette.dim)
    }
    if let annotations = block["annotations"] {
      lines.append(StyledLine("  annotations " + JSONPrinter.compact(annotations), Palette.dim))
    }
  }

  private static func appendResource(
    _ resource: JSONValue, index: Int, into lines: inout LazyLines,
    savable: inout [SavableBlock]
  ) {
    let uri = resource["uri"]?.stringValue
    let mime = resource["mimeType"]?.stringValue
    let head = "content[\(index)] · resource"
    let name = SavableBlock.suggestedName(index: index, mime: mime, uri: uri)
    if let text = resource["text"]?.stringValue {
      savable.append(
        SavableBlock(
          index: index, line: lines.count, label: "\(mime ?? "text") resource",
          suggestedName: name, contents: .text(text)))
      lines.append(
        StyledLine([
          Span(head, Palette.title),
          Span(
            " · \(mime ?? "no mimeType") · \(WireSummary.size(text.utf8.count)) text · s saves it",
            Palette.dim),
        ]))
      lines.append(StyledLine("  " + (uri ?? "(no uri)"), JSONColour.key))
      lines.append(text: text, indent: 2)
    } else if let blob = resource["blob"]?.stringValue {
      savable.append(
        SavableBlock(
          index: index, line: lines.count, label: "\(mime ?? "binary") resource",
          suggestedName: name, contents: .base64(blob)))
      let size = SavedFile.decodedSize(base64: blob)
      lines.append(
        StyledLine([
          Span(head, Palette.title),
          Span(
            " · \(mime ?? "no mimeType") · \(WireSummary.size(size)) blob · s saves it",
            Palette.dim),
        ]))
      lines.append(StyledLine("  " + (uri ?? "(no uri)"), JSONColour.key))
    } else {
      lines.append(StyledLine(head + " · neither text nor blob", Palette.error))
      lines.append(StyledLine("  " + (uri ?? "(no uri)"), JSONColour.key))
    }
  }

  static func looksLikeJSON(_ text: String) -> Bool {
    guard
      let first = text.utf8.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 })
    else { return false }
    return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
  }

  /// The parsed value of JSON text small enough to pretty-print; nil for anything else.
  static func prettyJSON(_ text: String) -> JSONValue? {
    guard text.utf8.count <= prettyLimit, looksLikeJSON(text) else { return nil }
    return try? JSONParser.parse(text)
  }
}
