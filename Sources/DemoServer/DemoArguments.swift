import PreflightJSON

/// A tool's `arguments` object with readers that validate by hand and name the failing field.
struct DemoArguments: Sendable {
  /// The arguments exactly as the client sent them (`{}` when absent).
  let object: JSONObject
  /// The path of this object inside the arguments, e.g. `due.`; empty at the top.
  let path: String

  /// Wraps the `arguments` of a call; absent or `null` means no arguments.
  init(_ value: JSONValue?) throws(DemoToolError) {
    switch value {
    case nil, .null?:
      self.init(object: JSONObject(), path: "")
    case .object(let o)?:
      self.init(object: o, path: "")
    case let other?:
      throw DemoToolError("arguments must be an object, not \(other.typeName)")
    }
  }

  /// Wraps a nested object found at `path`.
  private init(object: JSONObject, path: String) {
    self.object = object
    self.path = path
  }

  /// The arguments as a JSON value.
  var value: JSONValue { .object(object) }

  /// Whether the field is present and not `null`.
  func has(_ key: String) -> Bool {
    if let value = object[key], !value.isNull { return true }
    return false
  }

  /// Fails on any key not in `allowed`, as `additionalProperties: false` says.
  func rejectUnknown(allowing allowed: [String]) throws(DemoToolError) {
    if let key = object.keys.first(where: { !allowed.contains($0) }) {
      throw DemoToolError(
        "\(path)\(key) is not a known field (expected \(allowed.joined(separator: ", ")))")
    }
  }

  /// The string at `key`, nil when absent; fails when required and absent, when not a string,
  /// or when empty after trimming and `allowEmpty` is false.
  func string(
    _ key: String, required: Bool = false, allowEmpty: Bool = false, maxLength: Int? = nil
  ) throws(DemoToolError) -> String? {
    guard has(key), let raw = object[key] else {
      if required { throw DemoToolError("\(path)\(key) is required") }
      return nil
    }
    guard let s = raw.stringValue else {
      throw DemoToolError("\(path)\(key) must be a string, not \(raw.typeName)")
    }
    if !allowEmpty, s.allSatisfy(\.isWhitespace) {
      throw DemoToolError("\(path)\(key) must not be empty")
    }
    if let maxLength, s.count > maxLength {
      throw DemoToolError("\(path)\(key) must be at most \(maxLength) characters")
    }
    return s
  }

  /// The string at `key`, which must be present and not empty.
  func requiredString(_ key: String, maxLength: Int? = nil) throws(DemoToolError) -> String {
    guard let s = try string(key, required: true, maxLength: maxLength) else {
      throw DemoToolError("\(path)\(key) is required")
    }
    return s
  }

  /// The string at `key` turned into one of `T`'s cases, nil when absent.
  func choice<T: RawRepresentable & CaseIterable>(
    _ key: String, as type: T.Type, required: Bool = false
  ) throws(DemoToolError) -> T? where T.RawValue == String {
    guard let s = try string(key, required: required, allowEmpty: true) else { return nil }
    guard let value = T(rawValue: s) else {
      let names = T.allCases.map(\.rawValue).joined(separator: ", ")
      throw DemoToolError("\(path)\(key) must be one of \(names), not \"\(s)\"")
    }
    return value
  }

  /// The integer at `key` within `range`, nil when absent.
  func int(_ key: String, in range: ClosedRange<Int>) throws(DemoToolError) -> Int? {
    guard has(key), let raw = object[key] else { return nil }
    guard let i = raw.intValue else {
      throw DemoToolError("\(path)\(key) must be an integer, not \(raw.typeName) \(raw)")
    }
    guard range.contains(i) else {
      throw DemoToolError(
        "\(path)\(key) must be between \(range.lowerBound) and \(range.upperBound), not \(i)")
    }
    return i
  }

  /// The array of strings at `key`, nil when absent.
  func strings(_ key: String) throws(DemoToolError) -> [String]? {
    guard has(key), let raw = object[key] else { return nil }
    guard let items = raw.arrayValue else {
      throw DemoToolError("\(path)\(key) must be an array of strings, not \(raw.typeName)")
    }
    var result: [String] = []
    for (i, item) in items.enumerated() {
      guard let s = item.stringValue else {
        throw DemoToolError("\(path)\(key)[\(i)] must be a string, not \(item.typeName)")
      }
      result.append(s)
    }
    return result
  }

  /// The nested object at `key`, nil when absent.
  func nested(_ key: String) throws(DemoToolError) -> DemoArguments? {
    guard has(key), let raw = object[key] else { return nil }
    guard let o = raw.objectValue else {
      throw DemoToolError("\(path)\(key) must be an object, not \(raw.typeName)")
    }
    return DemoArguments(object: o, path: "\(path)\(key).")
  }
}
