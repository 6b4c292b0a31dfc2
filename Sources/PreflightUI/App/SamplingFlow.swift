/// A server's sampling request in the TUI: it takes the screen, `a` sends the canned reply (when
/// there is one), `w` writes a reply (starting from the canned one, if any; typing fills it,
/// Enter sends it as the assistant's message, Esc stops writing), `d` or Esc rejects (code -1).
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
    case .writeReply:
      if state.samplingDraft == nil {
        state.samplingDraft = prompt.canned.map { SamplingPrompt.text($0["content"]) } ?? ""
      }
      return []
    case .deleteCharacter:
      if state.samplingDraft?.isEmpty == false { state.samplingDraft?.removeLast() }
      return []
    case .submit:
      guard let draft = state.samplingDraft else { return [] }
      guard !draft.allSatisfy(\.isWhitespace) else {
        state.notice = "the reply is empty: type it, or Esc and d rejects"
        return []
      }
      reply = .written(draft)
    case .deny where state.samplingDraft != nil, .back where state.samplingDraft != nil:
      state.samplingDraft = nil
      return []
    case .approve:
      guard prompt.canned != nil else {
        state.notice = "no canned reply to send: w writes one; d rejects"
        return []
      }
      reply = .canned
    case .deny, .back:
      reply = .reject
    default:
      return []
    }
    state.samplings.removeFirst()
    state.samplingDraft = nil
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
    let what: String
    switch reply {
    case .canned: what = "canned reply sent"
    case .written: what = "your reply sent"
    case .reject: what = "rejected"
    }
    state.notice = "answered \(prompt.server)'s sampling request: \(what)"
    return [.answerSampling(id: prompt.id, reply: reply)]
  }
}
