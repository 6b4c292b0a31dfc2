import Foundation
import PreflightJSON
import Synchronization

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// MCP's Streamable HTTP transport (2025-03-26 and later), as a client.
///
/// Every client message is a POST to the endpoint with `Accept: application/json,
/// text/event-stream`. `send` returns once the answer is under way: for a JSON body when it has
/// been read, for an SSE stream at its first event (the rest is read in the background, so a
/// server may send a request on that stream and wait for the answer, which goes out as another
/// POST), for a `202` at once. What arrives becomes events:
/// - `.httpFrame` per JSON body and per SSE event with data, as it arrives, with the wire log's
///   `http` object (method, URL, status, the headers that matter, the SSE event id);
/// - `.http` records for exchanges that carry no frame: `202`, error statuses (with the body,
///   at most 4 KB), the GET stream opening or refused with `405`, SSE events without data,
///   resumptions, DELETE;
/// - `.note` for what the transport decided: `session-expired`, `stream-dropped` (resuming),
///   `stream-ended` (a response that will not come), `http-error`; the opening note is a
///   `tls-warning` under `--insecure`.
///
/// Sessions: the `Mcp-Session-Id` of the `initialize` response is sent back on every later
/// request as `options.sessionIDEcho` says (ChatGPT leaves it off `tools/call`), and always on
/// GET and DELETE; a new `initialize` starts without it. `MCP-Protocol-Version` goes on every
/// request after `initialize`: the transport reads the version from the `initialize` result as
/// it passes (no setter to call). A `404` on a request that carried a session id throws a
/// ``TransportError`` with ``TransportError/isSessionExpired`` set, after a `session-expired`
/// note; ``MCPClientSession`` then initializes again.
///
/// Streams: after `notifications/initialized` is accepted, the GET stream is opened when
/// `options.opensGetStream` says so (`405` is recorded quietly); when it ends it is reopened
/// after the server's `retry` (1 s by default) with `Last-Event-ID`, until three attempts in a
/// row bring nothing. A POST's SSE stream that ends before the response, after an event with an
/// id, is resumed by GET with `Last-Event-ID` after `retry` (up to five attempts in a row that
/// bring nothing). An outgoing `notifications/cancelled` aborts the POST of the request it
/// cancels. `close()` cancels everything and sends DELETE with the session id (`405` accepted).
public final class StreamableHTTPTransport: Transport {
  /// "http".
  public let kind = "http"

  /// A `tls-warning` when `--insecure` turns certificate checks off for an https URL.
  public var openingNote: (kind: String, text: String)? { options.tlsWarning }
  /// What the transport was made with.
  public let options: HTTPTransportOptions
  /// The reconnection time when the server sends no `retry`.
  static let defaultRetry = 1_000
  /// Resumption attempts in a row that bring no event before the transport gives up.
  static let resumeAttempts = 5
  /// GET stream attempts in a row that bring no event before the transport stops reopening it.
  static let getStreamAttempts = 3

  private enum Phase {
    case idle
    case open
    case closed
  }

  private struct State {
    var phase = Phase.idle
    var client: HTTPClient?
    var sessionID: String?
    var protocolVersion: String?
    var exchanges: [UUID: HTTPExchange] = [:]
    /// The POST carrying each request in flight (until its exchange ends), for
    /// `notifications/cancelled`.
    var requestPosts: [JSONValue: StreamableHTTPResponseReader] = [:]
    /// Whether the GET stream should be open (from `notifications/initialized` on).
    var getStreamWanted = false
    /// The GET stream's exchange, while one is open.
    var getStream: UUID?
    var tasks: [UUID: Task<Void, Never>] = [:]
    var initializeAnswer: String?
  }

  /// Where events go.
  let sink = HTTPEventSink()
  private let state = Mutex(State())
  private let endpoint: URL?
  /// The endpoint with secrets masked, for records and messages.
  let redactedURL: String
  private let requests: HTTPRequestFactory
  private let closed = StdioLatch()

