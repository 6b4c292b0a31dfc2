import PreflightJSON

/// Preflight's token estimate for a tool definition: it cannot run OpenAI's tokenizer, so it
/// counts the UTF-8 bytes of the compact JSON of the parts the model receives (`name`,
/// `title`, `description`, `inputSchema`, `outputSchema`, `annotations`) and divides by 4,
/// rounding up (about 4 bytes a token for English JSON; chatgpt-approval.md §15).
public enum TokenEstimate {
  /// The members of a tool that count.
  public static let countedKeys = [
    "name", "title", "description", "inputSchema", "outputSchema", "annotations",
  ]

  /// Estimated tokens of one tool definition.
  public static func tokens(of tool: JSONValue) -> Int {
    var counted = JSONObject()
    for key in countedKeys {
      if let value = tool[key] { counted[key] = value }
    }
    let bytes = JSONPrinter.compactBytes(.object(counted)).count
    return (bytes + 3) / 4
  }
}
