import PreflightCore
import PreflightJSON

/// Checks calls' arguments as ``ArgumentCheck`` does, compiling each distinct `inputSchema`
/// once: a scenario of a thousand calls of one tool compiles its schema once, not a thousand
/// times.
public struct ArgumentChecker: Sendable {
  private var validators: [JSONValue: JSONSchemaValidator] = [:]

  /// Makes a checker with nothing compiled yet.
  public init() {}

  /// Every problem with `arguments` (nil counts as `{}`) under `tool.inputSchema`; a tool
  /// without a schema accepts anything. The same answer as ``ArgumentCheck/violations(_:tool:)``.
  public mutating func violations(_ arguments: JSONValue?, tool: JSONValue) -> [ArgumentCheck
    .Problem]
  {
    guard let schema = tool["inputSchema"] else { return [] }
    let validator: JSONSchemaValidator
    if let compiled = validators[schema] {
      validator = compiled
    } else {
      validator = JSONSchemaValidator(schema: schema)
      validators[schema] = validator
    }
    return ArgumentCheck.violations(arguments, validator: validator)
  }
}