  /// Makes a transport for `options.url`; nothing is sent until the first frame.
  public init(options: HTTPTransportOptions) {
    self.options = options
    self.endpoint = Self.httpURL(options.url)
    self.redactedURL = options.redactor.redactURL(options.url).0
    self.requests = HTTPRequestFactory(userHeaders: options.headers)
  }

  /// An `http` or `https` URL, or nil.
  static func httpURL(_ text: String) -> URL? {
    guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
      scheme == "http" || scheme == "https", url.host != nil
    else { return nil }
    return url
  }

  /// The session id the server gave, while the session lasts.
  public var sessionID: String? { state.withLock { $0.sessionID } }

  /// The protocol version of the `initialize` result, sent as `MCP-Protocol-Version`.
  public var protocolVersion: String? { state.withLock { $0.protocolVersion } }

  /// How the server answered the last `initialize` POST ("200 (text/event-stream)"), for
  /// ``AutoHTTPTransport``'s note.
  var initializeAnswer: String? { state.withLock { $0.initializeAnswer } }

  /// Returns the event stream. Nothing goes over the network until the first frame.
  public func open() async throws(TransportError) -> AsyncStream<TransportEvent> {
    guard endpoint != nil else {
      throw TransportError("not an http:// or https:// URL: \(redactedURL)")
    }
    let stream = try state.withLock { state throws(TransportError) -> AsyncStream<TransportEvent> in
      guard case .idle = state.phase else {
        throw TransportError("cannot open \(redactedURL): this transport was already used")
      }
      state.phase = .open
      state.client = HTTPClient(insecure: options.insecure, engine: options.engine)
      return sink.start()
    }
    return stream
  }

  // MARK: - Sending

  /// POSTs one frame and returns once its answer is under way (see the type's description);
  /// throws for connection failures, error statuses (with the status, the `WWW-Authenticate`
  /// challenge and the body's start in the message), a session the server forgot, and
  /// answers that are not JSON or SSE.
  public func send(_ frame: [UInt8]) async throws(TransportError) {
    let peeks = HTTPMessagePeek.inspect(frame)
    let single = peeks.count == 1 ? peeks[0] : nil
    let method = single?.method
    let requestID = single?.isRequest == true ? single?.id : nil
    if method == "notifications/cancelled" {
      cancelRequest(named: frame)
    }
    let isInitialize = method == "initialize"
    let prepared = try state.withLock {
      state throws(TransportError) -> (HTTPClient, URLRequest, sentSessionID: String?) in
      guard case .open = state.phase, let client = state.client, let endpoint else {
        throw TransportError("cannot send to \(redactedURL): the transport is not open")
      }
      if isInitialize {
        state.sessionID = nil
        state.protocolVersion = nil
      }
      let owned = ownedHeaders(state, method: method, lastEventID: nil, forPOST: true)
      let request = requests.make(
        method: "POST", url: endpoint, base: Self.postHeaders, owned: owned, body: frame)
      return (client, request, owned.first { $0.name == "Mcp-Session-Id" }?.value)
    }
    let reader = StreamableHTTPResponseReader(
      transport: self, role: .post(method: method, id: requestID), httpMethod: "POST")
    let exchange = prepared.0.start(prepared.1, observer: reader)
    state.withLock { state in
      state.exchanges[reader.key] = exchange
      if let requestID {
        state.requestPosts[requestID] = reader
      }
    }
    let timeout = requestID != nil && !isInitialize ? nil : options.connectTimeout
    let head: HTTPResponseHead
    switch await exchange.head(timeout: timeout) {
    case .failure(let failure):
      if reader.isCancelledByClient { return }
      throw TransportError(message(failure, method: "POST"))
    case .success(let success):
      head = success
    }
    let waitsForFirstEvent = head.isSuccess && head.mediaType == "text/event-stream"
    let outcome = await withTaskCancellationHandler {
      waitsForFirstEvent ? await reader.waitForFirstEventOrEnd() : await reader.waitForEnd()
    } onCancel: {
      exchange.cancel()
    }
    if reader.isCancelledByClient { return }
    if isInitialize {
      let type = head.mediaType.map { " (\($0))" } ?? ""
      state.withLock { $0.initializeAnswer = "\(head.statusLine)\(type)" }
    }
    try check(outcome, head: head, requestID: requestID, sentSessionID: prepared.sentSessionID)
    if method == "notifications/initialized" {
      state.withLock { $0.getStreamWanted = options.opensGetStream }
      openGetStream(lastEventID: nil, retry: nil, failures: 0)
    }
  }

