import PreflightJSON

/// Builds the dotted field paths people read in messages: `due.date`, `tags[1]`,
/// `settings["dark mode"]`, and the root's name (`value`) for the document itself.
enum FieldPathText {
  /// The path of member `key` of the value named `parent` (nil for the root).
  static func member(_ key: String, of parent: String?) -> String {
    let simple = isIdentifier(key)
    guard let parent else { return simple ? key : JSONPrinter.compact(.string(key)) }
    return simple ? "\(parent).\(key)" : "\(parent)[\(JSONPrinter.compact(.string(key)))]"
  }

  /// The path of element `index` of the value named `parent` (the root's name for the root).
  static func element(_ index: Int, of parent: String) -> String {
    "\(parent)[\(index)]"
  }

  /// Whether `key` reads well after a dot: letters, digits, `_`, `-` and `$`.
  static func isIdentifier(_ key: String) -> Bool {
    guard !key.isEmpty else { return false }
    let asciiWord = key.utf8.allSatisfy { b in
      (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
        || b == 0x2D || b == 0x24
    }
    return asciiWord
      || key.unicodeScalars.allSatisfy { c in
        c.properties.isAlphabetic || c.properties.numericType == .decimal || c == "_" || c == "-"
          || c == "$"
      }
  }
}
