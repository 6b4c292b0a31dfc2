import PreflightJSON

/// The request `_meta` overlay (`m`): the keys the next model-style call carries, with their
/// sources; the JSON editor on the whole object (the call form's raw editor, so a parse error
/// shows its line and column); removing a key, pinning `openai/session`, and reset. Pure: it
/// changes the state and asks for effects.
enum RequestMetaFlow {
  /// The session said what the profile's keys are for `conversation` (after connecting, and
  /// for each new conversation).
  static func known(
    conversation: String, profile: JSONObject, commandLine: JSONObject, _ state: inout AppState
  ) {
    state.requestMeta.profile = profile
    state.requestMeta.profileConversation = conversation
    state.requestMeta.commandLine = commandLine
    clampSelection(&state)
  }

  /// Opens the overlay.
  static func open(_ state: inout AppState) -> [Effect] {
    clampSelection(&state)
    state.mode = .requestMeta
    return []
  }

  /// The overlay's and its editor's keys.
  static func perform(_ action: Action, _ state: inout AppState) -> [Effect] {
    if state.mode == .metaEditor { return performEditor(action, &state) }
    let count = state.requestMeta.rows.count
    switch action {
    case .up:
      state.requestMeta.selected = max(0, state.requestMeta.selected - 1)
    case .down:
      state.requestMeta.selected = max(0, min(count - 1, state.requestMeta.selected + 1))
    case .open, .toggleJSON:
      openEditor(&state)
    case .omitMetaKey:
      let rows = state.requestMeta.rows
      guard rows.indices.contains(state.requestMeta.selected) else {
        state.notice = "no key selected"
        return []
      }
      let text = state.requestMeta.toggleSent(rows[state.requestMeta.selected].key)
      changed(text, &state)
    case .pinSession:
      changed(state.requestMeta.togglePin(conversation: state.conversation), &state)
    case .resetMeta:
      guard state.requestMeta.isEdited else {
        state.notice = "nothing edited: the request _meta is the profile's"
        return []
      }
      state.requestMeta.override = JSONObject()
      changed("request _meta reset to the profile's values (and --request-meta)", &state)
    case .back, .requestMeta:
      return AppUpdate.perform(.back, &state)  // a Refresh diff that came meanwhile opens next
    default:
      break
    }
    return []
  }

  /// Opens the JSON editor on every layer merged; a removed key shows as `null`.
  static func openEditor(_ state: inout AppState) {
    guard state.requestMeta.knows(state.conversation) else {
      state.notice = "the session has not said this conversation's keys yet — try again"
      return
    }
    var form = CallForm(
      tool: ["name": "_meta", "inputSchema": ["type": "object"]], previous: nil)
    var editor = TextArea(JSONPrinter.pretty(.object(state.requestMeta.merged)))
    editor.moveTo(line: 2, column: 3)
    form.editor = editor
    state.form = form
    state.mode = .metaEditor
  }

  /// The editor's keys: Ctrl-D applies, Esc discards, the rest edit as in the call form's
  /// JSON editor.
  static func performEditor(_ action: Action, _ state: inout AppState) -> [Effect] {
    switch action {
    case .submit, .toggleJSON:
      apply(&state)
      return []
    case .back:
      state.form = nil
      state.mode = .requestMeta
      state.notice = "request _meta unchanged"
      return []
    case .externalEditor:
      let effects = JSONEditorFlow.external(&state)
      state.notice = "editing the request _meta in $EDITOR…"
      return effects
    default:
      let page = max(1, ResultFlow.contentArea(state.size).height - 1)
      return JSONEditorFlow.perform(action, page: page, &state) ?? []
    }
  }

  /// Applies the editor's object when it parses, is an object and names each key once;
  /// otherwise stays, with the reason (and the line and column of a parse error) under it.
  static func apply(_ state: inout AppState) {
    guard var form = state.form, let editor = form.editor else { return }
    guard let value = JSONEditorFlow.parse(&form, editor) else {
      state.form = form
      state.notice = "the JSON does not parse; the request _meta is unchanged"
      return
    }
    guard let object = value.objectValue else {
      form.editorErrors = ["_meta must be a JSON object, not \(value.typeName)"]
      state.form = form
      state.notice = "the request _meta is unchanged"
      return
    }
    let duplicates = object.duplicateKeys
    guard duplicates.isEmpty else {
      form.editorErrors = duplicates.map { "\"\($0)\" appears more than once" }
      state.form = form
      state.notice = "the request _meta is unchanged"
      return
    }
    state.requestMeta.override = state.requestMeta.override(for: object)
    state.form = nil
    state.mode = .requestMeta
    let edits = state.requestMeta.override
    let removed = edits.members.filter { $0.value.isNull }.count
    changed(
      edits.isEmpty
        ? "request _meta: no edits — the profile's values go out"
        : "request _meta: \(edits.count - removed) key\(edits.count - removed == 1 ? "" : "s") set, "
          + "\(removed) not sent — every following call carries it", &state)
  }

  /// `$EDITOR` closed on the `_meta`: its text goes into the editor and is checked.
  static func editorClosed(text: String?, failure: String?, _ state: inout AppState) {
    guard var form = state.form else { return }
    guard let text else {
      state.notice = failure ?? "the editor gave nothing back"
      return
    }
    let editor = TextArea(text)
    form.editor = editor
    let parsed = JSONEditorFlow.parse(&form, editor)
    if let parsed, parsed.objectValue == nil {
      form.editorErrors = ["_meta must be a JSON object, not \(parsed.typeName)"]
    }
    state.form = form
    state.mode = .metaEditor
    state.notice =
      form.editorErrors.isEmpty
      ? "_meta read back from $EDITOR: Ctrl-D applies it"
      : "_meta read back from $EDITOR: fix what is marked before applying"
  }

  /// Says what changed in the status line and the log.
  private static func changed(_ text: String, _ state: inout AppState) {
    clampSelection(&state)
    state.notice = text
    state.log.note(tag: "meta", text: text, time: state.wire.rows.last?.time ?? "")
  }

  private static func clampSelection(_ state: inout AppState) {
    let count = state.requestMeta.rows.count
    state.requestMeta.selected = max(0, min(max(0, count - 1), state.requestMeta.selected))
  }
}
