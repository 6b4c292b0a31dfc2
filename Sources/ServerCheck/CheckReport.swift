import ApprovalPolicy
import PreflightJSON

/// The connector check's answer: findings grouped by severity, the tool verdicts, the overall
/// verdict and the exit code (cli.md).
public struct CheckReport: Sendable, Hashable {
  /// The JSON document's `schema` value; bumped only when a field changes meaning or goes.
  public static let schemaVersion = 1

  /// Findings, errors first, then warnings, then info; in rule order within a severity.
  public var findings: [CheckFinding]
  /// What ChatGPT does with each tool.
  public var tools: [ToolVerdict]
  /// The overall verdict.
  public var verdict: CheckVerdict
  /// Name, version and protocol version of the server, when it answered initialize.
  public var server: JSONValue?
  /// Whether the server could not be reached at all (exit 3).
  public var unreachable: Bool
  /// Whether the server asked for authentication (HTTP 401 or 403) and so could not be checked
  /// further (exit 1). A server that answered 401 only without the user's `-H`/`--bearer`
  /// was checked with them and exits on its findings.
  public var authRequired: Bool

  /// Runs the rules on `observation` and adds `extra` findings (the baseline diff).
  public init(
    observation: CheckObservation, policy: Policy = .chatgpt, extra: [CheckFinding] = []
  ) {
    let (found, verdicts) = CheckEngine.run(observation, policy: policy)
    let all = found + extra
    findings = CheckSeverity.allCases.flatMap { severity in all.filter { $0.severity == severity } }
    tools = verdicts
    verdict = CheckVerdict(findings: all)
    authRequired =
      (observation.auth?.status == 401 || observation.auth?.status == 403)
      && observation.initializeResult == nil
    unreachable = all.contains { $0.rule == CheckRules.reachable.id }
    if let result = observation.initializeResult {
      var o = JSONObject()
      o["name"] = result["serverInfo"]?["name"] ?? .null
      o["version"] = result["serverInfo"]?["version"] ?? .null
      o["protocolVersion"] = result["protocolVersion"] ?? .null
      server = .object(o)
    }
  }

  /// cli.md's exit code: 3 when the server could not be reached, 1 for error findings or a
  /// server that requires authentication, else 0.
  public var exitCode: Int32 {
    if unreachable { return 3 }
    if authRequired || verdict == .refuse { return 1 }
    return 0
  }

  /// How many findings of a severity.
  public func count(_ severity: CheckSeverity) -> Int {
    findings.filter { $0.severity == severity }.count
  }

  /// The `check --json` document (schema in `docs/check-rules.md`).
  public var json: JSONValue {
    var o = JSONObject()
    o["schema"] = .int(Self.schemaVersion)
    o["verdict"] = .string(verdict.rawValue)
    o["server"] = server ?? .null
    o["counts"] = [
      "error": .int(count(.error)), "warning": .int(count(.warning)), "info": .int(count(.info)),
    ]
    o["findings"] = .array(findings.map(\.json))
    o["tools"] = .array(tools.map(\.json))
    return .object(o)
  }
}
