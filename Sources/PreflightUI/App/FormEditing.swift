import PreflightJSON

/// The form's editing keys beyond typing: flipping booleans, picking options, adding and
/// removing list items. Pure: changes `state.form` only.
enum FormEditing {
  /// The row being edited and its field.
  static func current(_ form: CallForm) -> FormRow? {
    let rows = form.model.rows
    return rows.indices.contains(form.row) ? rows[form.row] : nil
  }

  /// Types `c` into the field being edited. On a boolean, Space flips it and t/y/1 or f/n/0
  /// set it; on a choice, Space picks the next option; on a multiple choice, Space ticks or
  /// unticks the highlighted option. Anything else is typed as text.
  static func type(_ c: Character, _ state: inout AppState) {
    guard var form = state.form, let row = current(form) else { return }
    let path = row.field.path
    switch row.field.kind {
    case .boolean:
      switch c {
      case " ": form.model.toggle(at: path)
      case "t", "T", "y", "Y", "1": form.model.set(.bool(true), at: path)
      case "f", "F", "n", "N", "0": form.model.set(.bool(false), at: path)
      default: return
      }
      state.form = form
    case .choice where c == " ":
      change(by: 1, &state)
    case .choice(let options):
      // Type to pick: the first option whose title or value is, or starts with, what was
      // typed since the row was entered; text that matches none stays and is an error.
      form.query.append(c)
      let query = form.query.lowercased()
      func words(_ option: FormOption) -> [String] {
        [option.title.lowercased()] + (option.value.stringValue.map { [$0.lowercased()] } ?? [])
      }
      let index =
        options.firstIndex { words($0).contains(query) }
        ?? options.firstIndex { words($0).contains { $0.hasPrefix(query) } }
      if let index {
        form.model.pick(index, at: path)
      } else {
        form.model.setText(form.query, at: path)
      }
      state.form = form
    case .multiChoice(let options) where c == " ":
      guard options.indices.contains(form.option) else { return }
      form.model.toggleOption(form.option, at: path)
      state.form = form
    default:
      CallFlow.type(c, &state)
    }
  }

  /// ← and →: flips a boolean, picks the previous or next option of a choice (a nullable or
  /// optional choice passes through "not set"), or moves the highlight of a multiple choice.
  static func change(by step: Int, _ state: inout AppState) {
    guard var form = state.form, let row = current(form) else { return }
    let path = row.field.path
    switch row.field.kind {
    case .boolean:
      form.model.toggle(at: path)
    case .choice(let options):
      guard !options.isEmpty else { return }
      let canUnset = !row.field.required
      let slots = options.count + (canUnset ? 1 : 0)
      var slot: Int
      if case .choice(let index) = form.model.input(at: path) {
        slot = index
      } else {
        slot = canUnset ? options.count : (step > 0 ? -1 : options.count)
      }
      slot = ((slot + step) % slots + slots) % slots
      if slot < options.count {
        form.model.pick(slot, at: path)
      } else {
        form.model.clear(at: path)
      }
    case .multiChoice(let options):
      guard !options.isEmpty else { return }
      form.option = ((form.option + step) % options.count + options.count) % options.count
    default:
      return
    }
    state.form = form
  }

  /// Adds an item to the list being edited (the row's own list, or the list its row is an
  /// item of, or inside) and moves to it.
  static func addItem(_ state: inout AppState) {
    guard var form = state.form, let row = current(form) else { return }
    var tokens = row.field.path.tokens
    while true {
      let path = JSONPointer(tokens: tokens)
      if case .list = form.model.field(at: path)?.kind {
        guard let added = form.model.addItem(at: path) else { return }
        if let index = form.model.rows.firstIndex(where: { $0.field.path == added }) {
          form.row = index
          form.option = 0
        }
        state.form = form
        return
      }
      guard !tokens.isEmpty else { break }
      tokens.removeLast()
    }
    state.notice = "this field is not in a list: nothing to add"
  }

  /// Removes the list item being edited (or the item the row is inside).
  static func removeItem(_ state: inout AppState) {
    guard var form = state.form, let row = current(form) else { return }
    var tokens = row.field.path.tokens
    while !tokens.isEmpty {
      let parent = JSONPointer(tokens: Array(tokens.dropLast()))
      if case .list = form.model.field(at: parent)?.kind, Int(tokens.last ?? "") != nil {
        form.model.removeItem(at: JSONPointer(tokens: tokens))
        let rows = form.model.rows
        form.row =
          rows.firstIndex { $0.field.path == parent } ?? min(form.row, max(0, rows.count - 1))
        state.form = form
        return
      }
      tokens.removeLast()
    }
    state.notice = "this field is not a list item: nothing to remove"
  }

  /// Runs call-form edits on another form kept in the state (an elicitation's, the catalog's):
  /// it stands in for the call form, which is kept and comes back unchanged, while `body` runs.
  static func on(
    _ form: WritableKeyPath<AppState, CallForm?>, _ state: inout AppState,
    _ body: (inout AppState) -> Void
  ) {
    guard let standIn = state[keyPath: form] else { return }
    let callForm = state.form
    let mode = state.mode
    state.form = standIn
    state.mode = .form
    body(&state)
    let edited = state.form
    state.form = callForm
    state.mode = mode
    state[keyPath: form] = edited
  }

  /// Moves the form's selection, and resets the highlight of a multiple choice and what was
  /// typed into a choice.
  static func moved(_ state: inout AppState) {
    state.form?.option = 0
    state.form?.query = ""
  }

  /// Ctrl-U: an explicit null in a nullable field (`anyOf: [T, null]`, `type: [T, "null"]`).
  static func setNull(_ state: inout AppState) {
    guard var form = state.form, let row = current(form) else { return }
    guard row.field.nullable else {
      state.notice = "\(row.field.label) cannot be null"
      return
    }
    form.model.setNull(at: row.field.path)
    form.query = ""
    state.form = form
  }

  /// Backspace: a null field becomes not set; a boolean, a choice or a multiple choice becomes not set (what was typed
  /// into a choice is forgotten); any other field loses its last character.
  static func deleteCharacter(_ state: inout AppState) {
    guard var form = state.form, let row = current(form) else { return }
    if case .null = form.model.input(at: row.field.path) {
      form.model.clear(at: row.field.path)
      state.form = form
      return
    }
    switch row.field.kind {
    case .boolean, .choice, .multiChoice:
      form.model.clear(at: row.field.path)
      form.query = ""
      state.form = form
    default:
      CallFlow.deleteCharacter(&state)
    }
  }
}
