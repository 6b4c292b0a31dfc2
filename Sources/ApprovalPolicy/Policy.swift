/// An approval policy: which tool calls stop for confirmation, and what can be remembered.
///
/// The set and its rules come from chatgpt-approval.md §6; `chatgpt` is the default.
public enum Policy: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
  /// ChatGPT developer mode: asks unless `readOnlyHint` is exactly `true` (§1).
  case chatgpt
  /// Codex's automatic rule (`requires_mcp_tool_approval`, §6).
  case codexAuto = "codex-auto"
  /// Runs read-only tools and refuses every other call without sending it.
  case readOnly = "read-only"
  /// Asks before every call, read-only ones included.
  case alwaysAsk = "always-ask"
  /// Runs every call without asking.
  case neverAsk = "never-ask"

  /// Parses a command-line name, e.g. `codex-auto`; nil for an unknown name.
  public init?(name: String) {
    self.init(rawValue: name)
  }

  /// The command-line name, e.g. `codex-auto`.
  public var name: String { rawValue }

  /// The command-line name.
  public var description: String { rawValue }

  /// Every command-line name, in the order `cli.md` lists them.
  public static var names: [String] { allCases.map(\.name) }

  /// One line saying what the policy does.
  public var summary: String {
    switch self {
    case .chatgpt:
      "ChatGPT's rule: asks unless readOnlyHint is true; remembers approve or deny per conversation"
    case .codexAuto:
      "Codex's automatic rule: asks unless the tool is read-only, or declared non-destructive "
        + "and closed-world; remembers approvals"
    case .readOnly:
      "runs tools whose readOnlyHint is true and refuses the rest without sending them"
    case .alwaysAsk:
      "asks before every call, read-only ones included; remembers nothing"
    case .neverAsk:
      "runs every call without asking; remembers nothing"
    }
  }

  /// Whether this policy lets the user remember a choice, and honours it once remembered.
  ///
  /// `chatgpt` remembers approve and deny (§3); `codex-auto` remembers approvals only, so a
  /// remembered denial counts once (§3, Codex); the other policies remember nothing.
  public func remembers(_ choice: ApprovalChoice) -> Bool {
    switch self {
    case .chatgpt: true
    case .codexAuto: choice == .approve
    case .readOnly, .alwaysAsk, .neverAsk: false
    }
  }

  /// Whether this policy lets the user remember any choice.
  public var remembersAnything: Bool {
    ApprovalChoice.allCases.contains { remembers($0) }
  }

  /// How long a remembered choice lasts, in words: `this conversation` or `this session`.
  public var rememberScope: String {
    self == .codexAuto ? "this session" : "this conversation"
  }
}
