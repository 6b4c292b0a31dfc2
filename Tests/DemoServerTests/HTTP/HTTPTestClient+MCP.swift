import DemoServer
import PreflightJSON
import Testing

extension HTTPTestClient {
  /// The `Accept` value MCP clients send on every POST.
  static let mcpAccept = "application/json, text/event-stream"

  /// The params of an `initialize` request for `version`.
  static func initializeParams(version: String = "2025-11-25") -> JSONValue {
    [
      "protocolVersion": .string(version), "capabilities": [:],
      "clientInfo": ["name": "preflight-tests", "version": "1.0.0"],
    ]
  }

  /// A JSON-RPC request.
  static func requestMessage(id: JSONValue, _ method: String, _ params: JSONValue? = nil)
    -> JSONValue
  {
    var object: JSONObject = ["jsonrpc": "2.0", "id": id, "method": .string(method)]
    if let params { object["params"] = params }
    return .object(object)
  }

  /// A JSON-RPC notification.
  static func notificationMessage(_ method: String, _ params: JSONValue? = nil) -> JSONValue {
    var object: JSONObject = ["jsonrpc": "2.0", "method": .string(method)]
    if let params { object["params"] = params }
    return .object(object)
  }

  /// The header fields of a POST: JSON content, `accept`, and the session's headers.
  static func postHeaders(
    session: String?, accept: String = mcpAccept, version: String? = "2025-11-25",
    extra: [(String, String)] = []
  ) -> [(String, String)] {
    var headers = [("Content-Type", "application/json"), ("Accept", accept)]
    if let session { headers.append(("Mcp-Session-Id", session)) }
    if let version, session != nil { headers.append(("MCP-Protocol-Version", version)) }
    return headers + extra
  }

  /// POSTs one message and reads the whole response.
  func post(
    _ message: JSONValue, session: String?, accept: String = mcpAccept,
    extra: [(String, String)] = []
  ) async throws -> HTTPTestResponse {
    try await request(
      "POST", headers: Self.postHeaders(session: session, accept: accept, extra: extra),
      body: JSONPrinter.compactBytes(message))
  }

  /// Initializes a session (request, then `notifications/initialized`) and returns its id.
  func initializeSession(sourceLocation: SourceLocation = #_sourceLocation) async throws
    -> String
  {
    let response = try await post(
      Self.requestMessage(id: 0, "initialize", Self.initializeParams()), session: nil)
    #expect(response.status == 200, sourceLocation: sourceLocation)
    let session = try #require(response.header("Mcp-Session-Id"), sourceLocation: sourceLocation)
    let initialized = try await post(
      Self.notificationMessage("notifications/initialized"), session: session)
    #expect(initialized.status == 202, sourceLocation: sourceLocation)
    return session
  }

  /// Sends a request in `session` and returns its `result`, from a JSON body or the response
  /// event of an SSE body.
  func resultOf(
    _ method: String, _ params: JSONValue? = nil, id: JSONValue = 1, session: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) async throws -> JSONValue {
    let response = try await post(Self.requestMessage(id: id, method, params), session: session)
    #expect(response.status == 200, sourceLocation: sourceLocation)
    let message = try #require(response.messages.last, sourceLocation: sourceLocation)
    #expect(message["id"] == id, sourceLocation: sourceLocation)
    return try #require(message["result"], "\(message)", sourceLocation: sourceLocation)
  }
}

/// Runs `body` with a demo server listening on a free port of 127.0.0.1, then stops it.
func withDemoHTTPServer(
  pageSize: Int? = nil, keepAlive: Duration = .seconds(15),
  _ body: (DemoHTTPServer, UInt16) async throws -> Void
) async throws {
  let server = DemoHTTPServer(pageSize: pageSize, keepAliveInterval: keepAlive)
  let port = try server.start(port: 0)
  do {
    try await body(server, port)
  } catch {
    await server.stop()
    throw error
  }
  await server.stop()
}
