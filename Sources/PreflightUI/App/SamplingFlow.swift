/// A server's sampling request in the TUI: it takes the screen, `a` sends the canned reply (when
/// there is one), `d` or Esc rejects (code -1).
enum SamplingFlow {
  /// A request arrived: queued, and shown.
  static func requested(_ prompt: SamplingPrompt, _ state: inout AppState) {
    state.samplings.append(prompt)
    state.mode = .sampling
  }

  /// An action while the request is shown.
  static func perform(_ action: Action, _ state: inout AppState) -> [Effect] {
    guard let prompt = state.samplings.first else {
      state.mode = .normal
      return []
    }
    let reply: SamplingPrompt.Reply
    switch action {
    case .approve:
      guard prompt.canned != nil else {
        state.notice = "no canned reply to send: --sampling-reply FILE gives some; d rejects"
        return []
      }
      reply = .canned
    case .deny, .back:
      reply = .reject
    default:
      return []
    }
    state.samplings.removeFirst()
    if !state.samplings.isEmpty {
      state.mode = .sampling
    } else if !state.elicitations.isEmpty {
      state.mode = .elicitation
    } else if state.form != nil {
      state.mode = .form
    } else if state.approval != nil {
      state.mode = .approval
    } else {
      state.mode = .normal
    }
    state.notice =
      "answered \(prompt.server)'s sampling request: "
      + (reply == .canned ? "canned reply sent" : "rejected")
    return [.answerSampling(id: prompt.id, reply: reply)]
  }
}
