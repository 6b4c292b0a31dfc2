import PreflightJSON

/// A small JSON Schema checker for the keywords the demo's output schemas use: `type`,
/// `properties`, `required`, `items`, `enum`, `minimum` and `additionalProperties: false`.
enum SchemaCheck {
  /// The ways `value` breaks `schema`, each with its path; empty when it conforms.
  static func violations(of value: JSONValue, against schema: JSONValue, at path: String = "$")
    -> [String]
  {
    var found: [String] = []
    if let type = schema["type"]?.stringValue, !matches(value, type: type) {
      return ["\(path): expected \(type), got \(value.typeName)"]
    }
    if let allowed = schema["enum"]?.arrayValue, !allowed.contains(value) {
      found.append("\(path): \(value) is not in the enum")
    }
    if let minimum = schema["minimum"]?.doubleValue, let number = value.doubleValue,
      number < minimum
    {
      found.append("\(path): \(number) is below \(minimum)")
    }
    if let object = value.objectValue {
      let properties = schema["properties"]?.objectValue ?? JSONObject()
      for key in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
      where !object.contains(key) {
        found.append("\(path): missing required \(key)")
      }
      for member in object.members {
        if let sub = properties[member.key] {
          found += violations(of: member.value, against: sub, at: "\(path).\(member.key)")
        } else if schema["additionalProperties"] == false {
          found.append("\(path): unexpected \(member.key)")
        }
      }
    }
    if let items = value.arrayValue, let itemSchema = schema["items"] {
      for (i, item) in items.enumerated() {
        found += violations(of: item, against: itemSchema, at: "\(path)[\(i)]")
      }
    }
    return found
  }

  /// Whether `value` has the JSON Schema `type`.
  private static func matches(_ value: JSONValue, type: String) -> Bool {
    switch type {
    case "integer": value.intValue != nil
    case "number": value.numberText != nil
    default: value.typeName == type
    }
  }
}
