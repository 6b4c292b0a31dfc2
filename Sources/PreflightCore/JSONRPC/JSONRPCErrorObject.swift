import PreflightJSON

/// The `error` member of a JSON-RPC error response, kept whole.
public struct JSONRPCErrorObject: Sendable, Hashable, Error, CustomStringConvertible {
  /// The error code (0 when the peer sent none or a non-integer; `raw` keeps what it sent).
  public var code: Int
  /// The message (empty when the peer sent none).
  public var message: String
  /// The optional `data` member.
  public var data: JSONValue?
  /// The error object exactly as received or to be sent.
  public var raw: JSONValue

  /// Reads an error object from JSON, generously.
  public init(json: JSONValue) {
    raw = json
    code = json["code"]?.intValue ?? 0
    message = json["message"]?.stringValue ?? ""
    data = json["data"]
  }

  /// Makes an error object to send.
  public init(code: Int, message: String, data: JSONValue? = nil) {
    self.code = code
    self.message = message
    self.data = data
    var o = JSONObject()
    o["code"] = .int(code)
    o["message"] = .string(message)
    if let data { o["data"] = data }
    raw = .object(o)
  }

  /// `message (code N)`.
  public var description: String { "\(message) (code \(code))" }

  /// -32700: the frame was not JSON.
  public static let parseErrorCode = -32700
  /// -32600: not a valid request.
  public static let invalidRequestCode = -32600
  /// -32601: method not found.
  public static let methodNotFoundCode = -32601
  /// -32602: invalid params.
  public static let invalidParamsCode = -32602
  /// -32603: internal error.
  public static let internalErrorCode = -32603
}
