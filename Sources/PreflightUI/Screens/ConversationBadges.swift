/// The conversation's marks in the header: how many choices are remembered, a tool list the
/// server changed that ChatGPT would ignore until Refresh, the scenario's progress, and a
/// request `_meta` edited in the TUI.
enum ConversationBadges {
  static func header(_ state: AppState) -> [String] {
    var out: [String] = []
    let remembered = state.ledger.entries(in: state.conversation).count
    if remembered > 0 { out.append("\(remembered) remembered") }
    if state.toolsStale { out.append("⚑ tools changed: r") }
    if let walk = state.scenario { out.append("scenario \(walk.next)/\(walk.calls.count)") }
    if state.requestMeta.isEdited { out.append("meta: edited") }
    return out
  }
}
