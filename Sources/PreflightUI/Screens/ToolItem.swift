import ApprovalPolicy
import PreflightJSON

/// One tool as the list shows it, derived from the raw tool object (which it keeps).
public struct ToolItem: Sendable, Hashable {
  /// The tool exactly as the server sent it.
  public var raw: JSONValue
  /// The hints as declared.
  public var facts: ToolFacts
  /// What the policy does with a call of it.
  public var decision: Decision.Kind
  /// Why, naming the hint that decided.
  public var reason: String

  /// Derives an item.
  public init(raw: JSONValue, server: String, policy: Policy) {
    self.raw = raw
    facts = ToolFacts(tool: raw, server: server)
    let decided = ApprovalPolicy.decide(facts, policy: policy)
    decision = decided.kind
    reason = decided.reason
  }

  /// The programmatic name.
  public var name: String { raw["name"]?.stringValue ?? "(no name)" }

  /// The display title, if any (`title`, else `annotations.title`).
  public var title: String? {
    raw["title"]?.stringValue ?? raw["annotations"]?["title"]?.stringValue
  }

  /// The kind in one word, never by colour alone: `read`, `write`, `destructive`, `open-world`.
  public var kindWord: String {
    if facts.readOnly.isTrue { return "read" }
    if facts.destructive.isTrue { return "destructive" }
    if facts.openWorld.isTrue { return "open-world" }
    return "write"
  }

  /// Whether ChatGPT would hide it from the model (`_meta.ui.visibility` without `model`, or
  /// `openai/visibility: private`).
  public var hiddenFromModel: Bool { ToolVisibility(tool: raw).hiddenFromModel }

  /// Whether a hint ChatGPT's 2026 rules require is missing, null or not a boolean.
  public var hintsMissing: Bool { !facts.missingHints.isEmpty }
}
