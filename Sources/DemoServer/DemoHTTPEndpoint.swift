import PreflightJSON
import Synchronization

/// The MCP endpoint of the demo's Streamable HTTP transport: checks each HTTP request and
/// turns it into calls on the right session's `DemoServer`.
///
/// - `POST`: one JSON-RPC message. A request is answered with `application/json`, or, for
///   `tools/call` when `Accept` lists `text/event-stream`, with an SSE stream that carries the
///   notifications the handler sends and then the response. Notifications and responses get
///   `202`. `initialize` opens a session with a fresh `DemoServer` and returns its
///   `Mcp-Session-Id`; every other message needs that header (`400` without it, `404` for a
///   session that ended or never was).
/// - `GET`: the session's stream for messages outside any request's stream (notifications of
///   requests answered with JSON go there), kept alive with comments.
/// - `DELETE`: ends the session.
///
/// `Origin` and `Host` must name this machine (`403` and `421` otherwise); an unsupported
/// `MCP-Protocol-Version` is `400`.
final class DemoHTTPEndpoint: Sendable {
  /// The endpoint's path.
  static let path = "/mcp"

  /// The page size every session's server uses for `tools/list`.
  let pageSize: Int?
  /// The keep-alive interval of SSE streams.
  let keepAlive: Duration
  /// The live sessions by id.
  private let sessions = Mutex<[String: DemoHTTPSession]>([:])

  /// Makes an endpoint with no sessions.
  init(pageSize: Int?, keepAlive: Duration) {
    self.pageSize = pageSize
    self.keepAlive = keepAlive
  }

  /// Answers one HTTP request.
  func respond(to request: HTTPRequest) async -> HTTPResponse {
    guard DemoHTTPOriginCheck.allows(host: request.headers["Host"]) else {
      return Self.failure(421, "Misdirected Request: the Host header must name 127.0.0.1")
    }
    guard DemoHTTPOriginCheck.allows(origin: request.headers["Origin"]) else {
      return Self.failure(403, "Forbidden: only local origins may use this server")
    }
    guard request.path == Self.path else {
      return .text(404, "Not Found: the MCP endpoint is \(Self.path)")
    }
    switch request.method {
    case "POST": return await post(request)
    case "GET": return await get(request)
    case "DELETE": return await delete(request)
    default:
      var refusal = Self.failure(405, "Method Not Allowed: use POST, GET or DELETE")
      refusal.headers.add("Allow", "GET, POST, DELETE")
      return refusal
    }
  }

  /// Ends every session (the server is stopping).
  func closeAll() async {
    let all = sessions.withLock { sessions in
      defer { sessions = [:] }
      return Array(sessions.values)
    }
    for session in all { await session.close() }
  }

  // MARK: - Methods

  /// `POST`: one JSON-RPC message.
  private func post(_ request: HTTPRequest) async -> HTTPResponse {
    let value: JSONValue
    do {
      value = try JSONParser.parse(request.body)
    } catch {
      return Self.failure(400, "Parse error: \(error)", code: -32700)
    }
    guard let message = DemoHTTPMessage(value) else {
      return Self.failure(
        400, "Invalid Request: the body must be one JSON-RPC request, notification or response",
        code: -32600)
    }
    if case .request(let id, "initialize", let params) = message {
      return await initialize(id: id, params: params)
    }
    let session: DemoHTTPSession
    switch lookUp(request) {
    case .found(let found): session = found
    case .refused(let response): return response
    }
    switch message {
    case .notification(let method, let params):
      await session.receive(method: method, params: params)
      return HTTPResponse(status: 202)
    case .response:
      return HTTPResponse(status: 202)
    case .request(let id, let method, let params):
      let wantsStream =
        method == "tools/call" && request.headers.tokens("Accept").contains("text/event-stream")
      if wantsStream {
        return await stream(id: id, method: method, params: params, in: session)
      }
      return await answer(id: id, method: method, params: params, in: session)
    }
  }

  /// `GET`: opens the session's stream for messages outside any request.
  private func get(_ request: HTTPRequest) async -> HTTPResponse {
    guard request.headers.tokens("Accept").contains("text/event-stream") else {
      return Self.failure(406, "Not Acceptable: the GET stream needs Accept: text/event-stream")
    }
    switch lookUp(request) {
    case .refused(let response):
      return response
    case .found(let session):
      let stream = await session.openStandaloneStream()
      return HTTPResponse(status: 200, headers: Self.streamHeaders, body: .stream(stream.body))
    }
  }

  /// `DELETE`: ends the session.
  private func delete(_ request: HTTPRequest) async -> HTTPResponse {
    switch lookUp(request) {
    case .refused(let response):
      return response
    case .found(let session):
      _ = sessions.withLock { $0.removeValue(forKey: session.id) }
      await session.close()
      return HTTPResponse(status: 200)
    }
  }

  // MARK: - Requests

