import PreflightCore
import PreflightJSON

/// The forms of the resources and prompts overlay, made with the call form's machinery: a
/// prompt's arguments (all strings, the required ones marked) before getting it, and a URI
/// template's variables (RFC 6570) before reading the URI they make. Typing fills the selected
/// field, Tab/↑↓ move, Enter gets or reads once the fields check, Esc goes back to the list.
enum CatalogForms {
  /// The arguments form of a prompt row: one text field an argument, with its description.
  static func form(prompt row: Catalog.Row) -> CallForm {
    var properties = JSONObject()
    var required: [JSONValue] = []
    for argument in row.raw["arguments"]?.arrayValue ?? [] {
      guard let name = argument["name"]?.stringValue else { continue }
      var property: JSONObject = ["type": "string"]
      if let description = argument["description"]?.stringValue {
        property["description"] = .string(description)
      }
      if let title = argument["title"]?.stringValue { property["title"] = .string(title) }
      properties[name] = .object(property)
      if argument["required"]?.boolValue == true { required.append(.string(name)) }
    }
    return form(
      key: row.key,
      schema: [
        "type": "object", "properties": .object(properties), "required": .array(required),
      ])
  }

  /// The variables form of a template row (nil when the template cannot be parsed): one
  /// optional text field a variable, as RFC 6570 leaves undefined variables out.
  static func form(template row: Catalog.Row) -> CallForm? {
    guard let template = try? URITemplate(row.key) else { return nil }
    var properties = JSONObject()
    for name in template.variables {
      properties[name] = ["type": "string"]
    }
    return form(key: row.key, schema: ["type": "object", "properties": .object(properties)])
  }

  private static func form(key: String, schema: JSONValue) -> CallForm {
    CallForm(tool: ["name": .string(key), "inputSchema": schema], previous: nil)
  }

  /// The URI the template form makes with what has been entered so far (nil for a prompt).
  static func expandedURI(_ form: CallForm) -> String? {
    guard let template = try? URITemplate(form.toolName) else { return nil }
    var values: [String: String] = [:]
    for member in form.model.value.objectValue?.members ?? [] {
      if let text = member.value.stringValue { values[member.key] = text }
    }
    return template.expand(values)
  }

  /// Types `c` into the selected field.
  static func type(_ c: Character, _ state: inout AppState) {
    state.catalogCompletions = nil
    FormEditing.on(\.catalogForm, &state) { FormEditing.type(c, &$0) }
  }

  /// An action while a form is open in the overlay.
  static func perform(_ action: Action, _ state: inout AppState) -> [Effect] {
    guard var form = state.catalogForm, let row = state.catalog?.selectedRow else {
      state.catalogForm = nil
      return []
    }
    if let effects = CatalogCompletion.perform(action, &state) { return effects }
    switch action {
    case .complete:
      return CatalogCompletion.request(&state)
    case .up, .down:
      FormEditing.on(\.catalogForm, &state) { AppUpdate.move(&$0, by: action == .up ? -1 : 1) }
    case .deleteCharacter:
      FormEditing.on(\.catalogForm, &state) { FormEditing.deleteCharacter(&$0) }
    case .back:
      state.catalogForm = nil
    case .open:
      form.triedSubmit = true
      state.catalogForm = form
      guard form.model.errors.isEmpty else {
        state.notice = "fix the fields marked ✕ first; nothing was sent"
        return []
      }
      state.catalogForm = nil
      let entered = form.model.value.objectValue ?? JSONObject()
      if row.kind == .template, let uri = expandedURI(form) {
        state.catalog?.opened = (uri, ["reading…"])
        return [.readResource(uri)]
      }
      state.catalog?.opened = (row.key, ["getting the prompt…"])
      return [.getPromptWithArguments(row.key, entered)]
    default:
      break
    }
    return []
  }
}
