import Foundation
import PreflightJSON
import Synchronization

/// Reads one response of a ``StreamableHTTPTransport`` as it arrives: a POST's JSON body or SSE
/// stream, the GET stream, or a GET that resumes a dropped stream. SSE events become
/// `.httpFrame`s one by one as their empty line arrives; a JSON body becomes one `.httpFrame`
/// when it ends; exchanges without a frame become `.http` records. It notes whether the
/// response to the request it carries has arrived, so that a dropped stream can be resumed.
final class StreamableHTTPResponseReader: HTTPExchangeObserver {
  /// What the exchange is.
  enum Role: Sendable, Hashable {
    /// A POST carrying one client message (`id` when it is a request).
    case post(method: String?, id: JSONValue?)
    /// The GET stream for server-initiated messages; `failures` counts earlier attempts in a
    /// row that brought nothing.
    case getStream(failures: Int)
    /// A GET with `Last-Event-ID` that resumes the SSE response to request `id`.
    case resume(method: String?, id: JSONValue, attempt: Int)
  }

  /// How the body is read, decided by the head.
  enum Mode: Sendable, Hashable {
    /// No head yet.
    case waiting
    /// `text/event-stream`.
    case sse
    /// `application/json`.
    case json
    /// A 2xx without a body type (a `202`).
    case empty
    /// A 2xx with some other `Content-Type`.
    case wrongType
    /// Not a 2xx.
    case errorStatus
  }

  /// What happened, so far or in the end.
  struct Outcome: Sendable {
    /// How the body is read.
    var mode = Mode.waiting
    /// The response head.
    var head: HTTPResponseHead?
    /// SSE events dispatched.
    var eventCount = 0
    /// Whether the response to the request arrived (in the body or an event).
    var answered = false
    /// Whether the exchange has ended.
    var ended = false
    /// Why it failed, if it did.
    var failure: HTTPFailure?
    /// Why the SSE stream is not SSE, when it is not.
    var malformed: String?
    /// The body (whole for JSON, the first 64 KB otherwise; empty for SSE).
    var body: [UInt8] = []
    /// The body's full size.
    var bodyTotal = 0
  }

  private enum Milestone {
    case firstEvent
    case end
  }

  private struct State {
    var cancelledByClient = false
    var outcome = Outcome()
    var parser: SSEParser
    var rawPrefix: [UInt8] = []
    var waiters: [(Milestone, CheckedContinuation<Outcome, Never>)] = []
  }

  /// What the exchange is.
  let role: Role
  /// The key the transport registered the exchange under.
  let key = UUID()
  /// `POST` or `GET`.
  let httpMethod: String
  /// Request headers that matter for the record (`Last-Event-ID`).
  let requestHeaders: [(name: String, value: String)]
  private let transport: StreamableHTTPTransport
  private let state: Mutex<State>
  /// Kept bodies of non-JSON, non-SSE answers.
  static let bodyLimit = 65_536

  /// Makes a reader; `parser` carries the last event id and retry of a resumed stream.
  init(
    transport: StreamableHTTPTransport, role: Role, httpMethod: String,
    requestHeaders: [(name: String, value: String)] = [], parser: SSEParser = SSEParser()
  ) {
    self.transport = transport
    self.role = role
    self.httpMethod = httpMethod
    self.requestHeaders = requestHeaders
    self.state = Mutex(State(parser: parser))
  }

  /// Notes that the client cancelled the request this POST carries (its exchange is being
  /// cancelled, and that is no failure).
  func markCancelledByClient() {
    state.withLock { $0.cancelledByClient = true }
  }

  /// Whether the client cancelled the request this POST carries.
  var isCancelledByClient: Bool { state.withLock { $0.cancelledByClient } }

  /// The id of the request whose response this exchange may carry.
  var awaitedID: JSONValue? {
    switch role {
    case .post(_, let id): id
    case .resume(_, let id, _): id
    case .getStream: nil
    }
  }

  /// The method of the request it carries.
  var requestMethod: String? {
    switch role {
    case .post(let method, _): method
    case .resume(let method, _, _): method
    case .getStream: nil
    }
  }

  /// Waits until the first SSE event has arrived or the exchange has ended.
  func waitForFirstEventOrEnd() async -> Outcome { await wait(.firstEvent) }

  /// Waits until the exchange has ended.
  func waitForEnd() async -> Outcome { await wait(.end) }

  private func wait(_ milestone: Milestone) async -> Outcome {
    await withCheckedContinuation { (continuation: CheckedContinuation<Outcome, Never>) in
      let done = state.withLock { state -> Outcome? in
        let outcome = state.outcome
        if outcome.ended || (milestone == .firstEvent && outcome.eventCount > 0) {
          return outcome
        }
        state.waiters.append((milestone, continuation))
        return nil
      }
      if let done {
        continuation.resume(returning: done)
      }
    }
  }

