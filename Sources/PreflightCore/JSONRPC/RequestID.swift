import PreflightJSON

/// A JSON-RPC request id: a string or a number, compared by exact JSON value (`1` is not `"1"`).
public enum RequestID: Sendable, Hashable, CustomStringConvertible {
  /// A numeric id, as its JSON text.
  case number(String)
  /// A string id.
  case string(String)

  /// Reads an id from JSON; nil for `null` and anything that is not a string or number.
  public init?(json: JSONValue) {
    switch json {
    case .number(let n): self = .number(n)
    case .string(let s): self = .string(s)
    default: return nil
    }
  }

  /// The id as JSON.
  public var json: JSONValue {
    switch self {
    case .number(let n): .number(n)
    case .string(let s): .string(s)
    }
  }

  /// The compact JSON text of the id (`7` or `"7"`).
  public var description: String { JSONPrinter.compact(json) }
}
