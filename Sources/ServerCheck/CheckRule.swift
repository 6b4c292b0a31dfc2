/// One rule of the connector check: what it looks at, why ChatGPT cares, how to fix it, and
/// where that comes from. The catalog is ``CheckRules``; `docs/check-rules.md` publishes it.
public struct CheckRule: Sendable, Hashable {
  /// The stable id, such as `tools.annotations.missing`.
  public var id: String
  /// The severity of its findings.
  public var severity: CheckSeverity
  /// What ChatGPT does when the rule is broken.
  public var chatgpt: String
  /// How to fix it.
  public var fix: String
  /// Where the rule comes from: a URL, or a section of Preflight's reference files.
  public var source: String

  /// Makes a rule.
  public init(
    id: String, severity: CheckSeverity, chatgpt: String, fix: String, source: String
  ) {
    self.id = id
    self.severity = severity
    self.chatgpt = chatgpt
    self.fix = fix
    self.source = source
  }

  /// A finding of this rule.
  public func finding(
    _ message: String, tool: String? = nil, path: String? = nil, evidence: [Int] = []
  ) -> CheckFinding {
    CheckFinding(
      rule: id, severity: severity, tool: tool, path: path, message: message, chatgpt: chatgpt,
      fix: fix, source: source, evidence: evidence)
  }
}
