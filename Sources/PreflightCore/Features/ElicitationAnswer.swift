import PreflightJSON

/// The client's answer to an elicitation.
public enum ElicitationAnswer: Sendable, Hashable {
  /// The user accepted; form mode carries the content, URL mode none (consent to open).
  case accept(JSONValue?)
  /// The user declined.
  case decline
  /// The user dismissed the request without choosing.
  case cancel

  /// The `action` word.
  public var action: String {
    switch self {
    case .accept: "accept"
    case .decline: "decline"
    case .cancel: "cancel"
    }
  }

  /// The result sent back: `{action, content?}`.
  public var json: JSONValue {
    var o = JSONObject()
    o["action"] = .string(action)
    if case .accept(let content?) = self { o["content"] = content }
    return .object(o)
  }
}
