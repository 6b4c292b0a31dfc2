extension CheckEngine {
  /// Error rules about one tool's definition that make ChatGPT reject the tool (or the whole
  /// tool list) when the connector is created or refreshed: a name it cannot call, parameters
  /// that are not an object schema the model API accepts, the 5,000-token limit, file
  /// parameters it cannot fill. Errors that leave the tool callable but misbehaving
  /// (`tools.output-schema.invalid` and `calls.output-schema`: every result a schema mismatch;
  /// `tools.invocation-text`: a status text over 64 characters; `templates.unresolved`; the
  /// auth challenge) do not refuse it.
  public static let toolRefusingRules: Set<String> = [
    CheckRules.duplicateName.id, CheckRules.inputSchemaObject.id, CheckRules.inputSchemaInvalid.id,
    CheckRules.toolTokens.id, CheckRules.fileParamsType.id, CheckRules.fileParamsName.id,
    CheckRules.fileParamsSchema.id,
  ]

  /// The verdicts with each tool that has a refusing error finding turned to ``ToolVerdict/Action/refused``,
  /// the reason naming the rules. A tool hidden from the model stays hidden.
  static func refusing(_ verdicts: [ToolVerdict], for findings: [CheckFinding]) -> [ToolVerdict] {
    verdicts.map { verdict in
      guard verdict.chatgpt != .hidden else { return verdict }
      let rules = findings.filter {
        $0.tool == verdict.name && $0.severity == .error && toolRefusingRules.contains($0.rule)
      }.map(\.rule)
      guard !rules.isEmpty else { return verdict }
      var unique: [String] = []
      for rule in rules where !unique.contains(rule) { unique.append(rule) }
      var refused = verdict
      refused.chatgpt = .refused
      refused.reason =
        "ChatGPT rejects its definition (" + unique.joined(separator: ", ") + "); otherwise: "
        + verdict.reason
      return refused
    }
  }
}
