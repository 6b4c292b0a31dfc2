import PreflightCore
import PreflightText

/// The first line of a headless report: the server's name, version and title, sanitized.
enum ServerHeading {
  static func text(server: ServerInfo, style: TerminalStyle) -> String {
    let name = UntrustedText.oneLine(
      server.name.isEmpty ? "(unnamed server)" : server.name, width: 60)
    var header = style.bold(name)
    if !server.version.isEmpty { header += " " + UntrustedText.oneLine(server.version, width: 30) }
    if let title = server.title { header += " — " + UntrustedText.oneLine(title, width: 60) }
    return header + "\n"
  }
}
