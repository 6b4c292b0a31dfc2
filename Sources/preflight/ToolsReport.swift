import ApprovalPolicy
import PreflightCore
import PreflightJSON
import PreflightText

/// The human-readable tool list: one line a tool with its kind and what ChatGPT does, then its
/// description's first line. Every server string is sanitized before it is printed.
struct ToolsReport {
  let server: ServerInfo
  let listing: ToolListing
  let policy: Policy
  let transport: String
  let style: TerminalStyle
  let width: Int

  var text: String {
    var out = ""
    let name = UntrustedText.oneLine(
      server.name.isEmpty ? "(unnamed server)" : server.name, width: 60)
    var header = style.bold(name)
    if !server.version.isEmpty { header += " " + UntrustedText.oneLine(server.version, width: 30) }
    if let title = server.title { header += " — " + UntrustedText.oneLine(title, width: 60) }
    out += header + "\n"
    out +=
      style.dim(
        "protocol \(UntrustedText.sanitize(server.protocolVersion)) · \(transport) · "
          + "\(listing.tools.count) tool\(listing.tools.count == 1 ? "" : "s") in "
          + "\(listing.pages) page\(listing.pages == 1 ? "" : "s") · policy \(policy.name)")
      + "\n\n"
    let serverName = server.name
    let modelTools = listing.tools.filter { !ToolVisibility(tool: $0).hiddenFromModel }
    let widgetTools = listing.tools.filter { ToolVisibility(tool: $0).hiddenFromModel }
    let rows = modelTools.map { tool -> (String, String, String, String, String) in
      let facts = ToolFacts(tool: tool, server: serverName)
      let decision = ApprovalPolicy.decide(facts, policy: policy)
      let verdict: String
      switch decision.kind {
      case .run: verdict = "runs"
      case .ask: verdict = "asks"
      case .refuse: verdict = "refused"
      }
      let rawName = tool["name"]?.stringValue ?? "(no name)"
      let title = tool["title"]?.stringValue ?? tool["annotations"]?["title"]?.stringValue ?? ""
      return (
        UntrustedText.oneLine(rawName, width: 48), UntrustedText.oneLine(title, width: 40),
        kind(facts), verdict,
        UntrustedText.oneLine(tool["description"]?.stringValue ?? "", width: max(20, width - 6))
      )
    }
    let nameWidth = min(40, rows.map(\.0.count).max() ?? 0)
    let titleWidth = min(32, rows.map(\.1.count).max() ?? 0)
    let kindWidth = rows.map(\.2.count).max() ?? 0
    for row in rows {
      let verdict = row.3 == "runs" ? style.green("runs") : style.yellow(row.3)
      out +=
        "  " + style.bold(pad(row.0, nameWidth)) + "  " + pad(row.1, titleWidth) + "  "
        + pad(row.2, kindWidth) + "  ChatGPT " + verdict + "\n"
      if !row.4.isEmpty { out += "    " + style.dim(row.4) + "\n" }
    }
    if !widgetTools.isEmpty {
      out +=
        "\n" + style.bold("Widget only")
        + style.dim(" — hidden from the model; only the widget may call these") + "\n"
      for tool in widgetTools {
        let name = UntrustedText.oneLine(tool["name"]?.stringValue ?? "(no name)", width: 48)
        let why = ToolVisibility(tool: tool).hiddenBy?.rawValue ?? ""
        out += "  " + style.bold(pad(name, nameWidth)) + "  " + style.dim("hidden by \(why)") + "\n"
      }
    }
    let notes = listing.tools.compactMap { tool in
      MutatingNameHeuristic.finding(for: ToolFacts(tool: tool, server: serverName))
    }
    if !notes.isEmpty {
      out += "\n" + style.bold("Read-only hints to check") + "\n"
      for note in notes { out += "  " + style.dim("note: ") + UntrustedText.sanitize(note) + "\n" }
    }
    return out
  }

  private func pad(_ s: String, _ width: Int) -> String {
    s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
  }

  /// `read-only`, or `write` with `destructive` / `open-world` / `no annotations`, in words.
  private func kind(_ facts: ToolFacts) -> String {
    if !facts.hasAnnotationsObject { return "write (no annotations)" }
    if facts.readOnly.isTrue { return "read-only" }
    var parts = ["write"]
    if facts.destructive.isTrue { parts.append("destructive") }
    if facts.openWorld.isTrue { parts.append("open-world") }
    return parts.joined(separator: " · ")
  }
}