  /// The headers of every POST before the user's.
  private static let postHeaders: [(name: String, value: String)] = [
    ("Accept", "application/json, text/event-stream"), ("Content-Type", "application/json"),
  ]

  /// Throws when the answer to a POST is not one MCP allows.
  private func check(
    _ outcome: StreamableHTTPResponseReader.Outcome, head: HTTPResponseHead,
    requestID: JSONValue?, sentSessionID: String?
  ) throws(TransportError) {
    let request = requestID.map { "request \(JSONPrinter.compact($0))" } ?? "the message"
    if !head.isSuccess {
      if outcome.answered { return }
      if head.status == 404, let sentSessionID {
        // Only the current session can expire: a late 404 for the session that was already
        // replaced must not wipe the new one (two requests meeting the forgotten session).
        expireSession(head, ifCurrent: sentSessionID)
        throw TransportError(
          redact(
            "the server no longer knows this session (HTTP \(head.statusLine) from "
              + "\(redactedURL) for a request that carried its Mcp-Session-Id); "
              + "initialize again to start a new one"),
          httpStatus: 404, isSessionExpired: true)
      }
      throw TransportError(
        statusMessage(head, body: outcome.body, total: outcome.bodyTotal),
        httpStatus: head.status)
    }
    switch outcome.mode {
    case .wrongType:
      throw TransportError(
        redact(
          "POST \(redactedURL) answered \(head.statusLine) with Content-Type "
            + "\(head.value("Content-Type") ?? "") to \(request); MCP allows only "
            + "application/json and text/event-stream"))
    case .sse:
      if let malformed = outcome.malformed {
        throw TransportError(redact(malformed))
      }
      if outcome.eventCount == 0, outcome.ended, requestID != nil {
        if let failure = outcome.failure {
          throw TransportError(message(failure, method: "POST"))
        }
        throw TransportError(
          redact(
            "POST \(redactedURL) answered \(head.statusLine) with an SSE stream that ended "
              + "without any event, so \(request) has no response"))
      }
    case .json:
      if let failure = outcome.failure {
        throw TransportError(message(failure, method: "POST"))
      }
      if let requestID, !outcome.answered {
        throw TransportError(
          redact(
            "POST \(redactedURL) answered \(head.statusLine) with a JSON body that is not the "
              + "response to request \(JSONPrinter.compact(requestID)): "
              + HTTPRecord.excerpt(outcome.body, total: outcome.bodyTotal, limit: 300)))
      }
    case .empty:
      if requestID != nil {
        throw TransportError(
          redact(
            "POST \(redactedURL) answered \(head.statusLine) without a body to \(request), so no "
              + "response will come (a request needs application/json or text/event-stream)"))
      }
    case .waiting, .errorStatus:
      break
    }
  }

  /// "HTTP 401 Unauthorized from https://…/mcp: Bearer realm=…; the body says: …".
  func statusMessage(_ head: HTTPResponseHead, body: [UInt8], total: Int) -> String {
    redact(head.failureText(url: redactedURL, body: body, total: total))
  }

  private func message(_ failure: HTTPFailure, method: String) -> String {
    redact(
      failure.message(
        method: method, url: endpoint ?? URL(fileURLWithPath: "/"), redactedURL: redactedURL,
        insecure: options.insecure))
  }

  private func redact(_ text: String) -> String { options.redactor.redact(text).0 }

  /// The headers the transport owns, for the next request.
  private func ownedHeaders(
    _ state: State, method: String?, lastEventID: String?, forPOST: Bool
  ) -> [(name: String, value: String)] {
    var owned: [(name: String, value: String)] = []
    if let session = state.sessionID,
      !forPOST || options.sessionIDEcho == .always || method != "tools/call"
    {
      owned.append(("Mcp-Session-Id", session))
    }
    if let version = state.protocolVersion {
      owned.append(("MCP-Protocol-Version", version))
    }
    if let lastEventID, !lastEventID.isEmpty {
      owned.append(("Last-Event-ID", lastEventID))
    }
    return owned
  }

