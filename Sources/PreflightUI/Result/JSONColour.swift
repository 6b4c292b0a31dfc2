import PreflightJSON
import TerminalGrid

/// Pretty JSON in colour: keys, strings, numbers and literals each in their own style, so the
/// shape reads at a glance (colour is never the only cue: the text is the JSON itself).
enum JSONColour {
  static let key = Style(foreground: .cyan)
  static let string = Style(foreground: .green)
  static let number = Style(foreground: .yellow)
  static let literal = Style(foreground: .magenta)

  /// `value` pretty-printed, one styled line a line, each indented by `indent` spaces.
  static func lines(_ value: JSONValue, indent: Int) -> [StyledLine] {
    let prefix = String(repeating: " ", count: indent)
    return JSONPrinter.pretty(value).split(separator: "\n", omittingEmptySubsequences: false).map {
      StyledLine([Span(prefix)] + spans(String($0)))
    }
  }

  /// One line of pretty JSON cut into styled spans.
  static func spans(_ line: String) -> [Span] {
    var out: [Span] = []
    var plain = ""
    let scalars = Array(line.unicodeScalars)
    var i = 0
    func flush() {
      if !plain.isEmpty { out.append(Span(plain)) }
      plain = ""
    }
    while i < scalars.count {
      let c = scalars[i]
      if c == "\"" {
        var j = i + 1
        while j < scalars.count && scalars[j] != "\"" { j += scalars[j] == "\\" ? 2 : 1 }
        j = min(j, scalars.count - 1)
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[i...j])
        flush()
        let isKey = j + 1 < scalars.count && scalars[j + 1] == ":"
        out.append(Span(String(text), isKey ? key : string))
        i = j + 1
      } else if c == "-" || ("0"..."9").contains(c) {
        var j = i
        while j < scalars.count, "0123456789+-.eE".unicodeScalars.contains(scalars[j]) { j += 1 }
        flush()
        out.append(Span(String(String.UnicodeScalarView(scalars[i..<j])), number))
        i = j
      } else if c == "t" || c == "f" || c == "n" {
        var j = i
        while j < scalars.count, ("a"..."z").contains(scalars[j]) { j += 1 }
        flush()
        out.append(Span(String(String.UnicodeScalarView(scalars[i..<j])), literal))
        i = j
      } else {
        plain.unicodeScalars.append(c)
        i += 1
      }
    }
    flush()
    return out
  }
}