  private func resolve(_ milestones: Set<Milestone>) {
    let (outcome, ready) = state.withLock {
      state -> (Outcome, [CheckedContinuation<Outcome, Never>]) in
      var ready: [CheckedContinuation<Outcome, Never>] = []
      state.waiters.removeAll { waiter in
        guard milestones.contains(waiter.0) else { return false }
        ready.append(waiter.1)
        return true
      }
      return (state.outcome, ready)
    }
    for continuation in ready {
      continuation.resume(returning: outcome)
    }
  }

  // MARK: - Records

  private func details(
    _ head: HTTPResponseHead?, eventID: String? = nil, body: [UInt8]? = nil, total: Int? = nil,
    extra: JSONObject = JSONObject()
  ) -> JSONValue {
    HTTPRecord.response(
      method: httpMethod, url: transport.redactedURL, head: head, requestHeaders: requestHeaders,
      eventID: eventID, body: body, bodyTotal: total, extra: extra)
  }

  private var requestName: String {
    guard let id = awaitedID else { return "the request" }
    let method = requestMethod.map { " (\($0))" } ?? ""
    return "request \(JSONPrinter.compact(id))\(method)"
  }

  // MARK: - Callbacks

  func didReceive(head: HTTPResponseHead) {
    let mode: Mode
    if !head.isSuccess {
      mode = .errorStatus
    } else if head.mediaType == "text/event-stream" {
      mode = .sse
    } else if head.mediaType == "application/json" {
      mode = .json
    } else if head.mediaType == nil {
      mode = .empty
    } else {
      mode = .wrongType
    }
    state.withLock { state in
      state.outcome.mode = mode
      state.outcome.head = head
    }
    if case .post(let method, _) = role, method == "initialize", head.isSuccess {
      transport.adoptSession(id: head.value("Mcp-Session-Id"))
    }
    guard mode == .sse else { return }
    switch role {
    case .getStream:
      transport.sink.yield(
        .http(
          details(head),
          text: "GET \(transport.redactedURL) answered \(head.statusLine): the stream for "
            + "server-initiated messages is open"))
    case .resume:
      let after = requestHeaders.first { $0.name == "Last-Event-ID" }.map { $0.value } ?? "?"
      transport.sink.yield(
        .http(
          details(head),
          text: "GET \(transport.redactedURL) answered \(head.statusLine): resuming the SSE "
            + "response to \(requestName) after event \(after)"))
    case .post:
      break
    }
  }

  func didReceive(data: Data) {
    var events: [SSEEvent] = []
    state.withLock { state in
      state.outcome.bodyTotal += data.count
      switch state.outcome.mode {
      case .sse:
        if state.outcome.eventCount == 0, state.rawPrefix.count < HTTPRecord.bodyLimit {
          state.rawPrefix.append(
            contentsOf: data.prefix(HTTPRecord.bodyLimit - state.rawPrefix.count))
        }
        data.withUnsafeBytes { buffer in
          state.parser.feed(buffer) { events.append($0) }
        }
      case .json:
        state.outcome.body.append(contentsOf: data)
      default:
        let room = Self.bodyLimit - state.outcome.body.count
        if room > 0 {
          state.outcome.body.append(contentsOf: data.prefix(room))
        }
      }
    }
    for event in events {
      handle(event)
    }
  }

  private func handle(_ event: SSEEvent) {
    let head = state.withLock { $0.outcome.head }
    var extra = JSONObject()
    if event.type != "message" {
      extra["event"] = .string(event.type)
    }
    let record = details(head, eventID: event.id, extra: extra)
    var answered = false
    if event.data.isEmpty {
      let id = event.id.map { " \($0)" } ?? ""
      let point = event.id == nil ? "" : " (a point to resume from)"
      transport.sink.yield(.http(record, text: "SSE event\(id) with empty data\(point)"))
    } else {
      answered = answers(event.data)
      transport.sink.yield(.httpFrame(event.data, http: record))
    }
    state.withLock { state in
      state.outcome.eventCount += 1
      if answered {
        state.outcome.answered = true
      }
    }
    resolve([.firstEvent])
  }

  /// Whether `bytes` hold the response to the awaited request; notes the protocol version of
  /// an `initialize` result on the way.
  private func answers(_ bytes: [UInt8]) -> Bool {
    guard let id = awaitedID else { return false }
    guard HTTPMessagePeek.inspect(bytes).contains(where: { $0.isResponse && $0.id == id }) else {
      return false
    }
    if requestMethod == "initialize" {
      transport.adoptInitializeResult(bytes)
    }
    return true
  }

