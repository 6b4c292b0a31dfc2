/// Fast JSON Pointer text for schema paths (`#/properties/a~1b`); most tokens need no escaping.
enum SchemaPointerText {
  /// `#` followed by each token, escaped and prefixed with `/`.
  static func fragment(_ tokens: [String]) -> String {
    var text = "#"
    for token in tokens {
      text += "/"
      text += escaped(token)
    }
    return text
  }

  /// The token with `~` as `~0` and `/` as `~1`.
  static func escaped(_ token: String) -> String {
    guard token.utf8.contains(where: { $0 == 0x7E || $0 == 0x2F }) else { return token }
    var result = ""
    for c in token.unicodeScalars {
      switch c {
      case "~": result += "~0"
      case "/": result += "~1"
      default: result.unicodeScalars.append(c)
      }
    }
    return result
  }
}
