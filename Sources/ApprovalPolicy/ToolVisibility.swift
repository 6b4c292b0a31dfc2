import PreflightJSON

/// Who may call a tool, as ChatGPT reads it from the tool's `_meta` (chatgpt-approval.md §9.5):
/// hidden from the model when `_meta.ui.visibility` is an array without `"model"`, or when the
/// legacy `_meta["openai/visibility"]` is `"private"`. Hidden tools stay callable from the
/// widget ("widget only"); the model never sees them, so a model-style call is refused.
///
/// The one definition shared by the TUI's tool list, `preflight tools`, and the host flow.
public struct ToolVisibility: Sendable, Hashable {
  /// Why a tool is hidden from the model.
  public enum Source: String, Sendable, Hashable {
    /// `_meta.ui.visibility` (MCP Apps, current) lacks `"model"`.
    case uiVisibility = "ui.visibility"
    /// `_meta["openai/visibility"]` (legacy Apps SDK) is `"private"`.
    case openAIVisibility = "openai/visibility"
  }

  /// Why the tool is hidden, or nil when the model sees it.
  public let hiddenBy: Source?
  /// The `_meta.ui.visibility` array as declared, when it is an array.
  public let declared: [JSONValue]?

  /// Reads the visibility of one tool object exactly as `tools/list` sent it.
  ///
  /// A `ui.visibility` that is not an array is ignored (ChatGPT's default `["model","app"]`
  /// applies); the legacy key counts only when it is exactly the string `"private"`.
  public init(tool: JSONValue) {
    let meta = tool["_meta"]
    declared = meta?["ui"]?["visibility"]?.arrayValue
    if let declared, !declared.contains(.string("model")) {
      hiddenBy = .uiVisibility
    } else if meta?["openai/visibility"] == .string("private") {
      hiddenBy = .openAIVisibility
    } else {
      hiddenBy = nil
    }
  }

  /// Whether ChatGPT hides the tool from the model (widget only).
  public var hiddenFromModel: Bool { hiddenBy != nil }

  /// Why the model cannot call the tool, in words; nil when it can.
  public var reason: String? {
    switch hiddenBy {
    case nil: nil
    case .uiVisibility?:
      "_meta.ui.visibility is "
        + JSONPrinter.compact(.array(declared ?? []))
        + " (no \"model\"), so ChatGPT hides the tool from the model: only its widget may call it"
    case .openAIVisibility?:
      "_meta[\"openai/visibility\"] is \"private\" (legacy), so ChatGPT hides the tool from the "
        + "model: only its widget may call it"
    }
  }

  /// The outcome of a model-style call of a hidden tool: refused, nothing sent (a host never
  /// offers the tool to the model). Nil when the model may call it.
  public func refusal(toolName: String) -> ApprovalOutcome? {
    guard let reason else { return nil }
    return ApprovalOutcome(kind: .refused, reason: "\(toolName) is widget-only: \(reason)")
  }
}
