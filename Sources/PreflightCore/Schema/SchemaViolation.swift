import PreflightJSON

/// One way an instance breaks its schema: where in the instance, which keyword, and a message
/// that names the field in words people read (`due.date must be a date (YYYY-MM-DD)`).
public struct SchemaViolation: Sendable, Hashable, CustomStringConvertible {
  /// Where in the instance, such as `/due/date`; for a missing required member, the member's
  /// would-be location (`/title`).
  public var path: JSONPointer
  /// The keyword that failed, as a location in the schema, such as
  /// `#/properties/title/minLength` or `#/$defs/Task/required`.
  public var schemaPath: String
  /// What is wrong, naming the field by its dotted path: "title is required",
  /// "priority must be one of low, normal, high", "tags[1] must be a string, not a number".
  public var message: String

  /// Makes a violation.
  public init(path: JSONPointer, schemaPath: String, message: String) {
    self.path = path
    self.schemaPath = schemaPath
    self.message = message
  }

  /// The keyword that failed: the last token of ``schemaPath`` (`minLength`), or the whole
  /// path for a boolean `false` schema.
  public var keyword: String {
    JSONPointer(String(schemaPath.drop { $0 == "#" }))?.tokens.last ?? schemaPath
  }

  /// `/due/date: due.date must be a date (YYYY-MM-DD)`; the root is shown as `/`.
  public var description: String {
    let location = path.tokens.isEmpty ? "/" : path.description
    return "\(location): \(message)"
  }
}
