import PreflightCore
import PreflightJSON

/// Checks a call's arguments against the tool's `inputSchema` before anything is sent.
public enum ArgumentCheck {
  /// One problem, with the JSON Pointer of the field (`/title`) and a sentence naming it.
  public struct Problem: Sendable, Hashable {
    /// The field's JSON Pointer (`""` for the arguments as a whole).
    public var path: String
    /// What is wrong, naming the field.
    public var message: String
  }

  /// Every problem with `arguments` (nil counts as `{}`) under `tool.inputSchema`; a tool
  /// without a schema accepts anything.
  public static func violations(_ arguments: JSONValue?, tool: JSONValue) -> [Problem] {
    guard let schema = tool["inputSchema"] else { return [] }
    return violations(arguments, validator: JSONSchemaValidator(schema: schema))
  }

  /// Every problem with `arguments` (nil counts as `{}`) under an input schema compiled ahead.
  public static func violations(
    _ arguments: JSONValue?, validator: JSONSchemaValidator
  ) -> [Problem] {
    let instance = arguments ?? .object(JSONObject())
    return validator.validate(instance).map {
      Problem(path: $0.path.description, message: $0.message)
    }
  }
}
