import PreflightJSON

/// Completions in the catalog forms: Ctrl-T (or F2) asks the server (`completion/complete`)
/// for values of the selected field with what it holds so far, the answer shows as a pick
/// list under the field, ←→ (or ↑↓) choose and Enter puts the choice into the field.
enum CatalogCompletion {
  /// The protocol version from which `completion/complete` takes `context.arguments`.
  static let contextVersion = "2025-06-18"

  /// Ctrl-T: ask for completions of the selected field, or say why not.
  static func request(_ state: inout AppState) -> [Effect] {
    guard let form = state.catalogForm, let row = state.catalog?.selectedRow,
      let field = FormEditing.current(form)?.field
    else { return [] }
    guard let server = state.server, server.capabilities["completions"] != nil else {
      state.notice = "the server does not offer completions (no capabilities.completions)"
      return []
    }
    let name = field.path.tokens.first ?? field.name
    var value = ""
    var context = JSONObject()
    for member in form.model.value.objectValue?.members ?? [] {
      guard let text = member.value.stringValue else { continue }
      if member.key == name {
        value = text
      } else {
        context[member.key] = .string(text)
      }
    }
    if server.protocolVersion < contextVersion { context = JSONObject() }
    let reference: JSONValue =
      row.kind == .template
      ? ["type": "ref/resource", "uri": .string(row.key)]
      : ["type": "ref/prompt", "name": .string(row.key)]
    state.catalogCompletions = nil
    state.notice = "asking for completions of \(name)…"
    return [.complete(reference: reference, argument: name, value: value, context: context)]
  }

  /// The values arrived: show them under the field they complete, if it is still selected.
  static func arrived(
    _ state: inout AppState, argument: String, values: [String], total: Int?, hasMore: Bool
  ) {
    guard let form = state.catalogForm, let field = FormEditing.current(form)?.field,
      (field.path.tokens.first ?? field.name) == argument
    else { return }
    guard !values.isEmpty else {
      state.catalogCompletions = nil
      state.notice = "the server offers no completions for \(argument) with what it holds"
      return
    }
    let pick = CompletionPick(argument: argument, values: values, total: total, hasMore: hasMore)
    state.catalogCompletions = pick
    state.notice = pick.summary + " for \(argument): ←→ choose, Enter picks, Esc closes"
  }

  /// Asking failed: the status line says why.
  static func failed(_ state: inout AppState, _ why: String) {
    state.catalogCompletions = nil
    state.notice = "completions failed: " + why
  }

  /// An action while the pick list is shown; nil when the list does not take it (the list
  /// closes and the form handles the action).
  static func perform(_ action: Action, _ state: inout AppState) -> [Effect]? {
    guard var pick = state.catalogCompletions else { return nil }
    switch action {
    case .left, .up:
      pick.selected = max(0, pick.selected - 1)
      state.catalogCompletions = pick
    case .right, .down:
      pick.selected = min(pick.values.count - 1, pick.selected + 1)
      state.catalogCompletions = pick
    case .open:
      let value = pick.values[pick.selected]
      state.catalogCompletions = nil
      FormEditing.on(\.catalogForm, &state) { state in
        guard let row = state.form.flatMap(FormEditing.current) else { return }
        state.form?.model.set(.text(value), at: row.field.path)
      }
      state.notice = "\(pick.argument) = \(value)"
    case .back:
      state.catalogCompletions = nil
    default:
      state.catalogCompletions = nil
      return nil
    }
    return []
  }
}
