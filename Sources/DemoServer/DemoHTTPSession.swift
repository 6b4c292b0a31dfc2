import PreflightJSON

/// One Streamable HTTP session: its own `DemoServer` (so its own tasks), the requests running
/// in it, and its open SSE streams.
actor DemoHTTPSession {
  /// The `Mcp-Session-Id`.
  let id: String
  /// The session's server state.
  let server: DemoServer
  /// The keep-alive interval of the session's SSE streams.
  let keepAlive: Duration

  /// The handler task of each request in flight, by request id.
  private var running: [JSONValue: Task<DemoReply, Never>] = [:]
  /// Streams opened so far (numbers event ids).
  private var streamCount = 0
  /// The open response streams of POSTed requests, by stream number.
  private var responseStreams: [Int: DemoHTTPEventStream] = [:]
  /// The GET stream for messages outside any request's stream, if one is open.
  private var standaloneStream: DemoHTTPEventStream?
  /// Whether the session has ended (DELETE, or the server stopping).
  private(set) var isClosed = false

  /// Makes a session with a fresh server.
  init(id: String, pageSize: Int?, keepAlive: Duration) {
    self.id = id
    self.server = DemoServer(pageSize: pageSize)
    self.keepAlive = keepAlive
  }

  /// Opens a stream for one request's response (and the notifications sent before it).
  func openResponseStream() -> DemoHTTPEventStream {
    streamCount += 1
    let stream = DemoHTTPEventStream(number: streamCount, keepAlive: keepAlive)
    if isClosed {
      stream.finish()
    } else {
      responseStreams[streamCount] = stream
    }
    return stream
  }

  /// Opens the GET stream; one opened before is ended (the client holds one at a time).
  func openStandaloneStream() -> DemoHTTPEventStream {
    streamCount += 1
    let stream = DemoHTTPEventStream(number: streamCount, keepAlive: keepAlive)
    standaloneStream?.finish()
    if isClosed {
      stream.finish()
    } else {
      standaloneStream = stream
    }
    return stream
  }

  /// Sends a notification on the GET stream, or drops it when none is open.
  func sendOnStandaloneStream(method: String, params: JSONValue) {
    guard let stream = standaloneStream, stream.isOpen else { return }
    stream.send(DemoHTTPMessage.notification(method: method, params: params))
  }

  /// Starts the handler for request `id`; its notifications go through `notify`.
  func start(
    id requestID: JSONValue, method: String, params: JSONValue?,
    notify: @escaping @Sendable (String, JSONValue) async -> Void
  ) -> Task<DemoReply, Never> {
    let context = DemoRequestContext(
      progressToken: params?["_meta"]?["progressToken"], notify: notify)
    let server = server
    let task = Task.detached {
      await server.handle(method: method, params: params, context: context)
    }
    if isClosed {
      task.cancel()
    } else {
      running[requestID] = task
    }
    return task
  }

  /// Forgets request `id`'s task and stream once it has finished; true when the request was
  /// cancelled (by the client or the end of the session), so no response is due.
  func finish(id requestID: JSONValue, task: Task<DemoReply, Never>, stream: DemoHTTPEventStream?)
    -> Bool
  {
    if running[requestID] == task { running[requestID] = nil }
    if let stream { responseStreams[stream.number] = nil }
    return task.isCancelled
  }

  /// Handles a notification from the client: `notifications/cancelled` cancels the request it
  /// names; the server sees every notification.
  func receive(method: String, params: JSONValue?) async {
    if method == "notifications/cancelled", let requestID = params?["requestId"] {
      running.removeValue(forKey: requestID)?.cancel()
    }
    await server.handleNotification(method: method, params: params)
  }

  /// Ends the session: cancels every request in flight and ends every stream.
  func close() {
    isClosed = true
    for task in running.values { task.cancel() }
    running = [:]
    for stream in responseStreams.values { stream.finish() }
    responseStreams = [:]
    standaloneStream?.finish()
    standaloneStream = nil
  }
}
