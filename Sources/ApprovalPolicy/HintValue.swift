import PreflightJSON

/// How one annotation hint was declared in a tool's raw JSON, never coerced.
///
/// Only a JSON boolean counts as declared: the string `"true"` is `invalid`, not `true`
/// (chatgpt-approval.md §1, "treat anything but the literal `true` as not read-only").
public enum HintValue: Sendable, Hashable, CustomStringConvertible {
  /// The hint is a JSON boolean.
  case declared(Bool)
  /// The key is not in the annotations object, or there is no annotations object.
  case absent
  /// The key is present with the value `null`.
  case null
  /// The key is present with a value that is not a boolean, kept as sent (e.g. `"true"`).
  case invalid(JSONValue)

  /// Reads a hint from the member value as sent; `nil` means the key is absent.
  public init(json: JSONValue?) {
    switch json {
    case nil: self = .absent
    case .null?: self = .null
    case .bool(let value)?: self = .declared(value)
    case let other?: self = .invalid(other)
    }
  }

  /// The boolean when declared; nil when absent, null or invalid (Codex's `Option<bool>`).
  public var bool: Bool? {
    if case .declared(let value) = self { return value }
    return nil
  }

  /// Whether the hint is exactly JSON `true`.
  public var isTrue: Bool { bool == true }

  /// Whether the hint is exactly JSON `false`.
  public var isFalse: Bool { bool == false }

  /// Whether the hint is not an explicit boolean: absent, null or invalid.
  public var isMissing: Bool { bool == nil }

  /// How the hint was declared, in words.
  ///
  /// `true`, `false`, `missing`, `null`, or the invalid value with its type, e.g.
  /// `"true" (a string, not a boolean)`.
  public var description: String {
    switch self {
    case .declared(let value): value ? "true" : "false"
    case .absent: "missing"
    case .null: "null"
    case .invalid(let value):
      "\(JSONPrinter.compact(value)) (\(Self.article(value.typeName)) \(value.typeName), "
        + "not a boolean)"
    }
  }

  private static func article(_ typeName: String) -> String {
    typeName.first.map { "aeiou".contains($0) } == true ? "an" : "a"
  }
}
