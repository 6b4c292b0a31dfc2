import ApprovalPolicy
import Testing

/// The three hints that matter, each true, false, absent, null or the string "true".
struct HintCombination: Sendable, CustomTestStringConvertible {
  static let values: [HintValue] = [
    .declared(true), .declared(false), .absent, .null, .invalid("true"),
  ]

  static let all: [HintCombination] = values.flatMap { readOnly in
    values.flatMap { destructive in
      values.map { openWorld in
        HintCombination(readOnly: readOnly, destructive: destructive, openWorld: openWorld)
      }
    }
  }

  let readOnly: HintValue
  let destructive: HintValue
  let openWorld: HintValue

  var facts: ToolFacts {
    .stub(readOnly: readOnly, destructive: destructive, openWorld: openWorld)
  }

  var testDescription: String {
    "readOnly \(readOnly), destructive \(destructive), openWorld \(openWorld)"
  }
}

struct HintMatrixTests {
  /// The rules as chatgpt-approval.md writes them, with a hint that is not a JSON boolean
  /// read as nil: §1 for chatgpt, §6 for the others.
  static func expected(_ policy: Policy, _ row: HintCombination) -> Decision.Kind {
    let readOnly = row.readOnly.bool
    let destructive = row.destructive.bool
    let openWorld = row.openWorld.bool
    switch policy {
    case .chatgpt:
      return readOnly == true ? .run : .ask
    case .codexAuto:
      if destructive == true { return .ask }
      if readOnly == true { return .run }
      if (destructive ?? true) || (openWorld ?? true) { return .ask }
      return .run
    case .readOnly:
      return readOnly == true ? .run : .refuse
    case .alwaysAsk:
      return .ask
    case .neverAsk:
      return .run
    }
  }

  /// chatgpt-approval.md §1 and §6, over every policy and every combination of the three
  /// hints; the reason names the deciding hint (issue 3).
  @Test(arguments: Policy.allCases, HintCombination.all)
  func `every policy decides every hint combination as chatgpt-approval.md says`(
    policy: Policy, row: HintCombination
  ) {
    let decision = ApprovalPolicy.decide(row.facts, policy: policy)
    #expect(decision.kind == Self.expected(policy, row))
    if let hint = decision.decidingHint {
      #expect(decision.reason.contains(hint.key))
      #expect(decision.reason.contains("\(hint.key) is") || decision.reason.contains(" are "))
    } else {
      #expect(decision.reason.contains("the \(policy.name) policy"))
    }
  }

  /// chatgpt-approval.md §5: idempotentHint frames the card and never changes a decision.
  @Test(arguments: Policy.allCases, HintCombination.all)
  func `idempotentHint never changes a decision`(policy: Policy, row: HintCombination) {
    let base = ApprovalPolicy.decide(row.facts, policy: policy).kind
    for idempotent in HintCombination.values {
      var facts = row.facts
      facts.idempotent = idempotent
      #expect(ApprovalPolicy.decide(facts, policy: policy).kind == base)
    }
  }
}
