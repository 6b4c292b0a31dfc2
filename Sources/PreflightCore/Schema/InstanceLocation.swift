import PreflightJSON

/// Where the validator is in the instance: the JSON Pointer for programs and the dotted path
/// for people.
struct InstanceLocation {
  /// The pointer, such as `/due/date`.
  var pointer: JSONPointer
  /// The dotted path, such as `due.date`; the root's name at the root.
  var name: String
  /// Whether this is the root.
  var isRoot: Bool

  /// The root, named `rootName` in messages.
  init(rootName: String) {
    pointer = JSONPointer()
    name = rootName
    isRoot = true
  }

  private init(pointer: JSONPointer, name: String) {
    self.pointer = pointer
    self.name = name
    isRoot = false
  }

  /// Member `key` of this value.
  func member(_ key: String) -> InstanceLocation {
    InstanceLocation(
      pointer: pointer.appending(key), name: FieldPathText.member(key, of: isRoot ? nil : name))
  }

  /// Element `index` of this value.
  func element(_ index: Int) -> InstanceLocation {
    InstanceLocation(
      pointer: pointer.appending(index), name: FieldPathText.element(index, of: name))
  }

  /// The name of member `key` of this value, as a string being checked by `propertyNames`.
  func memberName(_ key: String) -> InstanceLocation {
    let quoted = JSONPrinter.compact(.string(key))
    let text = isRoot ? "the field name \(quoted)" : "the field name \(quoted) in \(name)"
    return InstanceLocation(pointer: pointer.appending(key), name: text)
  }
}
