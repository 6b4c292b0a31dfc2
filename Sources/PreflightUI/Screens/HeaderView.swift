import TerminalGrid

/// The top line: the server, the transport and target, the protocol, profile and policy, and
/// the connection state in words.
enum HeaderView {
  static func render(_ state: AppState, in rect: Rect, into grid: inout CellGrid) {
    grid.fill(rect, with: Cell(text: " ", width: 1, style: Style(reverse: true)))
    let bar = Style(reverse: true)
    let (symbol, word, stateStyle) = indicator(state.connection)
    let right = "\(symbol) \(word) "
    let rightWidth = DisplayWidth.of(right)
    var line: [Span] = [Span(" Preflight ", Style(bold: true, reverse: true))]
    if let server = state.server {
      var name = server.name.isEmpty ? "(unnamed)" : server.name
      if !server.version.isEmpty { name += " " + server.version }
      line.append(Span(" " + name, Style(bold: true, reverse: true)))
      if state.isWide, let title = server.title { line.append(Span(" “\(title)”", bar)) }
    }
    var details = [state.header.transport + ": " + state.header.target]
    if !state.isWide { details = [state.header.transport] }
    details += ConversationBadges.header(state)
    if let version = state.server?.protocolVersion { details.append("MCP " + version) }
    if state.isWide, let session = state.sessionID {
      details.append("session " + (session.count > 12 ? String(session.prefix(8)) + "…" : session))
    }
    details.append("profile " + state.header.profile)
    details.append("policy " + state.header.policy)
    line.append(Span(" · " + details.joined(separator: " · "), bar))
    let available = max(0, rect.width - rightWidth - 1)
    StyledLine(line).draw(into: &grid, x: rect.x, y: rect.y, width: available)
    grid.put(
      right, x: rect.x + rect.width - rightWidth, y: rect.y,
      style: Style(foreground: stateStyle.foreground, bold: true, reverse: true))
  }

  static func indicator(_ connection: ConnectionState) -> (String, String, Style) {
    switch connection {
    case .ready: ("●", "ready", Palette.ok)
    case .connecting: ("◌", "connecting", Palette.write)
    case .reconnecting: ("◌", "reconnecting", Palette.write)
    case .failed: ("✕", "failed", Palette.error)
    case .disconnected: ("✕", "disconnected", Palette.error)
    }
  }
}
