import ApprovalPolicy
import Testing

/// One row of a decision table: the rule it checks, the input, and what must come out.
struct DecisionRow: Sendable, CustomTestStringConvertible {
  /// The rule in chatgpt-approval.md the row checks, e.g. "§1 readOnlyHint absent".
  let rule: String
  let policy: Policy
  let facts: ToolFacts
  let kind: Decision.Kind
  let hint: HintName?
  /// Text the reason must contain.
  let reason: String

  init(
    _ rule: String, _ policy: Policy, _ facts: ToolFacts, _ kind: Decision.Kind,
    hint: HintName?, reason: String
  ) {
    self.rule = rule
    self.policy = policy
    self.facts = facts
    self.kind = kind
    self.hint = hint
    self.reason = reason
  }

  var testDescription: String { "\(rule) (\(policy) → \(kind))" }
}
