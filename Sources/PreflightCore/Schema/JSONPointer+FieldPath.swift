import PreflightJSON

extension JSONPointer {
  /// The pointer as a dotted field path for people: `/due/date` is `due.date`, `/tags/1` is
  /// `tags[1]`, a member whose name is not a plain word is bracketed (`settings["dark mode"]`),
  /// and the empty pointer is `rootName`.
  ///
  /// With `instance`, each token is read as an array index or a member name by what the
  /// instance holds there; without one (or past its end), all-digit tokens are read as indices.
  public func fieldPath(in instance: JSONValue? = nil, rootName: String = "value") -> String {
    var name: String?
    var current = instance
    for token in tokens {
      let isIndex: Bool
      switch current {
      case .array: isIndex = Int(token) != nil
      case .object: isIndex = false
      default: isIndex = !token.isEmpty && token.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
      }
      if isIndex, let index = Int(token) {
        name = FieldPathText.element(index, of: name ?? rootName)
        current = current?[index]
      } else {
        name = FieldPathText.member(token, of: name)
        current = current?[token]
      }
    }
    return name ?? rootName
  }
}
