import PreflightCore
import PreflightText

/// The human-readable contents of a resource: a heading per entry (URI, MIME type, size,
/// widget mark), then the text, or for a blob a summary. Server text is sanitized, newlines
/// kept.
struct ReadReport {
  let contents: [ResourceContent]
  /// The files the entries were saved to (`--out`), in order; empty when not saved.
  let saved: [String]
  let style: TerminalStyle
  let width: Int

  var text: String {
    if contents.isEmpty { return "(the server returned no contents)\n" }
    var out = ""
    for (i, content) in contents.enumerated() {
      if i > 0 { out += "\n" }
      var heading = style.bold(UntrustedText.oneLine(content.uri, width: max(30, width - 40)))
      heading +=
        "  " + style.dim(UntrustedText.oneLine(content.mimeType ?? "no MIME type", width: 60))
      heading += "  " + style.dim(Plural.count(content.data.count, "byte"))
      if content.isWidget { heading += "  " + style.cyan("[widget]") }
      out += heading + "\n"
      if i < saved.count {
        out += "saved to \(saved[i])\n"
      } else if let text = content.text {
        let shown = UntrustedText.sanitize(text, keepNewlines: true)
        out += shown + (shown.hasSuffix("\n") ? "" : "\n")
      } else if content.isBlob {
        if content.bytes == nil {
          out += "binary (the blob is not valid base64)\n"
        } else {
          out +=
            "binary, \(Plural.count(content.data.count, "byte")) of "
            + UntrustedText.oneLine(content.mimeType ?? "unknown type", width: 60)
            + "; --out FILE saves it\n"
        }
      } else {
        out += "(neither text nor blob)\n"
      }
    }
    return out
  }
}
