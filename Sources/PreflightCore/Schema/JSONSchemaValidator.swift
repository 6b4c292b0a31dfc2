import PreflightJSON

/// Validates JSON values against a JSON Schema: tool arguments against `inputSchema` before a
/// call is sent, `structuredContent` against `outputSchema` after.
///
/// The dialect is 2020-12 unless the root's `$schema` names draft-04, -06 or -07 (then `$ref`
/// replaces its siblings, as those drafts say); the array form of `items`, boolean
/// `exclusiveMinimum`, `definitions`, `dependencies` and OpenAPI's `nullable` are understood in
/// any dialect. Unknown keywords are ignored; `title`, `description`, `default`, `examples`,
/// `enumNames` and the like are annotations.
///
/// Nothing about a schema is fatal: an unresolvable `$ref`, a pattern that is not a regular
/// expression or a malformed keyword is listed in ``problems`` and that keyword is skipped.
/// Validation never traps or runs away: `$ref` cycles are cut off, and depth and work are
/// bounded by ``Options``.
public struct JSONSchemaValidator: Sendable {
  /// The schema, as given.
  public let schema: JSONValue
  /// How validation behaves.
  public let options: Options
  /// Problems with the schema itself, each starting with the schema path it concerns, such as
  /// `#/properties/id/pattern: "[a-" is not a regular expression Preflight can check (…)`.
  public let problems: [String]
  private let nodes: [SchemaNode]

  /// Compiles `schema` for validation; never fails (see ``problems``).
  public init(schema: JSONValue, options: Options = .init()) {
    var compiler = SchemaCompiler(root: schema)
    compiler.compile()
    self.schema = schema
    self.options = options
    self.problems = compiler.problems
    self.nodes = compiler.nodes
  }

  /// Every way `instance` breaks the schema, in document order, each once; empty when it
  /// conforms.
  public func validate(_ instance: JSONValue) -> [SchemaViolation] {
    let instance = instance.parsedIfDeferred
    var evaluator = SchemaEvaluator(nodes: nodes, options: options)
    var found: [SchemaViolation] = []
    evaluator.evaluateChild(
      0, instance, at: InstanceLocation(rootName: options.rootName), into: &found)
    if let limit = evaluator.limitViolation, !found.contains(limit) { found.append(limit) }
    return SchemaViolationOrder.arrange(found, in: instance)
  }

  /// Whether `instance` conforms to the schema.
  public func isValid(_ instance: JSONValue) -> Bool {
    validate(instance).isEmpty
  }
}
