/// Repeat and share: the last call again, through the approval flow (a remembered choice
/// still applies), and the last call as a `preflight call …` command line.
enum RepeatShareFlow {
  /// Calls the last tool called again with the same arguments.
  static func repeatLast(_ state: inout AppState) -> [Effect] {
    guard let call = state.lastCall?.call else {
      state.notice = "no call yet: press c on a tool to call it"
      return []
    }
    guard state.connection == .ready else {
      state.notice = "not connected — nothing to call"
      return []
    }
    guard let tool = state.tools.items.first(where: { $0.name == call.name })?.raw else {
      state.notice = "the server no longer lists \(call.name): nothing was sent"
      return []
    }
    state.mode = .normal
    return CallFlow.dispatch(call, tool: tool, origin: "repeat", &state)
  }

  /// Opens the share box on the last call's command line (with the request `_meta` as it
  /// stands, `--request-meta` and the edits) and asks for it to be copied.
  static func share(_ state: inout AppState) -> [Effect] {
    guard let call = state.lastCall?.call else {
      state.notice = "no call yet: press c on a tool to call it"
      return []
    }
    // The _meta the call would carry now: --request-meta with the edits made with m over it.
    let line = CallCommandLine.make(
      call, words: state.header.commandWords,
      requestMeta: state.requestMeta.commandLineEquivalent)
    state.sharedCommand = line
    state.sharedFrom = state.mode
    state.mode = .shareCommand
    return [.copyToClipboard(line)]
  }

  /// Closes the share box, back where it was opened.
  static func close(_ state: inout AppState) {
    state.mode = state.sharedFrom == .shareCommand ? .normal : state.sharedFrom
    state.sharedCommand = nil
  }
}
