import PreflightJSON

/// The form for calling one tool: the tool, the form model, which row is being edited, and
/// whether a submit was tried (errors are shown from then on).
public struct CallForm: Sendable {
  /// The tool as the server sent it.
  public var tool: JSONValue
  /// The form built from its input schema.
  public var model: FormModel
  /// The row being edited.
  public var row = 0
  /// Whether the user tried to submit (so errors are shown at the fields).
  public var triedSubmit = false

  /// Makes a form for `tool`, prefilled with `previous` arguments when given.
  public init(tool: JSONValue, previous: JSONValue?) {
    self.tool = tool
    var model = FormModel(schema: tool["inputSchema"] ?? .object(JSONObject()))
    if let previous { model.prefill(from: previous) }
    self.model = model
  }

  /// The tool's name.
  public var toolName: String { tool["name"]?.stringValue ?? "" }
}
