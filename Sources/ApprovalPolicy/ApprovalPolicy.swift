import PreflightJSON

/// ChatGPT's approval rules, and the alternatives, as pure functions.
///
/// `decide` says what happens to a call before anything is sent; `resolve` settles a card with
/// the user's choice. Rules: chatgpt-approval.md §1 (ChatGPT), §3 (remembering), §4 (denial),
/// §6 (the other policies).
public enum ApprovalPolicy {
  /// Decides whether a call runs now, asks, or is refused, before anything is sent.
  ///
  /// - `chatgpt`: asks unless `readOnlyHint` is exactly JSON `true` (§1).
  /// - `codex-auto`: `destructiveHint == true` asks; else `readOnlyHint == true` runs; else
  ///   asks if `destructiveHint ?? true || openWorldHint ?? true`; else runs (§6). Absent, null
  ///   and invalid hints count as nil. Missing annotations fail closed, as Codex does for
  ///   ChatGPT apps.
  /// - `read-only`: runs read-only tools, refuses the rest; `always-ask`; `never-ask`.
  ///
  /// When the policy would ask and the ledger holds a choice it honours for this conversation,
  /// server and tool, that choice replaces the card: approve runs (`remembered-approve`), deny
  /// sends nothing (`remembered-deny`). Other remembered choices are ignored.
  public static func decide(
    _ facts: ToolFacts,
    policy: Policy = .chatgpt,
    ledger: RememberLedger = .empty,
    conversation: String = "",
    captions: ApprovalCaptions = ApprovalCaptions()
  ) -> Decision {
    let (kind, reason, hint) = rule(facts, policy)
    switch kind {
    case .run:
      return .run(ApprovalOutcome(kind: .notRequired, reason: reason, decidingHint: hint))
    case .refuse:
      return .refuse(ApprovalOutcome(kind: .refused, reason: reason, decidingHint: hint))
    case .ask:
      let key = RememberKey(conversation: conversation, server: facts.server, tool: facts.name)
      if let choice = ledger.choice(for: key), policy.remembers(choice) {
        let reason = DecisionReasons.remembered(choice, facts, policy)
        switch choice {
        case .approve:
          return .run(ApprovalOutcome(kind: .rememberedApprove, reason: reason))
        case .deny:
          return .refuse(
            ApprovalOutcome(
              kind: .rememberedDeny, reason: reason, syntheticResult: captions.deniedResult))
        }
      }
      return .ask(
        ApprovalCard(
          facts: facts, policy: policy, conversation: conversation, reason: reason,
          decidingHint: hint, captions: captions))
    }
  }

  /// Settles a card with the user's choice; returns the new ledger and the outcome.
  ///
  /// With `remember`, the choice is stored if the card's policy remembers it (§3); otherwise
  /// it counts once and the reason says so. A denial sends nothing and carries the synthetic
  /// result the model would get (§4).
  public static func resolve(
    _ card: ApprovalCard,
    choice: ApprovalChoice,
    remember: Bool,
    ledger: RememberLedger,
    captions: ApprovalCaptions = ApprovalCaptions()
  ) -> (ledger: RememberLedger, outcome: ApprovalOutcome) {
    var ledger = ledger
    var reason = card.reason
    let stored = remember && card.canRemember(choice)
    if stored {
      ledger.remember(choice, for: card.key)
      reason += "; " + DecisionReasons.rememberedNow(choice, card.policy)
    } else if remember {
      reason += "; " + DecisionReasons.countsOnce(choice, card.policy)
    }
    // Not `cond ? result : nil`: JSONValue is ExpressibleByNilLiteral, so that nil is JSON null.
    let synthetic: JSONValue? = choice == .deny ? .some(captions.deniedResult) : .none
    let outcome = ApprovalOutcome(
      kind: choice == .approve ? .approved : .denied, reason: reason,
      decidingHint: card.decidingHint, remembered: stored, syntheticResult: synthetic)
    return (ledger, outcome)
  }

  /// Settles a decision with an answer given ahead of time (`--approve`, `--deny`, `--decide`).
  ///
  /// A card with no answer is denied and nothing is sent. An answer to a call that needs none
  /// (a read-only tool, a remembered choice, a refusal) is ignored, and the reason says so.
  public static func resolve(
    _ decision: Decision,
    answer: ApprovalAnswer?,
    ledger: RememberLedger,
    captions: ApprovalCaptions = ApprovalCaptions()
  ) -> (ledger: RememberLedger, outcome: ApprovalOutcome) {
    switch decision {
    case .ask(let card):
      guard let answer else {
        let outcome = ApprovalOutcome(
          kind: .denied, reason: "\(card.reason); \(DecisionReasons.noAnswer)",
          decidingHint: card.decidingHint, syntheticResult: captions.deniedResult)
        return (ledger, outcome)
      }
      return resolve(
        card, choice: answer.choice, remember: answer.remember, ledger: ledger, captions: captions)
    case .run(let outcome), .refuse(let outcome):
      guard let answer else { return (ledger, outcome) }
      return (ledger, outcome.adding(DecisionReasons.ignored(answer, outcome.kind)))
    }
  }

  /// The policy's rule on the hints alone, before any remembered choice.
  private static func rule(_ facts: ToolFacts, _ policy: Policy) -> (
    Decision.Kind, String, HintName?
  ) {
    switch policy {
    case .chatgpt:
      if facts.readOnly.isTrue { return (.run, DecisionReasons.chatgptRead(facts), .readOnly) }
      return (.ask, DecisionReasons.chatgptWrite(facts), .readOnly)
    case .codexAuto:
      if facts.destructive.isTrue {
        return (.ask, DecisionReasons.codexAsks([.destructive], facts), .destructive)
      }
      if facts.readOnly.isTrue {
        return (.run, DecisionReasons.codexRuns([.readOnly], facts), .readOnly)
      }
      let askers = [HintName.destructive, .openWorld].filter { facts[$0].bool ?? true }
      if let first = askers.first {
        return (.ask, DecisionReasons.codexAsks(askers, facts), first)
      }
      return (.run, DecisionReasons.codexRuns([.destructive, .openWorld], facts), .destructive)
    case .readOnly:
      if facts.readOnly.isTrue {
        return (.run, DecisionReasons.readOnlyPolicyRuns(facts), .readOnly)
      }
      return (.refuse, DecisionReasons.readOnlyPolicyRefuses(facts), .readOnly)
    case .alwaysAsk:
      return (.ask, DecisionReasons.alwaysAsks(facts), nil)
    case .neverAsk:
      return (.run, DecisionReasons.neverAsks(facts), nil)
    }
  }
}
