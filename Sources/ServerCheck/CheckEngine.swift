import ApprovalPolicy
import PreflightJSON

/// The connector check's rules as pure functions: an observation in, findings out. Nothing
/// here touches the network; the gatherer in the executable fills in ``CheckObservation``.
public enum CheckEngine {
  /// The protocol versions ChatGPT is seen to negotiate with `initialize` (chatgpt-approval.md
  /// §12).
  public static let chatgptVersions = ["2025-03-26", "2025-06-18", "2025-11-25"]
  /// The version ChatGPT's `server/discover` probe asks for.
  public static let modernVersion = "2026-07-28"

  /// Every finding for `observation`, in rule order (not yet sorted by severity), with the
  /// tool verdicts under `policy`.
  public static func run(
    _ observation: CheckObservation, policy: Policy = .chatgpt
  ) -> (findings: [CheckFinding], tools: [ToolVerdict]) {
    var findings = connectionFindings(observation)
    findings += redirectFindings(observation)
    findings += discoverFindings(observation)
    findings += initializeFindings(observation)
    let (toolFindings, verdicts) = toolFindings(observation, policy: policy)
    findings += toolFindings
    findings += templateFindings(observation)
    findings += authFindings(observation)
    findings += callFindings(observation)
    findings += authChallengeFindings(observation)
    return (findings, refusing(verdicts, for: findings))
  }

  /// The wire-log seq of the `tools/list` page that carried each tool, by position.
  static func toolEvidence(_ observation: CheckObservation) -> [[Int]] {
    var result: [[Int]] = []
    for (index, page) in observation.toolPages.enumerated() {
      let seq = index < observation.toolsEvidence.count ? [observation.toolsEvidence[index]] : []
      for _ in page["tools"]?.arrayValue ?? [] { result.append(seq) }
    }
    return result
  }

  /// A JSON pointer token for a member name.
  static func pointer(_ parts: String...) -> String {
    parts.map {
      "/" + $0.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }.joined()
  }

  /// Text quoted for a message, cut to `limit` characters.
  static func quoted(_ text: String, limit: Int = 60) -> String {
    let cut = text.count > limit ? String(text.prefix(limit)) + "…" : text
    return "\"" + cut + "\""
  }
}
