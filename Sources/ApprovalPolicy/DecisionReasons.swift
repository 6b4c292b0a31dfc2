/// The plain-words reasons the policy gives; each names the hint or choice that decided.
///
/// These are Preflight's explanations, not ChatGPT's wording, so they are not captions.
enum DecisionReasons {
  /// How hints were declared, e.g. `destructiveHint and openWorldHint are false`.
  ///
  /// A note is added when the tool has no annotations object.
  static func state(_ hints: [HintName], of facts: ToolFacts) -> String {
    let values = hints.map { facts[$0] }
    let phrase: String
    if hints.count > 1, Set(values.map(\.description)).count == 1 {
      let names = hints.map(\.key).joined(separator: " and ")
      phrase = "\(names) are \(values[0])"
    } else {
      phrase = zip(hints, values).map { "\($0.key) is \($1)" }.joined(separator: " and ")
    }
    let noAnnotations = !facts.hasAnnotationsObject && values.contains { $0 == .absent }
    return noAnnotations ? "\(phrase) (no annotations object)" : phrase
  }

  /// chatgpt-approval.md §1: `readOnlyHint: true` runs without a card.
  static func chatgptRead(_ facts: ToolFacts) -> String {
    "\(state([.readOnly], of: facts)), so ChatGPT runs \(facts.name) without asking"
  }

  /// chatgpt-approval.md §1: anything but `readOnlyHint: true` is a write action.
  static func chatgptWrite(_ facts: ToolFacts) -> String {
    "\(state([.readOnly], of: facts)), so ChatGPT treats \(facts.name) as a write action"
  }

  /// chatgpt-approval.md §6, Codex: asks because of the given hints.
  static func codexAsks(_ hints: [HintName], _ facts: ToolFacts) -> String {
    let missing = hints.contains { facts[$0].isMissing }
    let note = missing ? " (Codex counts a missing hint as true)" : ""
    return "\(state(hints, of: facts)), so Codex asks before running \(facts.name)\(note)"
  }

  /// chatgpt-approval.md §6, Codex: runs because of the given hints.
  static func codexRuns(_ hints: [HintName], _ facts: ToolFacts) -> String {
    "\(state(hints, of: facts)), so Codex runs \(facts.name) without asking"
  }

  /// chatgpt-approval.md §6: the read-only policy runs a read-only tool.
  static func readOnlyPolicyRuns(_ facts: ToolFacts) -> String {
    "\(state([.readOnly], of: facts)), so the read-only policy runs \(facts.name)"
  }

  /// chatgpt-approval.md §6: the read-only policy refuses a write.
  static func readOnlyPolicyRefuses(_ facts: ToolFacts) -> String {
    "\(state([.readOnly], of: facts)) and the read-only policy refuses write actions; "
      + "nothing is sent"
  }

  /// chatgpt-approval.md §6: always-ask.
  static func alwaysAsks(_ facts: ToolFacts) -> String {
    "the always-ask policy asks before every call, \(facts.name) included"
  }

  /// chatgpt-approval.md §6: never-ask.
  static func neverAsks(_ facts: ToolFacts) -> String {
    "the never-ask policy runs \(facts.name) without asking"
  }

  /// chatgpt-approval.md §3: a remembered choice replaces the card.
  static func remembered(_ choice: ApprovalChoice, _ facts: ToolFacts, _ policy: Policy)
    -> String
  {
    switch choice {
    case .approve:
      "remembered: \(facts.name) was approved earlier in \(policy.rememberScope), "
        + "so it runs without asking"
    case .deny:
      "remembered: \(facts.name) was denied earlier in \(policy.rememberScope); nothing is sent"
    }
  }

  /// chatgpt-approval.md §3: the choice was stored in the ledger.
  static func rememberedNow(_ choice: ApprovalChoice, _ policy: Policy) -> String {
    let what = choice == .approve ? "approval" : "denial"
    return "\(what) remembered for \(policy.rememberScope)"
  }

  /// chatgpt-approval.md §3, §6: the policy does not remember this choice.
  static func countsOnce(_ choice: ApprovalChoice, _ policy: Policy) -> String {
    let what = choice == .approve ? "approval" : "denial"
    let remembers = policy.remembersAnything ? "remembers approvals only" : "remembers nothing"
    return "the \(policy.name) policy \(remembers), so this \(what) counts once"
  }

  /// A call that needed a card got no answer.
  static let noAnswer = "no approval was given, so nothing is sent"

  /// An answer given to a call that needs none.
  static func ignored(_ answer: ApprovalAnswer, _ kind: ApprovalOutcome.Kind) -> String {
    let why =
      switch kind {
      case .rememberedApprove, .rememberedDeny: "a remembered choice applies"
      case .refused: "the policy refuses the call"
      case .notRequired, .approved, .denied: "no approval is needed"
      }
    return "the \(answer.name) answer is ignored because \(why)"
  }
}
