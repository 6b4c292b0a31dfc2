import Foundation
import HostFlow
import PreflightCore
import PreflightText

/// The human-readable account of read-only tools whose hint looks untrue: each finding with
/// the wire-log records that show it. Empty when there are none.
struct HintFindingsReport {
  let findings: [HintFinding]
  let style: TerminalStyle

  var text: String {
    guard !findings.isEmpty else { return "" }
    var out = "\n" + style.bold("Read-only hints that look untrue") + "\n"
    for finding in findings {
      let label =
        finding.rule == .readOnlyMutates ? style.yellow("warning") : style.dim("note")
      out +=
        "  " + label + " " + style.bold(UntrustedText.oneLine(finding.tool, width: 60))
        + "  " + style.dim(finding.rule.rawValue) + "\n"
      out += "    " + UntrustedText.sanitize(finding.message) + "\n"
      for frame in finding.evidence {
        out +=
          "    "
          + style.dim(
            "record \(frame.seq) at \(WireRecord.formatTime(frame.timeMillis)): "
              + UntrustedText.sanitize(frame.what)) + "\n"
      }
    }
    return out
  }
}
