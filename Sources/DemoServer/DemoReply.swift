import PreflightJSON

/// A reply to one request.
public enum DemoReply: Sendable {
  /// A successful answer: the JSON-RPC `result`.
  case result(JSONValue)
  /// A JSON-RPC error with its code, message and optional data.
  case error(code: Int, message: String, data: JSONValue?)
}

extension DemoReply {
  /// JSON-RPC "method not found".
  static let methodNotFoundCode = -32601
  /// JSON-RPC "invalid params".
  static let invalidParamsCode = -32602
  /// MCP "resource not found" (2025-11-25 and earlier).
  static let resourceNotFoundCode = -32002
  /// "Request cancelled", the code LSP and several MCP SDKs use.
  static let requestCancelledCode = -32800

  /// An invalid-params error with a message.
  static func invalidParams(_ message: String, data: JSONValue? = nil) -> DemoReply {
    .error(code: invalidParamsCode, message: message, data: data)
  }

  /// The empty result (`{}`), as `ping` and `logging/setLevel` answer.
  static let empty = DemoReply.result(.object(JSONObject()))
}
