/// Makes text from a server safe to print: nothing it contains can act on a terminal.
///
/// Control characters (C0, DEL, C1), bidirectional overrides and isolates, and invisible
/// zero-width characters are replaced by visible escapes such as `\u{1B}`, so an escape
/// sequence, a clipboard write or reordered text shows up as what it is.
public enum UntrustedText {
  /// Whether a scalar must not reach a terminal as is.
  public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00..<0x20, 0x7F..<0xA0: true
    case 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2069, 0xFEFF, 0x061C, 0x180E: true
    case 0xFFF9...0xFFFB: true
    default: false
    }
  }

  /// The text with every unsafe scalar shown as `\u{XX}`; newlines and tabs too unless
  /// `keepNewlines` (then `\n` stays and `\t` becomes spaces).
  public static func sanitize(_ text: String, keepNewlines: Bool = false) -> String {
    guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if keepNewlines && scalar == "\n" {
        out.append(scalar)
      } else if keepNewlines && scalar == "\t" {
        out.append(contentsOf: "  ".unicodeScalars)
      } else if isUnsafe(scalar) {
        out.append(
          contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
      } else {
        out.append(scalar)
      }
    }
    return String(out)
  }

  /// The first line of the text, sanitized and cut to `width` characters with `…`.
  public static func oneLine(_ text: String, width: Int) -> String {
    let first =
      text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: true).first
      .map(String.init) ?? ""
    let safe = sanitize(first.trimmingSpaces())
    guard width > 1, safe.count > width else { return safe }
    return String(safe.prefix(width - 1)) + "…"
  }
}

extension String {
  fileprivate func trimmingSpaces() -> String {
    var s = Substring(self)
    while s.first == " " || s.first == "\t" { s.removeFirst() }
    while s.last == " " || s.last == "\t" || s.last == "\r" { s.removeLast() }
    return String(s)
  }
}
