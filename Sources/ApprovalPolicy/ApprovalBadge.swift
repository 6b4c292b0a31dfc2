/// One hint badge on the confirmation card.
public struct ApprovalBadge: Sendable, Hashable, CustomStringConvertible {
  /// What a badge stands for.
  public enum Kind: Sendable, Hashable, CaseIterable {
    /// `destructiveHint` is true, or not set on a tool that is not read-only (MCP default true).
    case destructive
    /// `openWorldHint` is true, or not set (MCP default true).
    case openWorld
    /// `idempotentHint` is true.
    case idempotent
    /// A required hint (read-only, destructive, open-world) is absent, null or invalid.
    case hintsMissing
  }

  /// What the badge stands for.
  public let kind: Kind
  /// Whether the hint is not set and the MCP specification's default put the badge there.
  public let byDefault: Bool
  /// The badge text, e.g. `destructive (by default)`.
  public let text: String

  /// Makes a badge.
  public init(kind: Kind, byDefault: Bool, text: String) {
    self.kind = kind
    self.byDefault = byDefault
    self.text = text
  }

  /// The badge text.
  public var description: String { text }

  /// The badges for a tool, in order: destructive, open-world, idempotent, hints missing.
  ///
  /// Badges follow the declared hints, with the MCP defaults for hints that are not set;
  /// they frame the card and never change the decision (chatgpt-approval.md §5).
  public static func badges(for facts: ToolFacts, captions: ApprovalCaptions) -> [ApprovalBadge] {
    var badges: [ApprovalBadge] = []
    func add(_ kind: Kind, _ text: String, byDefault: Bool) {
      let shown = byDefault ? "\(text) \(captions.byDefaultSuffix)" : text
      badges.append(ApprovalBadge(kind: kind, byDefault: byDefault, text: shown))
    }
    // The destructive default applies only when the tool is not read-only (MCP schema).
    if facts.destructive.isTrue {
      add(.destructive, captions.destructiveBadge, byDefault: false)
    } else if facts.destructive.isMissing && !facts.readOnly.isTrue {
      add(.destructive, captions.destructiveBadge, byDefault: true)
    }
    if facts.openWorld.isTrue {
      add(.openWorld, captions.openWorldBadge, byDefault: false)
    } else if facts.openWorld.isMissing {
      add(.openWorld, captions.openWorldBadge, byDefault: true)
    }
    if facts.idempotent.isTrue {
      add(.idempotent, captions.idempotentBadge, byDefault: false)
    }
    if !facts.missingHints.isEmpty {
      add(.hintsMissing, captions.hintsMissingBadge, byDefault: false)
    }
    return badges
  }
}
