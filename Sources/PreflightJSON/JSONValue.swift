/// A JSON value that keeps everything a peer sent.
///
/// Numbers keep their original text (so `1.0`, `1e400` and 30-digit integers survive a round
/// trip), objects keep their members in order (duplicates included), and unknown keys are never
/// dropped. Typed views are derived from this value and may fail without losing it.
public enum JSONValue: Sendable, Hashable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// A number, as the text that appeared on the wire (always valid JSON number syntax).
  case number(String)
  /// A string, with escapes decoded.
  case string(String)
  /// An array.
  case array([JSONValue])
  /// An object, members in the order they were received.
  case object(JSONObject)
}

extension JSONValue {
  /// The string, if this is a string.
  public var stringValue: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  /// The boolean, if this is a boolean.
  public var boolValue: Bool? {
    if case .bool(let b) = self { return b }
    return nil
  }

  /// The number's original text, if this is a number.
  public var numberText: String? {
    if case .number(let n) = self { return n }
    return nil
  }

  /// The number as an `Int`, if this is a number that is an integer in range.
  public var intValue: Int? {
    guard case .number(let n) = self else { return nil }
    if let i = Int(n) { return i }
    if let d = Double(n), abs(d) < 9.0e15, Double(Int(d)) == d { return Int(d) }
    return nil
  }

  /// The number as a `Double`, if this is a number.
  public var doubleValue: Double? {
    guard case .number(let n) = self else { return nil }
    return Double(n)
  }

  /// The elements, if this is an array.
  public var arrayValue: [JSONValue]? {
    if case .array(let a) = self { return a }
    return nil
  }

  /// The object, if this is an object.
  public var objectValue: JSONObject? {
    if case .object(let o) = self { return o }
    return nil
  }

  /// Whether this is `null`.
  public var isNull: Bool {
    if case .null = self { return true }
    return false
  }

  /// The JSON type name: `null`, `boolean`, `number`, `string`, `array` or `object`.
  public var typeName: String {
    switch self {
    case .null: "null"
    case .bool: "boolean"
    case .number: "number"
    case .string: "string"
    case .array: "array"
    case .object: "object"
    }
  }

  /// The member named `key` (the last one if the object repeats it), or nil.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let o) = self else { return nil }
    return o[key]
  }

  /// The element at `index`, or nil when out of range or not an array.
  public subscript(index: Int) -> JSONValue? {
    guard case .array(let a) = self, a.indices.contains(index) else { return nil }
    return a[index]
  }

  /// Makes a number from an integer.
  public static func int(_ value: Int) -> JSONValue { .number(String(value)) }

  /// Makes a number from a double; non-finite values become `null`, as JSON has no such numbers.
  public static func double(_ value: Double) -> JSONValue {
    guard value.isFinite else { return .null }
    if abs(value) < 1e15, Double(Int(value)) == value { return .number(String(Int(value))) }
    return .number(String(value))
  }
}

extension JSONValue: ExpressibleByNilLiteral {
  /// Makes `null`.
  public init(nilLiteral: ()) { self = .null }
}

extension JSONValue: ExpressibleByBooleanLiteral {
  /// Makes a boolean.
  public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension JSONValue: ExpressibleByIntegerLiteral {
  /// Makes a number.
  public init(integerLiteral value: Int) { self = .number(String(value)) }
}

extension JSONValue: ExpressibleByFloatLiteral {
  /// Makes a number.
  public init(floatLiteral value: Double) { self = .double(value) }
}

extension JSONValue: ExpressibleByStringLiteral {
  /// Makes a string.
  public init(stringLiteral value: String) { self = .string(value) }
}

extension JSONValue: ExpressibleByArrayLiteral {
  /// Makes an array.
  public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
}

extension JSONValue: ExpressibleByDictionaryLiteral {
  /// Makes an object whose members keep the literal's order.
  public init(dictionaryLiteral elements: (String, JSONValue)...) {
    self = .object(JSONObject(elements.map { JSONMember(key: $0.0, value: $0.1) }))
  }
}

extension JSONValue: CustomStringConvertible {
  /// The compact JSON text.
  public var description: String { JSONPrinter.compact(self) }
}
