import Foundation
import HostFlow
import PreflightCore
import PreflightJSON
import PreflightText

/// The human-readable account of one call: the approval, then the answer, content block by
/// content block. Server text is sanitized; newlines in text blocks are kept.
struct CallReport {
  let record: CallRecord
  let style: TerminalStyle
  let width: Int
  var index: Int?

  init(record: CallRecord, style: TerminalStyle, width: Int, index: Int? = nil) {
    self.record = record
    self.style = style
    self.width = width
    self.index = index
  }

  var text: String {
    var out = ""
    let name = UntrustedText.sanitize(record.call.name)
    let prefix = index.map { "\($0). " } ?? ""
    let decision = record.outcome.name
    let decisionText: String
    switch record.outcome.kind {
    case .notRequired, .approved, .rememberedApprove: decisionText = style.green(decision)
    default: decisionText = style.yellow(decision)
    }
    out += prefix + style.bold(name) + "  " + decisionText + "\n"
    out += "   " + style.dim(UntrustedText.sanitize(record.outcome.reason)) + "\n"
    if let arguments = record.call.arguments {
      out += "   arguments " + UntrustedText.sanitize(JSONPrinter.compact(arguments)) + "\n"
    }
    guard record.sent else {
      out += "   " + style.yellow("not sent") + " — nothing reached the server\n"
      if let synthetic = record.outcome.syntheticResult {
        out += "   " + style.dim("the model would see " + JSONPrinter.compact(synthetic)) + "\n"
      }
      return out
    }
    if let failure = record.failure {
      out += "   " + style.red("failed: ") + UntrustedText.sanitize(failure.description) + "\n"
      return out
    }
    if let error = record.error {
      let e = JSONRPCErrorObject(json: error)
      out +=
        "   " + style.red("protocol error \(e.code): ") + UntrustedText.sanitize(e.message) + "\n"
      if let required = URLElicitationRequired(e) {
        out += "   the server asks you to open, before trying again (Preflight never opens them):\n"
        for line in required.lines {
          out += "     " + UntrustedText.oneLine(line, width: 300) + "\n"
        }
      }
      if let data = e.data {
        out += "   data " + UntrustedText.sanitize(JSONPrinter.compact(data)) + "\n"
      }
      return out
    }
    guard let result = record.result else { return out }
    let elapsed = record.elapsed.map { " in " + CallReport.formatElapsed($0) } ?? ""
    if record.isToolError {
      out += "   " + style.red("tool error") + elapsed + "\n"
    } else {
      out += "   " + style.green("result") + elapsed + "\n"
    }
    let structured = result["structuredContent"]
    for block in result["content"]?.arrayValue ?? [] {
      // Apps SDK servers repeat structuredContent as JSON text; say so instead of printing twice.
      if let structured, let text = block["text"]?.stringValue,
        (try? JSONParser.parse(text)) == structured
      {
        out += "   " + style.dim("text: the same JSON as structuredContent") + "\n"
        continue
      }
      out += describe(block)
    }
    if let structured {
      out += "   structuredContent\n"
      out += indent(UntrustedText.sanitize(JSONPrinter.pretty(structured), keepNewlines: true), 5)
    }
    return out
  }

  private func describe(_ block: JSONValue) -> String {
    let type = block["type"]?.stringValue ?? "(no type)"
    switch type {
    case "text":
      let text = block["text"]?.stringValue ?? ""
      return indent(UntrustedText.sanitize(text, keepNewlines: true), 3)
    case "image", "audio":
      let mime = block["mimeType"]?.stringValue ?? "?"
      let size = (block["data"]?.stringValue?.utf8.count ?? 0) * 3 / 4
      return "   [\(type) \(UntrustedText.sanitize(mime)), about \(size) bytes]\n"
    case "resource_link":
      let uri = block["uri"]?.stringValue ?? ""
      return "   [link \(UntrustedText.sanitize(uri))]\n"
    case "resource":
      let uri = block["resource"]?["uri"]?.stringValue ?? ""
      let mime = block["resource"]?["mimeType"]?.stringValue ?? "?"
      return
        "   [embedded resource \(UntrustedText.sanitize(uri)) \(UntrustedText.sanitize(mime))]\n"
    default:
      return "   [unknown content type '\(UntrustedText.sanitize(type))'] "
        + UntrustedText.sanitize(JSONPrinter.compact(block)) + "\n"
    }
  }

  /// `0.6 ms`, `12 ms`, `1.25 s`.
  static func formatElapsed(_ d: Duration) -> String {
    let ms = Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    if ms < 10 { return String(format: "%.1f ms", ms) }
    if ms < 1000 { return "\(Int(ms.rounded())) ms" }
    return String(format: "%.2f s", ms / 1000)
  }

  private func indent(_ text: String, _ n: Int) -> String {
    let pad = String(repeating: " ", count: n)
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { pad + $0 }
      .joined(separator: "\n") + "\n"
  }
}
