import PreflightJSON

/// A JSON value reduced to what JSON Schema equality looks at, for `enum`, `const` and
/// `uniqueItems`: numbers compare by value (`1` equals `1.0`), object member order does not
/// matter (the last of repeated keys counts), and strings compare by code points.
enum CanonicalJSON: Hashable, Sendable {
  /// `null`.
  case null
  /// A boolean.
  case bool(Bool)
  /// A number, exactly.
  case number(DecimalNumber)
  /// Number text that could not be read as a number (never produced by the parser).
  case unreadableNumber(String)
  /// A string as UTF-8 bytes, so canonically equivalent but different strings stay apart.
  case string([UInt8])
  /// An array.
  case array([CanonicalJSON])
  /// An object.
  case object([[UInt8]: CanonicalJSON])

  /// The canonical form of `value`.
  init(_ value: JSONValue) {
    switch value {
    case .null: self = .null
    case .bool(let b): self = .bool(b)
    case .number(let text):
      if let number = DecimalNumber(text) {
        self = .number(number)
      } else {
        self = .unreadableNumber(text)
      }
    case .string(let s): self = .string(Array(s.utf8))
    case .array(let elements): self = .array(elements.map(CanonicalJSON.init))
    case .object(let object):
      var members: [[UInt8]: CanonicalJSON] = [:]
      for member in object.members { members[Array(member.key.utf8)] = CanonicalJSON(member.value) }
      self = .object(members)
    }
  }
}
