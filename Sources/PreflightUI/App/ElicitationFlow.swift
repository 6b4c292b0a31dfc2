import PreflightCore
import PreflightJSON

/// A server's elicitation in the TUI: it takes the screen over whatever was open, `a` accepts
/// (form: with the defaults shown; URL: consent, never opening it), `d` declines, Esc cancels.
enum ElicitationFlow {
  /// A request arrived: it is queued and takes the screen (over a form or card, which come
  /// back once it is answered).
  static func requested(_ prompt: ElicitationPrompt, _ state: inout AppState) {
    state.elicitations.append(prompt)
    state.mode = .elicitation
  }

  /// An action while the request is shown.
  static func perform(_ action: Action, _ state: inout AppState) -> [Effect] {
    guard let prompt = state.elicitations.first else {
      state.mode = .normal
      return []
    }
    let answer: ElicitationAnswer
    switch action {
    case .approve:
      // Spelled out: a bare nil in the conditional would become JSON null, not "no content".
      let content: JSONValue? = prompt.request.mode == .form ? prompt.defaults : Optional.none
      answer = .accept(content)
    case .deny:
      answer = .decline
    case .back:
      answer = .cancel
    default:
      return []
    }
    state.elicitations.removeFirst()
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
}
