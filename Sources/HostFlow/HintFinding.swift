import PreflightJSON

/// A tool whose `readOnlyHint: true` looks untrue: from what followed its calls on the wire
/// (strong), or from its name alone (weak). ChatGPT runs such a tool without asking.
public struct HintFinding: Sendable, Hashable {
  /// Which check found it.
  public enum Rule: String, Sendable, Hashable, CaseIterable {
    /// A call was followed by `notifications/resources/updated`, a `list_changed`, or a changed
    /// `resources/read` / `tools/list` answer.
    case readOnlyMutates = "read-only-mutates"
    /// The name starts with a mutating verb (``MutatingNameHeuristic``).
    case readOnlyMutatingName = "read-only-mutating-name"

    /// `warning` for behaviour seen on the wire, `info` for the name heuristic.
    public var severity: String {
      self == .readOnlyMutates ? "warning" : "info"
    }
  }

  /// The tool's name.
  public var tool: String
  /// Which check found it.
  public var rule: Rule
  /// In words, naming the evidence.
  public var message: String
  /// The wire-log `seq` of each `tools/call` request of the tool that was followed by evidence.
  public var calls: [Int]
  /// The records that show it; empty for the name heuristic.
  public var evidence: [HintEvidence]

  /// Makes a finding.
  public init(
    tool: String, rule: Rule, message: String, calls: [Int] = [], evidence: [HintEvidence] = []
  ) {
    self.tool = tool
    self.rule = rule
    self.message = message
    self.calls = calls
    self.evidence = evidence
  }

  /// The finding as JSON: `evidence` lists `seq` numbers (as `check --json` does) and `frames`
  /// gives each with its time and what it shows.
  public var json: JSONValue {
    var o = JSONObject()
    o["tool"] = .string(tool)
    o["rule"] = .string(rule.rawValue)
    o["severity"] = .string(rule.severity)
    o["message"] = .string(message)
    o["calls"] = .array(calls.map { .int($0) })
    o["evidence"] = .array(evidence.map { .int($0.seq) })
    o["frames"] = .array(evidence.map(\.json))
    return .object(o)
  }
}
