import PreflightJSON
import PreflightText
import ServerCheck

/// The human-readable connector check: the verdict, then findings grouped by severity (errors,
/// warnings, info), each with what ChatGPT does, the fix and the source, then one line a tool.
/// Every server string is sanitized before it is printed.
struct CheckReportText {
  let report: CheckReport
  let target: String
  let style: TerminalStyle

  var text: String {
    var out = style.bold("preflight check") + " " + UntrustedText.oneLine(target, width: 100) + "\n"
    if let server = report.server {
      out +=
        "server "
        + UntrustedText.oneLine(server["name"]?.stringValue ?? "?", width: 60) + " "
        + UntrustedText.oneLine(server["version"]?.stringValue ?? "", width: 30)
        + " · protocol "
        + UntrustedText.oneLine(server["protocolVersion"]?.stringValue ?? "?", width: 20)
        + "\n"
    }
    let verdictText: String
    switch report.verdict {
    case .connect: verdictText = style.green("ChatGPT would connect")
    case .connectWithWarnings: verdictText = style.yellow("ChatGPT would connect, with warnings")
    case .refuse: verdictText = style.red("ChatGPT would refuse or misbehave")
    }
    out +=
      "verdict: " + verdictText + " (\(report.count(.error)) errors, "
      + "\(report.count(.warning)) warnings, \(report.count(.info)) info)\n"
    for severity in CheckSeverity.allCases {
      // Each tool's approval is on its TOOLS line below.
      let group = report.findings.filter {
        $0.severity == severity && $0.rule != CheckRules.approval.id
      }
      guard !group.isEmpty else { continue }
      let title: String
      switch severity {
      case .error: title = style.red("ERRORS")
      case .warning: title = style.yellow("WARNINGS")
      case .info: title = style.cyan("INFO")
      }
      out += "\n" + style.bold(title) + " (\(group.count))\n"
      for finding in group {
        var head = "  [\(finding.rule)]"
        if let tool = finding.tool {
          head += " " + style.bold(UntrustedText.oneLine(tool, width: 48))
        }
        if let path = finding.path {
          head += " " + style.dim(UntrustedText.oneLine(path, width: 60))
        }
        out += head + "\n"
        out += "    " + UntrustedText.oneLine(finding.message, width: 400) + "\n"
        if severity != .info {
          out += "    ChatGPT: " + finding.chatgpt + "\n"
          out += "    Fix: " + finding.fix + "\n"
        }
        out += "    " + style.dim("Source: " + finding.source) + "\n"
        if !finding.evidence.isEmpty {
          out +=
            "    "
            + style.dim("Wire log: " + finding.evidence.map(String.init).joined(separator: ", "))
            + "\n"
        }
      }
    }
    out +=
      "\n" + style.dim("\"Wire log\" numbers are the seq of records in --wire-log FILE.") + "\n"
    if !report.tools.isEmpty {
      out += "\n" + style.bold("TOOLS") + " (\(report.tools.count))\n"
      let width = min(
        40, report.tools.map { UntrustedText.oneLine($0.name, width: 40).count }.max() ?? 0)
      for tool in report.tools {
        let name = UntrustedText.oneLine(tool.name, width: 40)
        let padded = name + String(repeating: " ", count: max(0, width - name.count))
        let action: String
        switch tool.chatgpt {
        case .runs: action = style.green(tool.chatgpt.phrase)
        case .asks: action = style.yellow(tool.chatgpt.phrase)
        case .hidden: action = style.dim(tool.chatgpt.phrase)
        case .refused: action = style.red(tool.chatgpt.phrase)
        }
        let who = tool.chatgpt == .hidden ? "" : "ChatGPT "
        out += "  \(padded)  \(who)\(action)  ~\(tool.estimatedTokens) tokens\n"
        out += "    " + style.dim(UntrustedText.oneLine(tool.reason, width: 200)) + "\n"
      }
    }
    return out
  }
}
