import PreflightJSON

/// A `sampling/createMessage` waiting for the user: the request in words, and the canned reply
/// (`--sampling-reply`) that accepting would send, if any.
public struct SamplingPrompt: Sendable, Hashable {
  /// The id the answer goes back with.
  public var id: Int
  /// The server asking.
  public var server: String
  /// What the user chose.
  public enum Reply: Sendable, Hashable {
    /// Send the canned reply.
    case canned
    /// Reject (code -1, "User rejected sampling request").
    case reject
    /// Send this text, written by the user, as the assistant's message.
    case written(String)
  }

  /// The request's params as sent.
  public var params: JSONValue
  /// The reply accepting sends; nil when there is none (the user writes one, or rejects).
  public var canned: JSONValue?

  /// Makes a prompt.
  public init(id: Int, server: String, params: JSONValue, canned: JSONValue?) {
    self.id = id
    self.server = server
    self.params = params
    self.canned = canned
  }

  /// The lines shown: system prompt, messages by role, model preferences, limits and tools, then
  /// the reply on offer.
  public var lines: [String] {
    var out: [String] = []
    if let system = params["systemPrompt"]?.stringValue { out.append("system  " + system) }
    for message in params["messages"]?.arrayValue ?? [] {
      let role = message["role"]?.stringValue ?? "?"
      out.append("\(role)  " + SamplingPrompt.text(message["content"]))
    }
    if let preferences = params["modelPreferences"] {
      out.append("model preferences  " + JSONPrinter.compact(preferences))
    }
    var limits: [String] = []
    if let max = params["maxTokens"] { limits.append("maxTokens \(JSONPrinter.compact(max))") }
    if let t = params["temperature"] { limits.append("temperature \(JSONPrinter.compact(t))") }
    if let context = params["includeContext"]?.stringValue {
      limits.append("includeContext \(context)")
    }
    if !limits.isEmpty { out.append(limits.joined(separator: " · ")) }
    if let tools = params["tools"]?.arrayValue, !tools.isEmpty {
      out.append("tools  " + tools.compactMap { $0["name"]?.stringValue }.joined(separator: ", "))
    }
    out.append("")
    if let canned {
      out.append(
        "a sends the canned reply (model \(canned["model"]?.stringValue ?? "?")): "
          + SamplingPrompt.text(canned["content"]))
    } else {
      out.append("No canned reply (--sampling-reply FILE gives some): w writes one, d rejects.")
    }
    return out
  }

  /// The text of a message content (a text block, or blocks joined), else its JSON.
  static func text(_ content: JSONValue?) -> String {
    if let text = content?["text"]?.stringValue { return text }
    if let items = content?.arrayValue { return items.map { text($0) }.joined(separator: " ") }
    return content.map(JSONPrinter.compact) ?? "(no content)"
  }
}