  /// The `http` object for the next outbound frame: POST, the endpoint, `Content-Type`, the
  /// session id and protocol version as they stand, and the user's headers (secret-named ones
  /// masked). Without the frame it cannot tell a `tools/call`; see
  /// ``outboundHTTPDetails(for:)``.
  public func outboundHTTPDetails() -> JSONValue? {
    details(forMethod: nil)
  }

  /// The `http` object for `frame`, with the session id only when the echo rule sends it for
  /// the frame's method.
  public func outboundHTTPDetails(for frame: [UInt8]) -> JSONValue? {
    details(forMethod: HTTPMessagePeek.first(frame)?.method)
  }

  private func details(forMethod method: String?) -> JSONValue {
    let owned = state.withLock { state -> [(name: String, value: String)] in
      if method == "initialize" { return [] }
      return ownedHeaders(state, method: method, lastEventID: nil, forPOST: true)
    }
    let headers = requests.headers(base: [("Content-Type", "application/json")], owned: owned)
    return HTTPRecord.request(method: "POST", url: redactedURL, headers: headers)
  }

  // MARK: - Reader callbacks

  /// The `initialize` POST answered with a 2xx: keep its session id (or none).
  func adoptSession(id: String?) {
    state.withLock { $0.sessionID = id }
  }

  /// The `initialize` result passed by: keep its protocol version.
  func adoptInitializeResult(_ bytes: [UInt8]) {
    guard let value = try? JSONParser.parse(bytes) else { return }
    let messages = value.arrayValue ?? [value]
    for message in messages {
      if let version = message["result"]?["protocolVersion"]?.stringValue {
        state.withLock { $0.protocolVersion = version }
      }
    }
  }

  /// An exchange ended: forget it.
  func exchangeEnded(_ key: UUID) {
    state.withLock { state in
      state.exchanges[key] = nil
      if let id = state.requestPosts.first(where: { $0.value.key == key })?.key {
        state.requestPosts[id] = nil
      }
      if state.getStream == key {
        state.getStream = nil
      }
    }
  }

  /// An outgoing `notifications/cancelled`: abort the POST of the request it names.
  private func cancelRequest(named frame: [UInt8]) {
    guard let value = try? JSONParser.parse(frame),
      let requestID = value["params"]?["requestId"]
    else { return }
    let exchange = state.withLock { state -> HTTPExchange? in
      guard let reader = state.requestPosts[requestID], let exchange = state.exchanges[reader.key]
      else { return nil }
      reader.markCancelledByClient()
      return exchange
    }
    guard let exchange else { return }
    exchange.cancel()
    sink.yield(
      .note(
        kind: "http",
        text: "closed the POST of request \(JSONPrinter.compact(requestID)), which the client "
          + "cancelled"))
  }

  /// A 404 answered a request that carried the session id.
  private func expireSession(_ head: HTTPResponseHead, ifCurrent sentSessionID: String) {
    let exchanges = state.withLock { state -> [HTTPExchange]? in
      guard state.sessionID == sentSessionID else { return nil }
      state.sessionID = nil
      state.protocolVersion = nil
      state.getStreamWanted = false
      let getStream = state.getStream.flatMap { state.exchanges[$0] }
      for task in state.tasks.values { task.cancel() }
      state.tasks = [:]
      return getStream.map { [$0] } ?? []
    }
    guard let exchanges else { return }
    for exchange in exchanges {
      exchange.cancel()
    }
    sink.yield(
      .note(
        kind: "session-expired",
        text: "the server answered \(head.statusLine) to a request that carried the session id: "
          + "the session is gone, so the client must initialize again"))
  }

  // MARK: - Resuming

