import PreflightJSON

/// One thing the connector check found, in the shape of cli.md's `check --json` findings.
public struct CheckFinding: Sendable, Hashable {
  /// The rule id.
  public var rule: String
  /// Its severity.
  public var severity: CheckSeverity
  /// The tool concerned, if any.
  public var tool: String?
  /// A JSON pointer into the tool (or the field concerned), if any.
  public var path: String?
  /// What was found, in words.
  public var message: String
  /// What ChatGPT does with it.
  public var chatgpt: String
  /// How to fix it.
  public var fix: String
  /// Where the rule comes from.
  public var source: String
  /// Wire-log `seq` numbers of the frames that show it.
  public var evidence: [Int]

  /// Makes a finding.
  public init(
    rule: String, severity: CheckSeverity, tool: String? = nil, path: String? = nil,
    message: String, chatgpt: String, fix: String, source: String, evidence: [Int] = []
  ) {
    self.rule = rule
    self.severity = severity
    self.tool = tool
    self.path = path
    self.message = message
    self.chatgpt = chatgpt
    self.fix = fix
    self.source = source
    self.evidence = evidence
  }

  /// The finding as cli.md's JSON object; `tool` and `path` are `null` when not set.
  public var json: JSONValue {
    var o = JSONObject()
    o["rule"] = .string(rule)
    o["severity"] = .string(severity.rawValue)
    o["tool"] = tool.map(JSONValue.string) ?? .null
    o["path"] = path.map(JSONValue.string) ?? .null
    o["message"] = .string(message)
    o["chatgpt"] = .string(chatgpt)
    o["fix"] = .string(fix)
    o["source"] = .string(source)
    o["evidence"] = .array(evidence.map { .int($0) })
    return .object(o)
  }
}
