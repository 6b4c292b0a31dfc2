import PreflightCore
import PreflightJSON

/// A server's elicitation in the TUI: it takes the screen over whatever was open. In form mode
/// the requested schema becomes a form (the call form's machinery): typing fills the selected
/// field, Tab/↑↓ move, ←→ and Space choose, Enter accepts with the values once they check
/// (errors show at their fields). `a` accepts a URL request (consent, never opening it) or a
/// form with no fields; `d` (Ctrl-D while a form has fields) declines, Esc cancels.
enum ElicitationFlow {
  /// A request arrived: it is queued and takes the screen (over a form or card, which come
  /// back once it is answered).
  static func requested(_ prompt: ElicitationPrompt, _ state: inout AppState) {
    state.elicitations.append(prompt)
    if state.elicitations.count == 1 { prepareForm(&state) }
    state.mode = .elicitation
  }

  /// Whether keys type into the first request's form (form mode with at least one field).
  static func typing(_ state: AppState) -> Bool {
    !(state.elicitationForm?.model.rows.isEmpty ?? true)
  }

  /// The status line's keys for the first request: a URL request is accepted with `a`, a form
  /// with Enter; while a form's fields take typing, `a` and `d` type, so decline shows as
  /// Ctrl-D.
  static func statusBindings(_ bindings: [KeyBinding], _ state: AppState) -> [KeyBinding] {
    let form = state.elicitations.first?.request.mode == .form
    let typing = typing(state)
    return bindings.compactMap { binding in
      var shown = binding
      switch binding.action {
      case .approve:
        if typing { return nil }
        shown.label = form ? "accept" : "accept URL"
      case .submit:
        if !form || !typing { return nil }
        shown.label = "accept"
      case .deny where typing:
        shown.keys = binding.keys.filter { if case .control = $0 { true } else { false } }
      default:
        break
      }
      return shown
    }
  }

  /// Types `c` into the selected field of the request's form.
  static func type(_ c: Character, _ state: inout AppState) {
    editing(&state) { FormEditing.type(c, &$0) }
  }

  /// An action while the request is shown.
  static func perform(_ action: Action, _ state: inout AppState) -> [Effect] {
    guard let prompt = state.elicitations.first else {
      state.mode = .normal
      return []
    }
    let answer: ElicitationAnswer
    switch action {
    case .submit where prompt.request.mode != .form:
      return []
    case .approve, .submit:
      guard prompt.request.mode == .form else {
        answer = .accept(Optional.none)
        break
      }
      guard var form = state.elicitationForm else {
        answer = .accept(prompt.defaults)
        break
      }
      form.triedSubmit = true
      state.elicitationForm = form
      guard form.model.errors.isEmpty else {
        state.notice = "fix the fields marked ✕ first; nothing was sent"
        return []
      }
      answer = .accept(form.model.value)
    case .deny:
      answer = .decline
    case .back:
      answer = .cancel
    case .up, .down, .nextChoice, .previousChoice, .deleteCharacter, .setNull:
      editing(&state) { state in
        switch action {
        case .up: AppUpdate.move(&state, by: -1)
        case .down: AppUpdate.move(&state, by: 1)
        case .nextChoice: FormEditing.change(by: 1, &state)
        case .previousChoice: FormEditing.change(by: -1, &state)
        case .deleteCharacter: FormEditing.deleteCharacter(&state)
        default: FormEditing.setNull(&state)
        }
      }
      return []
    default:
      return []
    }
    state.elicitations.removeFirst()
    prepareForm(&state)
    if !state.elicitations.isEmpty {
      state.mode = .elicitation
    } else if state.form != nil {
      state.mode = .form
    } else if state.approval != nil {
      state.mode = .approval
    } else {
      state.mode = .normal
    }
    state.notice = "answered \(prompt.server)'s request: \(answer.action)"
    return [.answerElicitation(id: prompt.id, answer: answer)]
  }

  /// Makes the form for the first waiting request (form mode), or none.
  static func prepareForm(_ state: inout AppState) {
    guard let prompt = state.elicitations.first, prompt.request.mode == .form else {
      state.elicitationForm = nil
      return
    }
    let schema = prompt.request.requestedSchema ?? .object(JSONObject())
    state.elicitationForm = CallForm(
      tool: .object(
        JSONObject([
          JSONMember(key: "name", value: .string(prompt.server)),
          JSONMember(key: "inputSchema", value: schema),
        ])),
      previous: nil)
  }

  /// Runs a call-form edit on the request's form.
  static func editing(_ state: inout AppState, _ body: (inout AppState) -> Void) {
    FormEditing.on(\.elicitationForm, &state, body)
  }

}
