/// The conversation's marks in the header: how many choices are remembered, a tool list the
/// server changed that ChatGPT would ignore until Refresh, and the scenario's progress.
enum ConversationBadges {
  static func header(_ state: AppState) -> [String] {
    var out: [String] = []
    let remembered = state.ledger.entries(in: state.conversation).count
    if remembered > 0 { out.append("\(remembered) remembered") }
    if state.toolsStale { out.append("⚑ tools changed: r") }
    if let walk = state.scenario { out.append("scenario \(walk.next)/\(walk.calls.count)") }
    return out
  }
}
