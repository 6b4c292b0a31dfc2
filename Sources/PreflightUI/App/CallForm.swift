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
  /// The highlighted option of a multiple choice being edited (Space ticks it).
  public var option = 0
  /// What was typed into the choice being edited since its row was entered (type to pick).
  public var query = ""
  /// The arguments as JSON text when they are edited in the raw JSON editor (nil: the form).
  public var editor: TextArea?
  /// Why the editor's JSON cannot be sent yet (a parse error with its line and column, or
  /// the schema's findings); shown under the editor after a submit or a switch was tried.
  public var editorErrors: [String] = []

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
