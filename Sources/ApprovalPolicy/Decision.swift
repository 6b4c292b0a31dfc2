/// What the policy does with a call before anything is sent.
public enum Decision: Sendable, Hashable {
  /// What a decision does, without its details.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    /// Send the call now, without a card.
    case run
    /// Show the card and wait for the user.
    case ask
    /// Send nothing.
    case refuse
  }

  /// Send the call now; the outcome is `not-required` or `remembered-approve`.
  case run(ApprovalOutcome)
  /// Show the card; `ApprovalPolicy.resolve` settles it with the user's choice.
  case ask(ApprovalCard)
  /// Send nothing; the outcome is `refused` or `remembered-deny`.
  case refuse(ApprovalOutcome)

  /// Run, ask or refuse.
  public var kind: Kind {
    switch self {
    case .run: .run
    case .ask: .ask
    case .refuse: .refuse
    }
  }

  /// Why, in plain words, naming the hint that decided.
  public var reason: String {
    switch self {
    case .run(let outcome), .refuse(let outcome): outcome.reason
    case .ask(let card): card.reason
    }
  }

  /// The hint that decided, or nil when a policy or a remembered choice decided alone.
  public var decidingHint: HintName? {
    switch self {
    case .run(let outcome), .refuse(let outcome): outcome.decidingHint
    case .ask(let card): card.decidingHint
    }
  }

  /// The card, when the decision is to ask.
  public var card: ApprovalCard? {
    if case .ask(let card) = self { return card }
    return nil
  }

  /// The outcome, when it is known without asking.
  public var outcome: ApprovalOutcome? {
    switch self {
    case .run(let outcome), .refuse(let outcome): outcome
    case .ask: nil
    }
  }
}