  /// `initialize`: a new session with a fresh server; the session is kept only when the server
  /// accepts the request.
  private func initialize(id: JSONValue, params: JSONValue?) async -> HTTPResponse {
    let session = DemoHTTPSession(
      id: Self.makeSessionID(), pageSize: pageSize, keepAlive: keepAlive)
    let task = await session.start(id: id, method: "initialize", params: params) {
      [session] method, params in
      await session.sendOnStandaloneStream(method: method, params: params)
    }
    let reply = await task.value
    _ = await session.finish(id: id, task: task, stream: nil)
    var headers: HTTPHeaders = ["Content-Type": "application/json"]
    if case .result = reply {
      sessions.withLock { $0[session.id] = session }
      headers.add("Mcp-Session-Id", session.id)
    }
    return HTTPResponse(
      status: 200, headers: headers,
      body: .bytes(Self.bytes(DemoHTTPMessage.response(id: id, reply: reply))))
  }

  /// Runs a request and answers with one JSON object; its notifications go to the GET stream
  /// if one is open. A request the client cancelled gets `202` and no body.
  private func answer(
    id: JSONValue, method: String, params: JSONValue?, in session: DemoHTTPSession
  ) async -> HTTPResponse {
    let task = await session.start(id: id, method: method, params: params) {
      [session] method, params in
      await session.sendOnStandaloneStream(method: method, params: params)
    }
    let reply = await task.value
    if await session.finish(id: id, task: task, stream: nil) {
      return HTTPResponse(status: 202)
    }
    return HTTPResponse(
      status: 200, headers: ["Content-Type": "application/json"],
      body: .bytes(Self.bytes(DemoHTTPMessage.response(id: id, reply: reply))))
  }

  /// Runs a request and answers with an SSE stream: the notifications the handler sends, then
  /// the response, then the end of the stream. A cancelled request's stream ends with no
  /// response.
  private func stream(
    id: JSONValue, method: String, params: JSONValue?, in session: DemoHTTPSession
  ) async -> HTTPResponse {
    let stream = await session.openResponseStream()
    let task = await session.start(id: id, method: method, params: params) { method, params in
      stream.send(DemoHTTPMessage.notification(method: method, params: params))
    }
    Task {
      let reply = await task.value
      if !(await session.finish(id: id, task: task, stream: stream)) {
        stream.send(DemoHTTPMessage.response(id: id, reply: reply))
      }
      stream.finish()
    }
    return HTTPResponse(status: 200, headers: Self.streamHeaders, body: .stream(stream.body))
  }

  // MARK: - Sessions

  /// A session found for a request, or the response that refuses the request.
  private enum Lookup {
    case found(DemoHTTPSession)
    case refused(HTTPResponse)
  }

  /// The session named by the request's `Mcp-Session-Id`, after checking its
  /// `MCP-Protocol-Version`.
  private func lookUp(_ request: HTTPRequest) -> Lookup {
    guard let id = request.headers["Mcp-Session-Id"] else {
      // ChatGPT leaves the header off tools/call (observed; the `chatgpt` profile does the
      // same). With a single session there is no ambiguity, so the demo serves it rather than
      // failing every ChatGPT-style call; with several it cannot tell them apart.
      let only = sessions.withLock { $0.count == 1 ? $0.values.first : nil }
      if let only { return .found(only) }
      return .refused(
        Self.failure(
          400,
          "Bad Request: the Mcp-Session-Id header is required after initialize when several "
            + "sessions are open"))
    }
    guard let session = sessions.withLock({ $0[id] }) else {
      return .refused(
        Self.failure(
          404, "Session not found: it has ended or never existed; initialize again without it",
          code: -32001))
    }
    if let version = request.headers["MCP-Protocol-Version"],
      !DemoServer.supportedProtocolVersions.contains(version)
    {
      let supported = DemoServer.supportedProtocolVersions.joined(separator: ", ")
      return .refused(
        Self.failure(
          400, "Bad Request: unsupported MCP-Protocol-Version \(version) (supported: \(supported))"
        ))
    }
    return .found(session)
  }

  /// A new session id: 128 random bits as 32 hexadecimal digits.
  static func makeSessionID() -> String {
    (0..<2).map { _ in
      let text = String(UInt64.random(in: .min ... .max), radix: 16)
      return String(repeating: "0", count: 16 - text.count) + text
    }.joined()
  }

  // MARK: - Responses

  /// The header fields of an SSE response.
  static let streamHeaders: HTTPHeaders = [
    "Content-Type": "text/event-stream", "Cache-Control": "no-cache",
  ]

  /// An HTTP error whose body is a JSON-RPC error without an id.
  static func failure(_ status: Int, _ message: String, code: Int = -32000) -> HTTPResponse {
    HTTPResponse(
      status: status, headers: ["Content-Type": "application/json"],
      body: .bytes(bytes(DemoHTTPMessage.error(code: code, message: message))))
  }

  /// A message as compact JSON bytes.
  static func bytes(_ value: JSONValue) -> [UInt8] {
    JSONPrinter.compactBytes(value)
  }
}