  /// The SSE stream carrying `reader`'s request stopped before the response.
  func streamStopped(
    _ reader: StreamableHTTPResponseReader, lastEventID: String?, retry: Int?, eventCount: Int,
    resumable: Bool, failure: HTTPFailure?, status: Int?
  ) {
    guard let id = reader.awaitedID else { return }
    let name =
      "request \(JSONPrinter.compact(id))" + (reader.requestMethod.map { " (\($0))" } ?? "")
    let how = failure.map { "broke (\($0.detail.isEmpty ? "\($0.kind)" : $0.detail))" } ?? "ended"
    guard resumable, let lastEventID, !lastEventID.isEmpty else {
      if status.map({ !(200..<300).contains($0) }) ?? false {
        return  // the error status is recorded already
      }
      sink.yield(
        .note(
          kind: "stream-ended",
          text: "the SSE response to \(name) \(how) before its response, and it carried no "
            + "event id to resume from; the response will not come"))
      return
    }
    var attempt = 0
    if case .resume(_, _, let previous) = reader.role {
      attempt = eventCount > 0 ? 0 : previous + 1
    }
    guard attempt < Self.resumeAttempts else {
      sink.yield(
        .note(
          kind: "stream-ended",
          text: "gave up resuming the SSE response to \(name) after \(attempt) attempts in a "
            + "row that brought nothing"))
      return
    }
    let delay = retry ?? Self.defaultRetry
    sink.yield(
      .note(
        kind: "stream-dropped",
        text: "the SSE response to \(name) \(how) after event \(lastEventID); resuming with GET "
          + "and Last-Event-ID in \(delay) ms"))
    let role = StreamableHTTPResponseReader.Role.resume(
      method: reader.requestMethod, id: id, attempt: attempt)
    schedule(after: delay) { transport in
      transport.startGet(role: role, lastEventID: lastEventID, retry: retry)
    }
  }

  /// The GET stream stopped.
  func getStreamStopped(
    lastEventID: String?, retry: Int?, failures: Int, reopen: Bool, failure: HTTPFailure?,
    status: Int?
  ) {
    let wanted = state.withLock { state in
      state.phase == .open && state.getStreamWanted
    }
    guard wanted else { return }
    guard reopen else {
      state.withLock { $0.getStreamWanted = false }
      return
    }
    guard failures < Self.getStreamAttempts else {
      state.withLock { $0.getStreamWanted = false }
      let why = failure.map { ": " + message($0, method: "GET") } ?? ""
      sink.yield(
        .note(
          kind: "stream-ended",
          text: "stopped reopening the GET stream after \(failures) attempts in a row that "
            + "brought nothing\(why)"))
      return
    }
    let delay = retry ?? Self.defaultRetry
    let how = failure.map { "broke (\(message($0, method: "GET")))" } ?? "ended"
    sink.yield(
      .note(
        kind: "stream-dropped",
        text: "the GET stream \(how); reopening it in \(delay) ms"
          + (lastEventID.map { $0.isEmpty ? "" : " with Last-Event-ID \($0)" } ?? "")))
    schedule(after: delay) { transport in
      transport.openGetStream(lastEventID: lastEventID, retry: retry, failures: failures)
    }
  }

  /// Runs `work` after `milliseconds`, unless the transport closes first.
  private func schedule(
    after milliseconds: Int, _ work: @escaping @Sendable (StreamableHTTPTransport) -> Void
  ) {
    let key = UUID()
    let task = Task { [weak self] in
      try? await Task.sleep(for: .milliseconds(milliseconds))
      guard !Task.isCancelled, let self else { return }
      let live = self.state.withLock { state -> Bool in
        state.tasks[key] = nil
        return state.phase == .open
      }
      if live {
        work(self)
      }
    }
    state.withLock { state in
      if state.phase == .open {
        state.tasks[key] = task
      } else {
        task.cancel()
      }
    }
  }

  /// Opens the GET stream, if the options want it and none is open.
  private func openGetStream(lastEventID: String?, retry: Int?, failures: Int) {
    let go = state.withLock { state -> Bool in
      state.phase == .open && state.getStreamWanted && state.getStream == nil
    }
    guard go else { return }
    startGet(role: .getStream(failures: failures), lastEventID: lastEventID, retry: retry)
  }

