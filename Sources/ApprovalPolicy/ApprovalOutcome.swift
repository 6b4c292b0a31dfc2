import PreflightJSON

/// How one call's approval ended: whether it is sent, and why.
public struct ApprovalOutcome: Sendable, Hashable {
  /// The outcome's kind; its raw value is the `decision` name of `cli.md`.
  public enum Kind: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// The policy runs the call without asking.
    case notRequired = "not-required"
    /// The user approved on the card.
    case approved
    /// The user denied on the card, or gave no answer; nothing is sent.
    case denied
    /// A remembered approval sent the call without a card.
    case rememberedApprove = "remembered-approve"
    /// A remembered denial stopped the call without a card; nothing is sent.
    case rememberedDeny = "remembered-deny"
    /// The policy forbids the call; nothing is sent.
    case refused

    /// Parses a `decision` name such as `remembered-deny`.
    public init?(name: String) {
      self.init(rawValue: name)
    }

    /// The `decision` name, e.g. `not-required`.
    public var name: String { rawValue }

    /// The `decision` name.
    public var description: String { rawValue }

    /// Whether a `tools/call` goes to the server.
    public var sendsCall: Bool {
      switch self {
      case .notRequired, .approved, .rememberedApprove: true
      case .denied, .rememberedDeny, .refused: false
      }
    }

    /// The wire log's `local.kind` for this outcome; nil for `not-required`.
    public var wireLogKind: String? {
      switch self {
      case .notRequired: nil
      case .approved: "approval-approved"
      case .denied: "approval-denied"
      case .rememberedApprove: "remembered-approve"
      case .rememberedDeny: "remembered-deny"
      case .refused: "approval-refused"
      }
    }
  }

  /// The outcome's kind.
  public let kind: Kind
  /// Why, in plain words, naming the hint or the remembered choice that decided.
  public let reason: String
  /// The hint that decided, or nil when a policy or a remembered choice decided alone.
  public let decidingHint: HintName?
  /// Whether this outcome stored the choice in the ledger.
  public let remembered: Bool
  /// What the model gets instead of a result when the call is denied; nil otherwise.
  ///
  /// Set for `denied` and `remembered-deny`. Client-generated: nothing is sent.
  public let syntheticResult: JSONValue?

  /// Makes an outcome.
  public init(
    kind: Kind, reason: String, decidingHint: HintName? = nil, remembered: Bool = false,
    syntheticResult: JSONValue? = nil
  ) {
    self.kind = kind
    self.reason = reason
    self.decidingHint = decidingHint
    self.remembered = remembered
    self.syntheticResult = syntheticResult
  }

  /// The `decision` name of `cli.md`, e.g. `approved`.
  public var name: String { kind.rawValue }

  /// Whether a `tools/call` goes to the server.
  public var sendsCall: Bool { kind.sendsCall }

  /// A copy whose reason has a clause appended after a semicolon.
  func adding(_ clause: String) -> ApprovalOutcome {
    ApprovalOutcome(
      kind: kind, reason: "\(reason); \(clause)", decidingHint: decidingHint,
      remembered: remembered, syntheticResult: syntheticResult)
  }
}
