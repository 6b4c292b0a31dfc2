/// What the confirmation card shows, and what `ApprovalPolicy.resolve` needs to settle it.
///
/// The card is review-only: arguments are not part of the model and cannot be edited
/// (chatgpt-approval.md §2). Captions come from `ApprovalCaptions`.
public struct ApprovalCard: Sendable, Hashable {
  /// The policy that asked.
  public let policy: Policy
  /// The conversation the call belongs to.
  public let conversation: String
  /// The server (connector, app) name.
  public let server: String
  /// The tool's name.
  public let toolName: String
  /// The tool's display name: `title`, else `annotations.title`, else `name`.
  public let displayName: String
  /// The risk title, e.g. `Write actions come with risks`.
  public let title: String
  /// The headline, e.g. `tasks-demo wants to use Create task (create_task)`.
  public let headline: String
  /// Whether ChatGPT classes the call as a write action (`readOnlyHint` is not exactly `true`).
  public let isWriteAction: Bool
  /// `Write action` or `Read action`.
  public let actionLabel: String
  /// The hint badges: destructive, open-world, idempotent, hints missing.
  public let badges: [ApprovalBadge]
  /// The required hints that are absent, null or invalid.
  public let missingHints: [HintName]
  /// The framing lines: explicit approval for destructive tools, impact for open-world tools.
  public let framing: [String]
  /// Why the policy asks, naming the hint that decided it.
  public let reason: String
  /// The hint that decided, or nil when the policy asks regardless of hints.
  public let decidingHint: HintName?
  /// Whether the policy lets the user remember an approval.
  public let canRememberApprove: Bool
  /// Whether the policy lets the user remember a denial.
  public let canRememberDeny: Bool
  /// The remember checkbox's caption, or nil when the policy remembers nothing.
  public let rememberCaption: String?
  /// The approve button's caption.
  public let approveCaption: String
  /// The deny button's caption.
  public let denyCaption: String
  /// The note that the wording approximates ChatGPT's.
  public let approximationNote: String

  /// Builds the card for a call the policy asks about.
  init(
    facts: ToolFacts, policy: Policy, conversation: String, reason: String,
    decidingHint: HintName?, captions: ApprovalCaptions
  ) {
    self.policy = policy
    self.conversation = conversation
    server = facts.server
    toolName = facts.name
    displayName = facts.displayName
    isWriteAction = facts.isWriteAction
    if policy == .codexAuto {
      title = captions.codexTitle
    } else {
      title = facts.isWriteAction ? captions.writeRiskTitle : captions.readTitle
    }
    headline = captions.headline(
      server: facts.server, displayName: facts.displayName, toolName: facts.name)
    actionLabel = facts.isWriteAction ? captions.writeActionLabel : captions.readActionLabel
    badges = ApprovalBadge.badges(for: facts, captions: captions)
    missingHints = facts.missingHints
    var framing: [String] = []
    if facts.destructive.isTrue { framing.append(captions.destructiveFraming) }
    if facts.openWorld.isTrue { framing.append(captions.openWorldFraming) }
    self.framing = framing
    self.reason = reason
    self.decidingHint = decidingHint
    canRememberApprove = policy.remembers(.approve)
    canRememberDeny = policy.remembers(.deny)
    switch policy {
    case .chatgpt: rememberCaption = captions.rememberForConversation
    case .codexAuto: rememberCaption = captions.rememberForSession
    case .readOnly, .alwaysAsk, .neverAsk: rememberCaption = nil
    }
    approveCaption = captions.approveButton
    denyCaption = captions.denyButton
    approximationNote = captions.approximationNote
  }

  /// The ledger key a remembered choice for this card is stored under.
  public var key: RememberKey {
    RememberKey(conversation: conversation, server: server, tool: toolName)
  }

  /// Whether the policy lets the user remember any choice.
  public var allowsRemembering: Bool { canRememberApprove || canRememberDeny }

  /// Whether the policy lets the user remember this choice.
  public func canRemember(_ choice: ApprovalChoice) -> Bool {
    choice == .approve ? canRememberApprove : canRememberDeny
  }
}
