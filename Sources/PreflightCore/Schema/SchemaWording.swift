import PreflightJSON

/// Small pieces of message wording shared by the validator.
enum SchemaWording {
  /// Compact JSON for `value`, cut to about `limit` characters.
  static func preview(_ value: JSONValue, limit: Int = 40) -> String {
    let text = JSONPrinter.compact(value)
    guard text.count > limit else { return text }
    return String(text.prefix(limit)) + "…"
  }

  /// `values` for "must be one of …": bare words when every string is a plain word
  /// (`low, normal, high`), JSON text otherwise; long lists are cut short.
  static func valueList(_ values: [JSONValue], limit: Int = 12) -> String {
    let bare = values.allSatisfy { value in
      guard let s = value.stringValue else { return true }
      return isPlainWord(s)
    }
    var shown = values.prefix(limit).map { value in
      if bare, let s = value.stringValue { return s }
      return preview(value)
    }
    if values.count > limit { shown.append("… (\(values.count) in all)") }
    return shown.joined(separator: ", ")
  }

  /// "a", "a or b", "a, b or c".
  static func orList(_ phrases: [String]) -> String { list(phrases, "or") }

  /// "a", "a and b", "a, b and c" (with `conjunction` "and").
  static func list(_ phrases: [String], _ conjunction: String) -> String {
    guard phrases.count > 1 else { return phrases.first ?? "" }
    return phrases.dropLast().joined(separator: ", ") + " \(conjunction) "
      + phrases[phrases.count - 1]
  }

  /// "1 item", "2 items".
  static func count(_ n: Int, _ noun: String) -> String {
    "\(n) \(noun)\(n == 1 ? "" : "s")"
  }

  /// What `value` is, for "…, not a number": its type with an article, or for a number that
  /// is not an integer, the number itself.
  static func actual(_ value: JSONValue, expected: [SchemaType]) -> String {
    if case .number(let text) = value, expected.contains(.integer),
      !expected.contains(.number)
    {
      return text.count <= 24 ? text : "a number with a fraction"
    }
    switch value {
    case .null: return "null"
    case .bool: return "a boolean"
    case .number: return "a number"
    case .string: return "a string"
    case .array: return "an array"
    case .object: return "an object"
    }
  }

  /// Whether `s` can be shown without quotes: letters, digits and `_ - . : / @ +` only.
  static func isPlainWord(_ s: String) -> Bool {
    !s.isEmpty
      && s.unicodeScalars.allSatisfy { c in
        c.properties.isAlphabetic || c.properties.numericType == .decimal
          || "_-.:/@+".unicodeScalars.contains(c)
      }
  }
}
