import PreflightJSON
import PreflightText

/// A `prompts/get` result for people: the description, then each message under its role, its
/// content shown by type (text in full; images and audio summarised; embedded resources with
/// their text; links by URI; unknown types as JSON). Server text is sanitized.
struct PromptReport {
  let result: JSONValue
  let style: TerminalStyle
  let width: Int

  var text: String {
    var out = ""
    if let description = result["description"]?.stringValue, !description.isEmpty {
      out += style.dim(UntrustedText.sanitize(description, keepNewlines: true)) + "\n\n"
    }
    let messages = result["messages"]?.arrayValue ?? []
    if messages.isEmpty { out += "(the prompt has no messages)\n" }
    for (i, message) in messages.enumerated() {
      if i > 0 { out += "\n" }
      let role = UntrustedText.oneLine(message["role"]?.stringValue ?? "(no role)", width: 30)
      out += style.bold("── \(role) ") + style.dim(kind(message["content"])) + "\n"
      out += PromptReport.render(message["content"])
    }
    return out
  }

  private func kind(_ content: JSONValue?) -> String {
    UntrustedText.oneLine(content?["type"]?.stringValue ?? "no type", width: 30)
  }

  /// One content block as text lines (ending in a newline).
  static func render(_ content: JSONValue?) -> String {
    guard let content else { return "(no content)\n" }
    let mime = UntrustedText.oneLine(content["mimeType"]?.stringValue ?? "unknown type", width: 60)
    let base64Size = { (data: String?) -> Int in ((data?.count ?? 0) / 4) * 3 }
    switch content["type"]?.stringValue {
    case "text":
      let text = UntrustedText.sanitize(content["text"]?.stringValue ?? "", keepNewlines: true)
      return text + (text.hasSuffix("\n") ? "" : "\n")
    case "image", "audio":
      let kind = content["type"]?.stringValue ?? ""
      return "[\(kind), \(mime), about \(base64Size(content["data"]?.stringValue)) bytes]\n"
    case "resource":
      let resource = content["resource"]
      let uri = UntrustedText.oneLine(resource?["uri"]?.stringValue ?? "?", width: 200)
      var out = "[embedded resource \(uri)"
      if let m = resource?["mimeType"]?.stringValue {
        out += ", " + UntrustedText.oneLine(m, width: 60)
      }
      out += "]\n"
      if let text = resource?["text"]?.stringValue {
        let shown = UntrustedText.sanitize(text, keepNewlines: true)
        out += shown + (shown.hasSuffix("\n") ? "" : "\n")
      } else if let blob = resource?["blob"]?.stringValue {
        out += "binary, about \(base64Size(blob)) bytes\n"
      }
      return out
    case "resource_link":
      let uri = UntrustedText.oneLine(content["uri"]?.stringValue ?? "?", width: 200)
      let name =
        content["name"]?.stringValue.map { " (" + UntrustedText.oneLine($0, width: 60) + ")" } ?? ""
      return "[link \(uri)\(name)]\n"
    default:
      return UntrustedText.oneLine(JSONPrinter.compact(content), width: 2000) + "\n"
    }
  }
}
