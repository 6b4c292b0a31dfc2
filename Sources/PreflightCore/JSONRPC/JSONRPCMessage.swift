import PreflightJSON

/// What a frame is, derived from its JSON (the JSON itself is always kept alongside).
public enum JSONRPCMessage: Sendable, Hashable {
  /// A request: it has a method and an id.
  case request(id: RequestID, method: String, params: JSONValue?)
  /// A notification: a method and no id.
  case notification(method: String, params: JSONValue?)
  /// A successful response.
  case response(id: RequestID, result: JSONValue)
  /// An error response; the id is nil when the peer could not read the request's id.
  case errorResponse(id: RequestID?, error: JSONRPCErrorObject)
  /// A batch (a JSON array of messages, 2025-03-26 only).
  case batch([JSONValue])
  /// Valid JSON that is not a JSON-RPC message, with the reason.
  case invalid(reason: String)

  /// Classifies a JSON value, generously: unknown members are ignored here, never dropped from
  /// the value itself.
  public static func classify(_ value: JSONValue) -> JSONRPCMessage {
    if case .array(let items) = value {
      return items.isEmpty ? .invalid(reason: "empty batch") : .batch(items)
    }
    guard case .object(let o) = value else {
      return .invalid(reason: "a JSON-RPC message must be an object, not \(value.typeName)")
    }
    let rawID = o["id"]
    if let methodValue = o["method"] {
      guard let method = methodValue.stringValue else {
        return .invalid(reason: "\"method\" must be a string")
      }
      guard let rawID, !rawID.isNull else {
        return .notification(method: method, params: o["params"])
      }
      guard let id = RequestID(json: rawID) else {
        return .invalid(reason: "request id must be a string or a number, not \(rawID.typeName)")
      }
      return .request(id: id, method: method, params: o["params"])
    }
    if let error = o["error"] {
      let id = rawID.flatMap(RequestID.init(json:))
      if case .object = error {
        return .errorResponse(id: id, error: JSONRPCErrorObject(json: error))
      }
      return .invalid(reason: "\"error\" must be an object")
    }
    if let result = o["result"] {
      guard let rawID, let id = RequestID(json: rawID) else {
        return .invalid(reason: "a response needs a string or number id")
      }
      return .response(id: id, result: result)
    }
    return .invalid(reason: "no \"method\", \"result\" or \"error\" member")
  }

  /// A short label for logs: the method, or `result`/`error` with the id.
  public var summary: String {
    switch self {
    case .request(let id, let method, _): "\(method) #\(id)"
    case .notification(let method, _): method
    case .response(let id, _): "result #\(id)"
    case .errorResponse(let id, let error):
      "error #\(id.map(\.description) ?? "null") \(error.code)"
    case .batch(let items): "batch of \(items.count)"
    case .invalid(let reason): "invalid: \(reason)"
    }
  }
}
