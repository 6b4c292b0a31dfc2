import PreflightJSON

/// A short description of a subschema for messages about `anyOf`, `oneOf`, `not` and
/// `contains`: "a string", "a Task object", "one of low, high", "null".
struct BranchDescription {
  /// The noun phrase.
  var phrase: String
  /// The values it allows, when it is a `const` or an `enum`.
  var values: [JSONValue]?
  /// Whether the phrase is just the allowed types ("a string or null"), so several such
  /// phrases can be joined as "must be a string or null".
  var isTypeLike: Bool
  /// The types it allows, when known.
  var types: [SchemaType] = []
}
