/// Shell words that name a server on Preflight's command line, already quoted and with
/// secrets replaced: what `preflight call` needs besides the tool and its arguments.
public struct CommandWords: Sendable, Hashable {
  /// Options before the tool's name (`--client-profile full`, `-H "X-Key: ${X_KEY}"`).
  public var options: [String]
  /// The target after the tool's name: a URL, or `--` and the command line; empty for the
  /// built-in demo server.
  public var target: [String]

  /// Makes the words.
  public init(options: [String] = [], target: [String] = []) {
    self.options = options
    self.target = target
  }

  /// `word` as one POSIX shell word: as it is when it holds only safe characters, else in
  /// single quotes (a quote inside becomes `'\''`).
  public static func quote(_ word: String) -> String {
    let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_@%+=:,./-")
    if !word.isEmpty && word.allSatisfy({ safe.contains($0) }) { return word }
    var out = "'"
    for c in word {
      if c == "'" { out += #"'\''"# } else { out.append(c) }
    }
    return out + "'"
  }

  /// `text` in double quotes so the shell expands its `${VAR}` placeholders; `"`, `\` and
  /// `` ` `` are escaped, and `$` not followed by `{` too.
  public static func quoteExpanding(_ text: String) -> String {
    var out = "\""
    var characters = Array(text)
    characters.append(" ")
    for (index, c) in characters.dropLast().enumerated() {
      switch c {
      case "\"", "\\", "`": out += "\\" + String(c)
      case "$" where characters[index + 1] != "{": out += "\\$"
      default: out.append(c)
      }
    }
    return out + "\""
  }

  /// A `${NAME}` placeholder for a secret called `name`: upper case, other characters `_`
  /// (`X-Api-Key` → `${X_API_KEY}`).
  public static func placeholder(for name: String) -> String {
    let variable = String(
      name.uppercased().map { ($0.isASCII && ($0.isLetter || $0.isNumber)) ? $0 : "_" })
    return "${" + (variable.isEmpty ? "SECRET" : variable) + "}"
  }
}