  func didComplete(failure: HTTPFailure?) {
    let (outcome, rawPrefix, parser) = state.withLock { state -> (Outcome, [UInt8], SSEParser) in
      state.outcome.failure = failure
      if state.outcome.mode == .sse {
        state.parser.finish()
      }
      return (state.outcome, state.rawPrefix, state.parser)
    }
    var answered = outcome.answered
    var malformed: String?
    let cancelled = failure?.kind == .cancelled
    let url = transport.redactedURL
    let head = outcome.head
    switch outcome.mode {
    case .waiting:
      break
    case .sse:
      if outcome.eventCount == 0, parser.ignoredLineCount > 0 {
        let first = parser.firstIgnoredLine.map { " (the first: \($0))" } ?? ""
        let text =
          "the \(head?.mediaType ?? "") stream of \(httpMethod) \(url) is not SSE: "
          + "\(parser.ignoredLineCount) line(s) are not SSE fields\(first), and no event came"
        malformed = text
        transport.sink.yield(
          .http(details(head, body: rawPrefix, total: outcome.bodyTotal), text: text))
      }
    case .json:
      if !outcome.body.isEmpty {
        answered = answers(outcome.body)
        transport.sink.yield(.httpFrame(outcome.body, http: details(head)))
      } else if failure == nil {
        transport.sink.yield(
          .http(
            details(head),
            text: "\(httpMethod) \(url) answered \(head?.statusLine ?? "") with an empty body"))
      }
      if let failure, !cancelled {
        transport.sink.yield(
          .note(
            kind: "http-error",
            text: "the JSON body of \(httpMethod) \(url) was cut off after "
              + "\(outcome.bodyTotal) bytes: \(failure.detail)"))
      }
    case .empty:
      let body = outcome.body.isEmpty ? nil : outcome.body
      transport.sink.yield(
        .http(
          details(head, body: body, total: outcome.bodyTotal),
          text: "\(httpMethod) \(url) answered \(head?.statusLine ?? "")"))
    case .wrongType:
      let text =
        "\(httpMethod) \(url) answered \(head?.statusLine ?? "") with Content-Type "
        + "\(head?.value("Content-Type") ?? ""), which is neither application/json nor "
        + "text/event-stream"
      if case .post = role, !outcome.body.isEmpty {
        // The raw bytes, kept as they came (the wire log keeps what does not parse as text).
        transport.sink.yield(.httpFrame(outcome.body, http: details(head)))
      } else {
        transport.sink.yield(
          .http(details(head, body: outcome.body, total: outcome.bodyTotal), text: text))
      }
    case .errorStatus:
      if head?.mediaType == "application/json", outcome.bodyTotal == outcome.body.count,
        answers(outcome.body)
      {
        answered = true
        transport.sink.yield(.httpFrame(outcome.body, http: details(head)))
      } else {
        transport.sink.yield(
          .http(
            details(head, body: outcome.body, total: outcome.bodyTotal),
            text: errorStatusText(head)))
      }
    }
    state.withLock { state in
      state.outcome.answered = answered
      state.outcome.malformed = malformed
      state.outcome.ended = true
    }
    if !cancelled {
      switch role {
      case .post, .resume:
        if awaitedID != nil, !answered, outcome.mode == .sse || role.isResume {
          transport.streamStopped(
            self, lastEventID: parser.lastEventID, retry: parser.retry,
            eventCount: outcome.eventCount,
            resumable: outcome.mode == .sse || outcome.mode == .waiting,
            failure: failure, status: head?.status)
        }
      case .getStream(let failures):
        transport.getStreamStopped(
          lastEventID: parser.lastEventID, retry: parser.retry,
          failures: outcome.eventCount > 0 ? 0 : failures + 1,
          reopen: outcome.mode == .sse || outcome.mode == .waiting, failure: failure,
          status: head?.status)
      }
    }
    transport.exchangeEnded(key)
    resolve([.firstEvent, .end])
  }

  private func errorStatusText(_ head: HTTPResponseHead?) -> String {
    let line = "\(httpMethod) \(transport.redactedURL) answered \(head?.statusLine ?? "")"
    switch role {
    case .getStream where head?.status == 405:
      return line + ": the server offers no stream for server-initiated messages"
    case .getStream:
      return line + "; no stream for server-initiated messages"
    case .resume:
      return line + "; cannot resume the SSE response to \(requestName)"
    case .post:
      return line
    }
  }
}

extension StreamableHTTPResponseReader.Role {
  /// Whether this is a resumption GET.
  var isResume: Bool {
    if case .resume = self { return true }
    return false
  }
}
