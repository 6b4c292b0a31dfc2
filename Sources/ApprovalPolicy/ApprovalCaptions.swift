import PreflightJSON

/// Every caption that stands for ChatGPT's (or Codex's) wording on the confirmation card.
///
/// ChatGPT's card title, button captions, layout and the text the model gets after a denial
/// are not public (chatgpt-approval.md §2, §4, §17), so most captions are approximations; each
/// property says which. `isApproximation(_:)` tells the UI which to mark "≈ ChatGPT". Every
/// caption can be replaced.
public struct ApprovalCaptions: Sendable, Hashable {
  /// The card title for a write action.
  ///
  /// Approximation: the user paraphrase "write actions come with risks" from
  /// openai/openai-apps-sdk-examples#55 (§2).
  public var writeRiskTitle = "Write actions come with risks"
  /// The card title for a read-only tool under `always-ask`.
  ///
  /// Preflight's own wording: ChatGPT never asks for read-only tools.
  public var readTitle = "Confirm tool call"
  /// The card title under `codex-auto`. Codex's documented header (§2, Codex source).
  public var codexTitle = "Approve app tool call?"
  /// The label for a write action. Approximation; ChatGPT's wording is not public (§2).
  public var writeActionLabel = "Write action"
  /// The label for a read action. Approximation; ChatGPT's wording is not public (§2).
  public var readActionLabel = "Read action"
  /// The words between server and tool in the headline. Approximation (§2).
  public var wantsToUse = "wants to use"
  /// The destructive badge. Approximation (§2).
  public var destructiveBadge = "destructive"
  /// The open-world badge. Approximation (§2).
  public var openWorldBadge = "open world"
  /// The idempotent badge. Approximation (§2).
  public var idempotentBadge = "idempotent"
  /// The badge shown when a required hint is absent, null or invalid. Approximation (§2).
  public var hintsMissingBadge = "hints missing"
  /// After the badges: the hints are the server's own claims (chatgpt-approval.md §1).
  /// Preflight's wording.
  public var declaredByServer = "hints as declared by the server"
  /// Added to a badge whose hint is not set, so the MCP default applies. Preflight's wording.
  public var byDefaultSuffix = "(by default)"
  /// The framing line for `destructiveHint: true`.
  ///
  /// Approximation: the Apps SDK reference says ChatGPT will "elicit explicit approval first"
  /// (§5); the words shown are not public.
  public var destructiveFraming =
    "This action may delete or overwrite data, so ChatGPT asks for your explicit approval."
  /// The framing line for `openWorldHint: true`.
  ///
  /// Approximation: the Apps SDK reference says the client will "summarize the impact before
  /// asking for approval" (§5); the words shown are not public.
  public var openWorldFraming =
    "This action reaches outside your account: what you approve may be sent to other people "
    + "or services."
  /// The remember checkbox under `chatgpt`.
  ///
  /// Approximation: "remember for this conversation", seen in
  /// openai/openai-apps-sdk-examples#55 (§2).
  public var rememberForConversation = "Remember for this conversation"
  /// The remember option under `codex-auto`. Codex's documented option (§2, Codex source).
  public var rememberForSession = "Allow for this session"
  /// The approve button. Approximation; ChatGPT's caption is not public (§2).
  public var approveButton = "Approve"
  /// The deny button. Approximation; ChatGPT's caption is not public (§2).
  public var denyButton = "Deny"
  /// The note shown on every card.
  public var approximationNote = "The wording approximates ChatGPT's; the rule is documented."
  /// The text the model gets after a denial. Codex's wording (§4); ChatGPT's is not published.
  public var deniedResultText = "user rejected MCP tool call"
  /// The note shown beside the synthetic denial result.
  public var deniedResultNote = "Codex wording; ChatGPT's is not published"

  /// Makes the default captions.
  public init() {}

  /// The captions that approximate ChatGPT's undocumented wording, for the "≈ ChatGPT" mark.
  public static var approximations: Set<KeyPath<ApprovalCaptions, String>> {
    [
      \.writeRiskTitle, \.writeActionLabel, \.readActionLabel, \.wantsToUse, \.destructiveBadge,
      \.openWorldBadge, \.idempotentBadge, \.hintsMissingBadge, \.destructiveFraming,
      \.openWorldFraming, \.rememberForConversation, \.approveButton, \.denyButton,
      \.deniedResultText,
    ]
  }

  /// Whether a caption approximates ChatGPT's wording rather than quoting a documented source.
  public static func isApproximation(_ caption: KeyPath<ApprovalCaptions, String>) -> Bool {
    approximations.contains(caption)
  }

  /// The card headline, e.g. `tasks-demo wants to use Create task (create_task)`.
  ///
  /// The name in parentheses is left out when it equals the display name.
  public func headline(server: String, displayName: String, toolName: String) -> String {
    let tool = displayName == toolName ? toolName : "\(displayName) (\(toolName))"
    return "\(server) \(wantsToUse) \(tool)"
  }

  /// The result the model would get after a denial, generated by the client; nothing is sent.
  ///
  /// `{"isError":true,"content":[{"type":"text","text":"user rejected MCP tool call"}]}`:
  /// Codex's wording, as ChatGPT's is not published (§4). Show it with `deniedResultNote`.
  public var deniedResult: JSONValue {
    [
      "isError": true,
      "content": [["type": "text", "text": .string(deniedResultText)]],
    ]
  }
}