  /// Starts a GET (the stream, or a resumption) and waits for its head in the background.
  private func startGet(
    role: StreamableHTTPResponseReader.Role, lastEventID: String?, retry: Int?
  ) {
    let prepared = state.withLock {
      state -> (HTTPClient, URLRequest, [(name: String, value: String)])? in
      guard case .open = state.phase, let client = state.client, let endpoint else { return nil }
      let owned = ownedHeaders(state, method: nil, lastEventID: lastEventID, forPOST: false)
      let request = requests.make(
        method: "GET", url: endpoint, base: [("Accept", "text/event-stream")], owned: owned)
      return (client, request, owned.filter { $0.name == "Last-Event-ID" })
    }
    guard let (client, request, shown) = prepared else { return }
    let reader = StreamableHTTPResponseReader(
      transport: self, role: role, httpMethod: "GET", requestHeaders: shown,
      parser: SSEParser(lastEventID: lastEventID, retry: retry))
    let exchange = client.start(request, observer: reader)
    state.withLock { state in
      state.exchanges[reader.key] = exchange
      if case .getStream = role {
        state.getStream = reader.key
      }
    }
    let timeout = options.connectTimeout
    Task { _ = await exchange.head(timeout: timeout) }
  }

  // MARK: - Closing

  /// Cancels every exchange, sends DELETE with the session id (a `405` is accepted), and ends
  /// the stream with `.closed(.local)`. Safe to call more than once; every call returns once the
  /// stream has ended.
  public func close() async {
    let taken = state.withLock {
      state -> (
        HTTPClient?, [HTTPExchange], [Task<Void, Never>], [(name: String, value: String)], Bool
      )? in
      switch state.phase {
      case .closed:
        return nil
      case .idle:
        state.phase = .closed
        return (nil, [], [], [], false)
      case .open:
        state.phase = .closed
        let owned = ownedHeaders(state, method: nil, lastEventID: nil, forPOST: false)
        let result = (
          state.client, Array(state.exchanges.values), Array(state.tasks.values), owned,
          state.sessionID != nil
        )
        state.exchanges = [:]
        state.tasks = [:]
        return result
      }
    }
    guard let (client, exchanges, tasks, owned, hasSession) = taken else {
      await closed.wait()
      return
    }
    for task in tasks { task.cancel() }
    for exchange in exchanges { exchange.cancel() }
    if let client, hasSession, let endpoint {
      await deleteSession(client: client, endpoint: endpoint, owned: owned)
    }
    client?.shutDown()
    sink.finish(.local)
    closed.fire()
  }

  private func deleteSession(
    client: HTTPClient, endpoint: URL, owned: [(name: String, value: String)]
  ) async {
    let url = redactedURL
    let sink = self.sink
    let collector = HTTPBodyCollector(limit: HTTPRecord.bodyLimit) { result in
      guard let head = result.head else { return }
      var text = "DELETE \(url) answered \(head.statusLine)"
      if head.status == 405 {
        text += ": the server does not let clients end sessions"
      } else if head.isSuccess {
        text += ": session ended"
      }
      sink.yield(
        .http(
          HTTPRecord.response(
            method: "DELETE", url: url, head: head, body: head.isSuccess ? nil : result.body,
            bodyTotal: result.total),
          text: text))
    }
    let request = requests.make(method: "DELETE", url: endpoint, base: [], owned: owned)
    let exchange = client.start(request, observer: collector)
    let timeout = min(options.connectTimeout, .seconds(5))
    switch await exchange.head(timeout: timeout) {
    case .success:
      let waiter = Task { await collector.waitForEnd() }
      let guardTask = Task {
        try? await Task.sleep(for: timeout)
        exchange.cancel()
      }
      _ = await waiter.value
      guardTask.cancel()
    case .failure(let failure):
      sink.yield(
        .http(
          HTTPRecord.response(method: "DELETE", url: url, head: nil),
          text: "could not end the session: " + message(failure, method: "DELETE")))
    }
  }
}
