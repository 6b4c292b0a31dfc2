import PreflightJSON

/// What ChatGPT does when the model calls one tool, for `check --json`'s `tools` list.
public struct ToolVerdict: Sendable, Hashable {
  /// What happens.
  public enum Action: String, Sendable, Hashable {
    /// Runs at once, without asking.
    case runs
    /// Asks the user first.
    case asks
    /// Hidden from the model (widget only).
    case hidden
    /// Refused: by the policy, or because ChatGPT rejects the tool's definition.
    case refused

    /// The verdict in words: "runs at once", "asks for approval", "hidden from the model",
    /// "would be refused".
    public var phrase: String {
      switch self {
      case .runs: "runs at once"
      case .asks: "asks for approval"
      case .hidden: "hidden from the model"
      case .refused: "would be refused"
      }
    }
  }

  /// The tool's name.
  public var name: String
  /// What ChatGPT does.
  public var chatgpt: Action
  /// Why, in words.
  public var reason: String
  /// The estimated tokens of its definition (``TokenEstimate``).
  public var estimatedTokens: Int

  /// Makes a verdict.
  public init(name: String, chatgpt: Action, reason: String, estimatedTokens: Int) {
    self.name = name
    self.chatgpt = chatgpt
    self.reason = reason
    self.estimatedTokens = estimatedTokens
  }

  /// As JSON: `{name, chatgpt, reason, estimatedTokens}`.
  public var json: JSONValue {
    [
      "name": .string(name), "chatgpt": .string(chatgpt.rawValue), "reason": .string(reason),
      "estimatedTokens": .int(estimatedTokens),
    ]
  }
}
