import HostFlow
import PreflightCore
import PreflightJSON

/// The raw JSON editor of the call form: the whole arguments object as text, switched to and
/// from the form, checked (parse errors with line and column, then the schema) before it is
/// sent, and handed to `$EDITOR`. Pure: changes the state and asks for effects.
enum JSONEditorFlow {
  /// Opens the editor on the form's arguments, pretty-printed.
  static func open(_ state: inout AppState) {
    guard var form = state.form else { return }
    var editor = TextArea(JSONPrinter.pretty(form.model.value))
    editor.moveTo(line: 2, column: 3)
    form.editor = editor
    form.editorErrors = []
    state.form = form
    state.mode = .jsonEditor
  }

  /// Back to the form with the editor's arguments, when they parse and the form can hold them
  /// exactly; otherwise stays, saying why.
  static func backToForm(_ state: inout AppState) {
    guard var form = state.form, let editor = form.editor else { return }
    guard let arguments = parse(&form, editor) else {
      state.form = form
      state.notice = "the JSON does not parse; fix it to go back to the form"
      return
    }
    var model = FormModel(schema: form.model.schema)
    model.input = .unset
    model.prefill(from: arguments)
    guard same(model.value, arguments) else {
      state.form = form
      state.notice =
        "the form cannot hold these arguments exactly; still editing JSON (Ctrl-D calls)"
      return
    }
    form.model = model
    form.editor = nil
    form.editorErrors = []
    form.row = 0
    state.form = form
    state.mode = .form
  }

  /// Checks the JSON (it parses, it is an object, it fits the schema) and, when it does,
  /// sends the call through the policy; otherwise shows why under the editor.
  static func submit(_ state: inout AppState) -> [Effect] {
    guard var form = state.form, let editor = form.editor else { return [] }
    guard let arguments = check(&form, editor) else {
      state.form = form
      state.notice = "fix the JSON first; nothing was sent"
      return []
    }
    state.form = form
    return CallFlow.dispatch(
      ModelCall(name: form.toolName, arguments: arguments), tool: form.tool, origin: "json editor",
      &state)
  }

  /// Asks for the arguments to be edited in `$EDITOR`: the editor's text, or the form's
  /// arguments pretty-printed.
  static func external(_ state: inout AppState) -> [Effect] {
    guard let form = state.form else { return [] }
    let text = form.editor?.text ?? JSONPrinter.pretty(form.model.value)
    state.notice = "editing the arguments in $EDITOR…"
    return [.editInEditor(text)]
  }

  /// `$EDITOR` closed: its text goes into the JSON editor and is checked (nothing is sent);
  /// a failure is said in the status line and the form stays as it was.
  static func editorClosed(text: String?, failure: String?, _ state: inout AppState) {
    if state.mode == .metaEditor {
      RequestMetaFlow.editorClosed(text: text, failure: failure, &state)
      return
    }
    guard var form = state.form else { return }
    guard let text else {
      state.notice = failure ?? "the editor gave nothing back"
      return
    }
    let editor = TextArea(text)
    form.editor = editor
    let ok = check(&form, editor) != nil
    state.form = form
    state.mode = .jsonEditor
    state.notice =
      ok
      ? "arguments read back from $EDITOR and valid: Ctrl-D calls"
      : "arguments read back from $EDITOR: fix what is marked before calling"
  }

  /// Types a character at the cursor.
  static func type(_ c: Character, _ state: inout AppState) {
    edit(&state) { $0.insert(c) }
  }

  /// The editor's keys; nil for actions it does not handle.
  static func perform(_ action: Action, page: Int, _ state: inout AppState) -> [Effect]? {
    switch action {
    case .submit: return submit(&state)
    case .toggleJSON: backToForm(&state)
    case .externalEditor: return external(&state)
    case .newline: edit(&state) { $0.newline() }
    case .deleteCharacter: edit(&state) { $0.deleteBackward() }
    case .deleteForward: edit(&state) { $0.deleteForward() }
    case .left: edit(&state) { $0.moveLeft() }
    case .right: edit(&state) { $0.moveRight() }
    case .up: edit(&state) { $0.moveLines(-1) }
    case .down: edit(&state) { $0.moveLines(1) }
    case .pageUp: edit(&state) { $0.moveLines(-page) }
    case .pageDown: edit(&state) { $0.moveLines(page) }
    case .top: edit(&state) { $0.moveToLineStart() }
    case .bottom: edit(&state) { $0.moveToLineEnd() }
    default: return nil
    }
    return []
  }

  /// Changes the editor in place: no copy of its lines per key, so a long paste (one key
  /// a character) stays linear.
  private static func edit(_ state: inout AppState, _ change: (inout TextArea) -> Void) {
    guard state.form?.editor != nil else { return }
    change(&state.form!.editor!)
  }

  /// The editor's text parsed; on failure the error (with line and column) is recorded and
  /// the cursor put where parsing stopped.
  static func parse(_ form: inout CallForm, _ editor: TextArea) -> JSONValue? {
    let text = editor.text
    do {
      let value = try JSONParser.parse(text)
      form.editorErrors = []
      return value
    } catch {
      let (line, column) = TextArea.position(ofByte: error.offset, in: text)
      form.editorErrors = ["line \(line), column \(column): \(error.reason)"]
      var moved = editor
      moved.moveTo(line: line, column: column)
      form.editor = moved
      return nil
    }
  }

  /// The editor's arguments when they parse, are an object and fit the tool's input schema;
  /// otherwise nil, with every reason in `form.editorErrors`.
  static func check(_ form: inout CallForm, _ editor: TextArea) -> JSONValue? {
    guard let arguments = parse(&form, editor) else { return nil }
    guard arguments.objectValue != nil else {
      form.editorErrors = ["the arguments must be a JSON object, not \(arguments.typeName)"]
      return nil
    }
    let validator = JSONSchemaValidator(schema: form.model.schema)
    form.editorErrors = validator.validate(arguments).map { violation in
      let at = violation.path.tokens.isEmpty ? "arguments" : violation.path.description
      return "\(at): \(violation.message)"
    }
    // Not a ternary: JSONValue is ExpressibleByNilLiteral, so `: nil` would make `.null`.
    guard form.editorErrors.isEmpty else { return nil }
    return arguments
  }

  /// Whether two JSON values are equal, objects compared without regard to member order.
  static func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
    switch (a, b) {
    case (.object(let x), .object(let y)):
      guard x.count == y.count else { return false }
      return x.members.allSatisfy { member in y[member.key].map { same(member.value, $0) } ?? false
      }
    case (.array(let x), .array(let y)):
      return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
    default:
      return a == b
    }
  }
}
