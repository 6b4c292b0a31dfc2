import PreflightJSON

/// One end of a JSON-RPC 2.0 conversation over a ``Transport``.
///
/// It numbers and sends requests, matches responses by exact id, times requests out (resetting
/// on progress when asked) and sends `notifications/cancelled` on timeout or cancel, answers
/// `ping`, hands incoming requests to handlers (`-32601` when none), and records every frame in
/// the ``WireLog`` before anything else looks at it. Responses that arrive late or match nothing
/// are recorded and reported, never dropped. The two directions have separate id spaces: an
/// incoming request with id 1 has nothing to do with our request 1.
public actor JSONRPCPeer {
  private struct Pending {
    var method: String
    var options: RequestOptions
    var deadline: Duration
    var hardDeadline: Duration
    var continuation: CheckedContinuation<Result<JSONValue, RPCFailure>, Never>?
    var outcome: Result<JSONValue, RPCFailure>?

    /// Whether a deadline applies (a timeout or a total limit).
    var isTimed: Bool { options.timeout != nil || options.maxTotal != nil }
    /// When it times out, unless progress moves the deadline.
    var due: Duration { min(deadline, hardDeadline) }
  }

  /// Everything no pending request consumed: notifications, server requests, late responses,
  /// invalid frames, stderr lines, and the close.
  public nonisolated let events: AsyncStream<PeerEvent>
  private let eventSink: AsyncStream<PeerEvent>.Continuation
  /// The wire log every frame goes into.
  public nonisolated let log: WireLog
  private let transport: any Transport
  private let clock: any PeerClock
  private let idStyle: RequestIDStyle
  private var counter: Int
  private var pending: [RequestID: Pending] = [:]
  private var ended: [RequestID: String] = [:]
  private var endedOrder: [RequestID] = []
  private var handlers: [String: RequestHandler] = [:]
  private var fallbackHandler:
    (@Sendable (String, JSONValue?, RequestID) async -> Result<JSONValue, JSONRPCErrorObject>)?
  private var notificationHandler: (@Sendable (String, JSONValue?) async -> Void)?
  private var incoming: [RequestID: Task<Void, Never>] = [:]
  private var cancelledIncoming: Set<RequestID> = []
  private var readTask: Task<Void, Never>?
  /// The one task that times requests out, asleep until the earliest deadline; a task per
  /// request made and cancelled a task and a timer for every call.
  private var sweeper: Task<Void, Never>?
  /// When the sweeper wakes next.
  private var sweeperDue: Duration?
  /// Numbers sweepers, so that one replaced by an earlier deadline stops at its next look.
  private var sweeperGeneration = 0
  private var closeReason: CloseReason?

  /// Makes a peer; call ``start()`` to open the transport.
  public init(
    transport: any Transport, log: WireLog, clock: any PeerClock = SystemPeerClock(),
    idStyle: RequestIDStyle = .numeric(start: 1)
  ) {
    self.transport = transport
    self.log = log
    self.clock = clock
    self.idStyle = idStyle
    if case .numeric(let start) = idStyle { counter = start } else { counter = 1 }
    (events, eventSink) = AsyncStream.makeStream(
      of: PeerEvent.self, bufferingPolicy: .bufferingNewest(4096))
  }

  /// The transport's kind, for messages.
  public nonisolated var transportKind: String { transport.kind }

  /// Why the transport closed, once it has.
  public var closed: CloseReason? { closeReason }

  /// Opens the transport and starts reading.
  public func start() async throws(TransportError) {
    let stream = try await transport.open()
    if let note = transport.openingNote {
      log.recordLocal(kind: note.kind, text: note.text, transport: transport.kind)
    }
    readTask = Task { [weak self] in
      for await event in stream {
        guard let self else { return }
        await self.receive(event)
      }
    }
  }

  /// Sets the handler for incoming requests with this method (replacing the built-in `ping`
  /// answer when the method is `ping`).
  public func setRequestHandler(_ method: String, _ handler: @escaping RequestHandler) {
    handlers[method] = handler
  }

  /// Sets a handler for incoming requests that no method handler takes (a server's dispatcher).
  public func setFallbackRequestHandler(
    _ handler:
      @escaping @Sendable (String, JSONValue?, RequestID) async -> Result<
        JSONValue, JSONRPCErrorObject
      >
  ) {
    fallbackHandler = handler
  }

  /// Sets a handler called for every incoming notification (in addition to ``events``).
  public func setNotificationHandler(
    _ handler: @escaping @Sendable (_ method: String, _ params: JSONValue?) async -> Void
  ) {
    notificationHandler = handler
  }

  // MARK: Sending

  /// Sends a request and waits for its result.
  public func request(
    _ method: String, params: JSONValue? = nil, options: RequestOptions = RequestOptions()
  ) async throws(RPCFailure) -> JSONValue {
    let id = try await startRequest(method, params: params, options: options)
    return try await response(to: id)
  }

  /// Sends a request and returns its id at once; ``response(to:)`` waits for the answer.
  public func startRequest(
    _ method: String, params: JSONValue? = nil, options: RequestOptions = RequestOptions()
  ) async throws(RPCFailure) -> RequestID {
    if let closeReason { throw .closed(closeReason) }
    let id = makeID()
    var params = params
    if let token = options.progressToken {
      var p = params?.objectValue ?? JSONObject()
      var meta = p["_meta"]?.objectValue ?? JSONObject()
      meta["progressToken"] = token
      p["_meta"] = .object(meta)
      params = .object(p)
    }
    var message = JSONObject()
    message["jsonrpc"] = "2.0"
    message["id"] = id.json
    message["method"] = .string(method)
    if let params { message["params"] = params }
    let now = clock.now
    let forever = Duration.seconds(Int64.max / 4)
    let deadline = options.timeout.map { now + $0 } ?? forever
    let hard = options.maxTotal.map { now + $0 } ?? forever
    pending[id] = Pending(
      method: method, options: options, deadline: deadline, hardDeadline: hard)
    if options.timeout != nil || options.maxTotal != nil {
      armSweeper(min(deadline, hard))
    }
    do {
      try await sendMessage(.object(message))
    } catch {
      pending[id] = nil
      // A write usually fails because the other side is gone: report why it went (a process's
      // exit status and last stderr lines) rather than the broken pipe, once the reader sees it.
      if error.channelGone, let reason = await closeReasonSoon() { throw .closed(reason) }
      throw .transport(error)
    }
    return id
  }

  /// Waits up to a second for the transport's close report; nil if none comes.
  private func closeReasonSoon() async -> CloseReason? {
    let clock = ContinuousClock()
    let deadline = clock.now + .seconds(1)
    while closeReason == nil && readTask != nil && clock.now < deadline {
      try? await Task.sleep(for: .milliseconds(5))
    }
    return closeReason
  }

  /// Waits for the answer to a request started with ``startRequest(_:params:options:)``.
  /// Cancelling the waiting task cancels the request.
  public func response(to id: RequestID) async throws(RPCFailure) -> JSONValue {
    guard let entry = pending[id] else {
      throw .transport(TransportError("no request with id \(id) is waiting"))
    }
    if let outcome = entry.outcome {
      pending[id] = nil
      return try outcome.get()
    }
    let result = await withTaskCancellationHandler {
      await withCheckedContinuation {
        (c: CheckedContinuation<Result<JSONValue, RPCFailure>, Never>) in
        pending[id]?.continuation = c
      }
    } onCancel: {
      Task { await self.cancel(id, reason: "cancelled by the client") }
    }
    return try result.get()
  }

  /// Sends a notification.
  public func notify(_ method: String, params: JSONValue? = nil) async throws(TransportError) {
    var message = JSONObject()
    message["jsonrpc"] = "2.0"
    message["method"] = .string(method)
    if let params { message["params"] = params }
    try await sendMessage(.object(message))
  }

  /// Cancels a request in flight: sends `notifications/cancelled` (never for `initialize`, which
  /// the specification forbids cancelling) and ends the wait with ``RPCFailure/cancelled``.
  public func cancel(_ id: RequestID, reason: String? = nil) async {
    guard let entry = pending[id], entry.outcome == nil else { return }
    await sendCancellation(id, method: entry.method, reason: reason ?? "cancelled")
    finish(id, .failure(.cancelled), endedBecause: "been cancelled")
  }

  /// Requests whose answer has not arrived, with their methods.
  public var inFlight: [RequestID: String] {
    pending.filter { $0.value.outcome == nil }.mapValues(\.method)
  }

  /// Closes the transport and waits until every event has been processed.
  public func close() async {
    await transport.close()
    await readTask?.value
  }

  /// Waits until the transport has closed on its own (for a server that exits) and every event
  /// has been processed, then until every incoming request being handled has been answered.
  public func waitUntilClosed() async {
    await readTask?.value
    while let task = incoming.values.first {
      await task.value
    }
  }

  private func makeID() -> RequestID {
    defer { counter += 1 }
    switch idStyle {
    case .numeric: return .number(String(counter))
    case .string(let prefix): return .string(prefix + String(counter))
    }
  }

  private func sendMessage(_ message: JSONValue) async throws(TransportError) {
    let bytes = JSONPrinter.compactBytes(message)
    log.recordMessage(
      message, direction: .outbound, transport: transport.kind, byteCount: bytes.count,
      http: transport.outboundHTTPDetails(for: bytes))
    do {
      try await transport.send(bytes)
    } catch {
      log.recordLocal(
        kind: "send-failed", text: "could not send: \(error.message)", transport: transport.kind)
      throw error
    }
  }

  private func sendCancellation(_ id: RequestID, method: String, reason: String) async {
    guard method != "initialize" else { return }
    log.recordLocal(
      kind: "cancel-requested", text: "request \(id) (\(method)) cancelled: \(reason)",
      details: ["requestId": id.json], transport: transport.kind)
    try? await notify(
      "notifications/cancelled", params: ["requestId": id.json, "reason": .string(reason)])
  }

  /// Makes sure the sweeper wakes by `due`: a sleeping sweeper that wakes earlier is kept
  /// (sequential requests under one timeout never make a new one); otherwise it is replaced.
  private func armSweeper(_ due: Duration) {
    if sweeper != nil, let current = sweeperDue, current <= due { return }
    sweeper?.cancel()
    sweeperGeneration += 1
    let generation = sweeperGeneration
    sweeperDue = due
    sweeper = Task { [weak self, clock] in
      var wake = due
      while true {
        do {
          try await clock.sleep(until: wake)
        } catch {
          return
        }
        guard let self, let next = await self.sweep(generation) else { return }
        wake = next
      }
    }
  }

  /// Times out every request whose deadline has passed (sending `notifications/cancelled`);
  /// returns when to look next, or nil when no deadline is left or a newer sweeper took over.
  private func sweep(_ generation: Int) async -> Duration? {
    guard generation == sweeperGeneration else { return nil }
    let now = clock.now
    let due = pending.filter { $0.value.outcome == nil && $0.value.isTimed && $0.value.due <= now }
    for id in due.keys.sorted(by: { due[$0]!.due < due[$1]!.due }) {
      // An earlier cancellation was sent in between: look again at this one.
      guard let entry = pending[id], entry.outcome == nil, clock.now >= entry.due else { continue }
      let hard = entry.hardDeadline <= entry.deadline
      let limit = hard ? entry.options.maxTotal : entry.options.timeout
      let text = "timed out after \(RPCFailure.format(limit ?? .zero))"
      await sendCancellation(id, method: entry.method, reason: text)
      finish(id, .failure(.timedOut(after: limit ?? .zero)), endedBecause: "timed out")
    }
    guard generation == sweeperGeneration else { return nil }
    let next = pending.values.lazy.filter { $0.outcome == nil && $0.isTimed }.map(\.due).min()
    sweeperDue = next
    if next == nil { sweeper = nil }
    return next
  }

  private func finish(
    _ id: RequestID, _ outcome: Result<JSONValue, RPCFailure>, endedBecause: String?
  ) {
    guard var entry = pending[id] else { return }
    if let endedBecause {
      ended[id] = endedBecause
      endedOrder.append(id)
      if endedOrder.count > 10_000 {
        let drop = endedOrder.prefix(1_000)
        for old in drop { ended[old] = nil }
        endedOrder.removeFirst(1_000)
      }
    }
    if let c = entry.continuation {
      pending[id] = nil
      c.resume(returning: outcome)
    } else {
      entry.outcome = outcome
      pending[id] = entry
    }
  }

  // MARK: Receiving

  private func receive(_ event: TransportEvent) async {
    switch event {
    case .frame(let bytes):
      await receiveFrame(bytes, http: nil)
    case .frames(let list):
      for bytes in list { await receiveFrame(bytes, http: nil) }
    case .httpFrame(let bytes, let http):
      await receiveFrame(bytes, http: http)
    case .http(let details, let text):
      log.recordLocal(kind: "http", text: text, http: details, transport: transport.kind)
    case .stderr(let line):
      let record = log.recordStderr(line, transport: transport.kind)
      eventSink.yield(.stderr(line, seq: record.seq))
    case .note(let kind, let text):
      log.recordLocal(kind: kind, text: text, transport: transport.kind)
    case .closed(let reason):
      receiveClose(reason)
    }
  }

  /// A result's `structuredContent` of this many bytes or more is kept as bytes
  /// (``RawJSON``), not parsed into values, when it arrives.
  public static let deferredObjectBytes = 1 << 20

  private func receiveFrame(_ bytes: [UInt8], http: JSONValue?) async {
    let parsed = Result { () throws(JSONParseError) -> JSONValue in
      // A large `structuredContent` stays as the frame's bytes until something needs its tree.
      try DeferringJSONParser.parse(
        bytes, deferring: ["result", "structuredContent"], above: Self.deferredObjectBytes)
    }
    let record = log.recordFrame(
      bytes, parsed: parsed, direction: .inbound, transport: transport.kind, http: http)
    switch parsed {
    case .failure(let error):
      eventSink.yield(.invalidFrame(reason: "not JSON: \(error)", seq: record.seq))
    case .success(let received):
      // What the server sent goes on without the user's secrets, to every screen and report.
      let value = log.redactor.maskingSecretValues(received) ?? received
      let message = JSONRPCMessage.classify(value)
      if case .batch(let items) = message {
        for item in items { await dispatch(JSONRPCMessage.classify(item), seq: record.seq) }
      } else {
        await dispatch(message, seq: record.seq)
      }
    }
  }

  private func receiveClose(_ received: CloseReason) {
    // The reason ends up in error messages: the server's last stderr lines lose the user's
    // secrets here, as the wire log's stderr records do.
    let redactor = log.redactor
    var reason = received
    switch received {
    case .processExited(let status, let signal, let lastStderr):
      reason = .processExited(
        status: status, signal: signal, lastStderr: lastStderr.map { redactor.redact($0).0 })
    case .failure(let why):
      reason = .failure(redactor.redact(why).0)
    default:
      break
    }
    closeReason = reason
    sweeper?.cancel()
    sweeper = nil
    sweeperDue = nil
    switch reason {
    case .processExited:
      log.recordLocal(kind: "server-exited", text: reason.description, transport: transport.kind)
    case .local:
      log.recordLocal(kind: "closed", text: reason.description, transport: transport.kind)
    default:
      log.recordLocal(
        kind: "transport-closed", text: reason.description, transport: transport.kind)
    }
    for (id, entry) in pending where entry.outcome == nil {
      finish(id, .failure(.closed(reason)), endedBecause: "failed because the connection closed")
    }
    if reason != .endOfStream {
      // The channel is gone both ways: nobody can receive the answers.
      for task in incoming.values { task.cancel() }
    }
    eventSink.yield(.closed(reason))
    eventSink.finish()
  }

  private func dispatch(_ message: JSONRPCMessage, seq: Int) async {
    switch message {
    case .response(let id, let result):
      settle(id, .success(result), seq: seq)
    case .errorResponse(let id, let error):
      if let id {
        settle(id, .failure(.error(error)), seq: seq)
      } else {
        log.recordLocal(
          kind: "unknown-response",
          text: "error response without an id: \(error)", transport: transport.kind)
        eventSink.yield(.unknownResponse(id: nil, seq: seq))
      }
    case .request(let id, let method, let params):
      eventSink.yield(.request(id: id, method: method, params: params, seq: seq))
      serve(id: id, method: method, params: params)
    case .notification(let method, let params):
      if method == "notifications/progress", let token = params?["progressToken"] {
        noteProgress(token: token)
      } else if method == "notifications/cancelled", let raw = params?["requestId"],
        let id = RequestID(json: raw)
      {
        if let task = incoming[id] {
          cancelledIncoming.insert(id)
          task.cancel()
        }
      }
      eventSink.yield(.notification(method: method, params: params, seq: seq))
      if let notificationHandler { await notificationHandler(method, params) }
    case .batch:
      eventSink.yield(.invalidFrame(reason: "nested batch", seq: seq))
    case .invalid(let reason):
      eventSink.yield(.invalidFrame(reason: reason, seq: seq))
    }
  }

  private func settle(_ id: RequestID, _ outcome: Result<JSONValue, RPCFailure>, seq: Int) {
    if let entry = pending[id], entry.outcome == nil {
      finish(id, outcome, endedBecause: "been answered")
      return
    }
    if let why = ended[id] {
      log.recordLocal(
        kind: "late-response",
        text: "the answer to request \(id) arrived after it had \(why) (record \(seq))",
        details: ["requestId": id.json, "seq": .int(seq)], transport: transport.kind)
      eventSink.yield(.lateResponse(id: id, seq: seq))
    } else {
      log.recordLocal(
        kind: "unknown-response",
        text: "a response with id \(id) matches no request Preflight sent (record \(seq))",
        details: ["requestId": id.json, "seq": .int(seq)], transport: transport.kind)
      eventSink.yield(.unknownResponse(id: id, seq: seq))
    }
  }

  private func noteProgress(token: JSONValue) {
    let now = clock.now
    for (id, entry) in pending where entry.outcome == nil && entry.options.progressToken == token {
      guard entry.options.resetOnProgress, let timeout = entry.options.timeout else { continue }
      pending[id]?.deadline = now + timeout
    }
  }

  private func serve(id: RequestID, method: String, params: JSONValue?) {
    let handler: RequestHandler?
    if let h = handlers[method] {
      handler = h
    } else if let fallback = fallbackHandler {
      handler = { params, id in await fallback(method, params, id) }
    } else if method == "ping" {
      handler = { _, _ in .success(.object(JSONObject())) }
    } else {
      handler = nil
    }
    guard let handler else {
      Task {
        await reply(
          to: id,
          .failure(
            JSONRPCErrorObject(
              code: JSONRPCErrorObject.methodNotFoundCode, message: "Method not found: \(method)")
          ))
      }
      return
    }
    incoming[id] = Task { [weak self] in
      let result = await handler(params, id)
      await self?.reply(to: id, result)
    }
  }

  private func reply(to id: RequestID, _ result: Result<JSONValue, JSONRPCErrorObject>) async {
    incoming[id] = nil
    // A request the other side cancelled gets no answer (the specification's SHOULD NOT).
    if cancelledIncoming.remove(id) != nil { return }
    // After the input ended (a client that closed our stdin) the output may still be open, so
    // answers to requests already read are still sent; other closes end the conversation.
    if let closeReason, closeReason != .endOfStream { return }
    var message = JSONObject()
    message["jsonrpc"] = "2.0"
    message["id"] = id.json
    switch result {
    case .success(let value): message["result"] = value
    case .failure(let error): message["error"] = error.raw
    }
    try? await sendMessage(.object(message))
  }
}
