import PreflightJSON

/// Answers one incoming request: a result, or a JSON-RPC error to send back.
public typealias RequestHandler =
  @Sendable (_ params: JSONValue?, _ id: RequestID) async -> Result<JSONValue, JSONRPCErrorObject>
