import PreflightJSON

/// What one POSTed JSON-RPC message is, and the messages the server writes back.
enum DemoHTTPMessage: Sendable {
  /// A request: it has a method and an id (a string or a number).
  case request(id: JSONValue, method: String, params: JSONValue?)
  /// A notification: a method and no id.
  case notification(method: String, params: JSONValue?)
  /// A response to a request of the server's: an id and a result or an error.
  case response

  /// Classifies a parsed body; nil when it is not a single JSON-RPC message.
  init?(_ value: JSONValue) {
    guard let object = value.objectValue else { return nil }
    let params = object["params"]
    if let method = object["method"]?.stringValue {
      guard let id = object["id"] else {
        self = .notification(method: method, params: params)
        return
      }
      guard Self.isValidID(id) else { return nil }
      self = .request(id: id, method: method, params: params)
      return
    }
    guard object["method"] == nil, let id = object["id"], Self.isValidID(id) || id.isNull,
      object["result"] != nil || object["error"] != nil
    else { return nil }
    self = .response
  }

  /// Whether `id` can identify a request: a string or a number.
  static func isValidID(_ id: JSONValue) -> Bool {
    id.stringValue != nil || id.numberText != nil
  }

  /// The response to request `id`.
  static func response(id: JSONValue, reply: DemoReply) -> JSONValue {
    switch reply {
    case .result(let result):
      return ["jsonrpc": "2.0", "id": id, "result": result]
    case .error(let code, let message, let data):
      var error: JSONObject = ["code": .int(code), "message": .string(message)]
      if let data { error["data"] = data }
      return ["jsonrpc": "2.0", "id": id, "error": .object(error)]
    }
  }

  /// A notification from the server.
  static func notification(method: String, params: JSONValue) -> JSONValue {
    ["jsonrpc": "2.0", "method": .string(method), "params": params]
  }

  /// An error that answers no particular request (`id` null), for HTTP error bodies.
  static func error(code: Int, message: String) -> JSONValue {
    ["jsonrpc": "2.0", "id": nil, "error": ["code": .int(code), "message": .string(message)]]
  }
}
