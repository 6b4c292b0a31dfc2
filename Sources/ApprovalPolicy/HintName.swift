/// One of the four MCP tool annotation hints.
///
/// The MCP schema (`schema/2025-11-25/schema.ts`) gives each hint a default that applies when a
/// server leaves it out; ChatGPT's approval rule looks only at `readOnlyHint`
/// (chatgpt-approval.md §1).
public enum HintName: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
  /// `readOnlyHint`: the tool does not modify its environment.
  case readOnly = "readOnlyHint"
  /// `destructiveHint`: the tool may delete or overwrite data.
  case destructive = "destructiveHint"
  /// `idempotentHint`: calling the tool again with the same arguments has no further effect.
  case idempotent = "idempotentHint"
  /// `openWorldHint`: the tool reaches entities outside a closed domain (the web, other people).
  case openWorld = "openWorldHint"

  /// The three hints OpenAI requires as explicit booleans (chatgpt-approval.md §7).
  public static let required: [HintName] = [.readOnly, .destructive, .openWorld]

  /// The key in a tool's `annotations` object, e.g. `readOnlyHint`.
  public var key: String { rawValue }

  /// The key, as printed in reasons and messages.
  public var description: String { rawValue }

  /// The MCP specification's default when the hint is not set.
  ///
  /// True for destructive and open-world, false for read-only and idempotent.
  public var specDefault: Bool {
    switch self {
    case .readOnly, .idempotent: false
    case .destructive, .openWorld: true
    }
  }
}
