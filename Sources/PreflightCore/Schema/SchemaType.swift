import PreflightJSON

/// One of the type names the `type` keyword takes.
enum SchemaType: String, Sendable, CaseIterable {
  case null
  case boolean
  case object
  case array
  case number
  case string
  case integer

  /// Whether `value` has this type; a number with no fractional part (`1.0`) is an integer.
  func matches(_ value: JSONValue) -> Bool {
    switch (self, value) {
    case (.null, .null), (.boolean, .bool), (.object, .object), (.array, .array),
      (.number, .number), (.string, .string):
      return true
    case (.integer, .number(let text)):
      return DecimalNumber(text)?.isInteger ?? false
    default:
      return false
    }
  }

  /// The type with an article, for messages: "a string", "an integer", "null".
  var phrase: String {
    switch self {
    case .null: "null"
    case .boolean: "a boolean"
    case .object: "an object"
    case .array: "an array"
    case .number: "a number"
    case .string: "a string"
    case .integer: "an integer"
    }
  }
}
