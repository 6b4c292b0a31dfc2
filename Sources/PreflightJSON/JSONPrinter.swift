/// Prints JSON values as text: compact (for the wire) or pretty (for people).
///
/// Number text and member order are kept exactly; strings are escaped minimally (quote,
/// backslash and control characters), and `/` is never escaped.
public enum JSONPrinter {
  /// Compact JSON text with no insignificant whitespace.
  public static func compact(_ value: JSONValue) -> String {
    var out: [UInt8] = []
    writeCompact(value, into: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// Compact JSON as UTF-8 bytes.
  public static func compactBytes(_ value: JSONValue) -> [UInt8] {
    var out: [UInt8] = []
    // Most frames are under a kilobyte: one allocation instead of a doubling series.
    out.reserveCapacity(1024)
    writeCompact(value, into: &out)
    return out
  }

  /// Pretty JSON, `indent` spaces a level, members one a line; empty containers stay `{}`/`[]`.
  public static func pretty(_ value: JSONValue, indent: Int = 2) -> String {
    var out: [UInt8] = []
    writePretty(value, level: 0, indent: indent, into: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// Appends the compact text of `value` to `out`.
  public static func writeCompact(_ value: JSONValue, into out: inout [UInt8]) {
    switch value {
    case .null: out.append(contentsOf: "null".utf8)
    case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
    case .number(let n): out.append(contentsOf: n.utf8)
    case .string(let s): writeString(s, into: &out)
    case .array(let a):
      out.append(UInt8(ascii: "["))
      for (i, e) in a.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        writeCompact(e, into: &out)
      }
      out.append(UInt8(ascii: "]"))
    case .object(let o):
      if let raw = o.raw { return RawJSONWriter.writeCompact(raw, into: &out) }
      out.append(UInt8(ascii: "{"))
      for (i, m) in o.members.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        writeString(m.key, into: &out)
        out.append(UInt8(ascii: ":"))
        writeCompact(m.value, into: &out)
      }
      out.append(UInt8(ascii: "}"))
    }
  }

  /// Appends the pretty text of `value` at nesting `level`. `atLine`, when given, is called
  /// before each line break with the text so far (``JSONPrettyStream`` hands it out there).
  static func writePretty(
    _ value: JSONValue, level: Int, indent: Int, into out: inout [UInt8],
    atLine: ((inout [UInt8]) -> Void)? = nil
  ) {
    func newline(_ l: Int) {
      atLine?(&out)
      out.append(0x0A)
      out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: l * indent))
    }
    switch value {
    case .array(let a) where !a.isEmpty:
      out.append(UInt8(ascii: "["))
      for (i, e) in a.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        newline(level + 1)
        writePretty(e, level: level + 1, indent: indent, into: &out, atLine: atLine)
      }
      newline(level)
      out.append(UInt8(ascii: "]"))
    case .object(let o) where o.raw != nil:
      RawJSONWriter.writePretty(o.raw!, level: level, indent: indent, into: &out, atLine: atLine)
    case .object(let o) where !o.isEmpty:
      out.append(UInt8(ascii: "{"))
      for (i, m) in o.members.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        newline(level + 1)
        writeString(m.key, into: &out)
        out.append(contentsOf: ": ".utf8)
        writePretty(m.value, level: level + 1, indent: indent, into: &out, atLine: atLine)
      }
      newline(level)
      out.append(UInt8(ascii: "}"))
    default:
      writeCompact(value, into: &out)
    }
  }

  private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

  /// Appends `s` as a quoted, escaped JSON string. C0 and C1 control characters and DEL are
  /// written as `\u00XX`, so printed JSON never carries a raw terminal control sequence.
  public static func writeString(_ s: String, into out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    let written: Void? = s.utf8.withContiguousStorageIfAvailable { bytes in
      appendEscaped(bytes, into: &out)
    }
    if written == nil {
      var copy = s
      copy.withUTF8 { appendEscaped($0, into: &out) }
    }
    out.append(UInt8(ascii: "\""))
  }

  /// Appends UTF-8 bytes with JSON's escapes: runs that need none are copied whole (most
  /// strings are one run).
  private static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
    var i = 0
    let n = bytes.count
    var run = 0
    while i < n {
      let b = bytes[i]
      // Printable ASCII other than the quote and the backslash: the common case.
      if b >= 0x20 && b < 0x7F && b != 0x22 && b != 0x5C {
        i += 1
        continue
      }
      // UTF-8 other than a C1 control character (C2 80–C2 9F).
      if b >= 0x80 && !(b == 0xC2 && i + 1 < n && bytes[i + 1] >= 0x80 && bytes[i + 1] <= 0x9F) {
        i += 1
        continue
      }
      if run < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i])) }
      switch b {
      case 0x22: out.append(contentsOf: [0x5C, 0x22])
      case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
      case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
      case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
      case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
      case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
      case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
      case 0xC2:
        // A C1 control character (U+0080–U+009F), written as \u0080–\u009F.
        appendUnicodeEscape(bytes[i + 1], into: &out)
        i += 1
      default: appendUnicodeEscape(b, into: &out)
      }
      i += 1
      run = i
    }
    if run < n { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<n])) }
  }

  private static func appendUnicodeEscape(_ b: UInt8, into out: inout [UInt8]) {
    out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30])
    out.append(hexDigits[Int(b >> 4)])
    out.append(hexDigits[Int(b & 0xF)])
  }
}
