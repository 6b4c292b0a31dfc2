import Foundation
import PreflightJSON
import Synchronization

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// MCP's legacy HTTP+SSE transport (2024-11-05), as a client.
///
/// `open()` GETs the SSE URL with `Accept: text/event-stream` and waits (up to
/// `options.connectTimeout`) for the `endpoint` event, whose URI is resolved against the SSE URL.
/// Each frame is then POSTed there (`202` expected; `send` returns at the answer's head), and
/// the server's messages arrive as `message` events on the GET stream, each an `.httpFrame` as it
/// arrives. The stream's end closes the transport (`.endOfStream`, or `.failure` when it broke):
/// this version of MCP has no resumption. `close()` cancels the stream.
public final class LegacySSETransport: Transport {
  /// "sse".
  public let kind = "sse"

  /// A `tls-warning` when `--insecure` turns certificate checks off for an https URL.
  public var openingNote: (kind: String, text: String)? { options.tlsWarning }
  /// What the transport was made with.
  public let options: HTTPTransportOptions

  private enum Phase {
    case idle
    case opening
    case open
    case ended
    case closed
  }

  private struct State {
    var phase = Phase.idle
    var client: HTTPClient?
    var postURL: URL?
    var exchanges: [UUID: HTTPExchange] = [:]
  }

  /// Where events go.
  let sink = HTTPEventSink()
  private let state = Mutex(State())
  /// The SSE URL.
  let sseURL: URL?
  /// The SSE URL with secrets masked.
  let redactedURL: String
  private let requests: HTTPRequestFactory
  private let closed = StdioLatch()

  /// Makes a transport for the SSE URL `options.url`.
  public init(options: HTTPTransportOptions) {
    self.options = options
    self.sseURL = StreamableHTTPTransport.httpURL(options.url)
    self.redactedURL = options.redactor.redactURL(options.url).0
    self.requests = HTTPRequestFactory(userHeaders: options.headers)
  }

  /// The URL messages are POSTed to, once the `endpoint` event has come.
  public var endpointURL: URL? { state.withLock { $0.postURL } }

  /// Opens the SSE stream and waits for the endpoint event; throws if the GET fails, answers
  /// with an error status or something that is not SSE, or sends no endpoint in time.
  public func open() async throws(TransportError) -> AsyncStream<TransportEvent> {
    guard let sseURL else {
      throw TransportError("not an http:// or https:// URL: \(redactedURL)")
    }
    let (client, stream) = try state.withLock {
      state throws(TransportError) -> (HTTPClient, AsyncStream<TransportEvent>) in
      guard case .idle = state.phase else {
        throw TransportError("cannot open \(redactedURL): this transport was already used")
      }
      state.phase = .opening
      let client = HTTPClient(insecure: options.insecure, engine: options.engine)
      state.client = client
      return (client, sink.start())
    }
    let reader = LegacySSEStreamReader(transport: self)
    let request = requests.make(
      method: "GET", url: sseURL, base: [("Accept", "text/event-stream")], owned: [])
    let exchange = client.start(request, observer: reader)
    let key = UUID()
    state.withLock { $0.exchanges[key] = exchange }
    do throws(TransportError) {
      let head: HTTPResponseHead
      switch await exchange.head(timeout: options.connectTimeout) {
      case .failure(let failure):
        throw TransportError(message(failure, method: "GET", url: sseURL))
      case .success(let success):
        head = success
      }
      guard head.isSuccess else {
        await reader.waitForEnd()
        let (body, total) = reader.body
        sink.yield(
          .http(
            HTTPRecord.response(
              method: "GET", url: redactedURL, head: head, body: body, bodyTotal: total),
            text: "GET \(redactedURL) answered \(head.statusLine)"))
        throw TransportError(
          statusMessage(head, url: redactedURL, body: body, total: total),
          httpStatus: head.status)
      }
      guard head.mediaType == "text/event-stream" else {
        exchange.cancel()
        throw TransportError(
          redact(
            "GET \(redactedURL) answered \(head.statusLine) with Content-Type "
              + "\(head.value("Content-Type") ?? "(none)"), not text/event-stream: this is not a "
              + "legacy HTTP+SSE endpoint"))
      }
      sink.yield(
        .http(
          HTTPRecord.response(method: "GET", url: redactedURL, head: head),
          text: "GET \(redactedURL) answered \(head.statusLine): the SSE stream is open"))
      let limit = options.connectTimeout
      let timer = Task {
        try? await Task.sleep(for: limit)
        guard !Task.isCancelled else { return }
        exchange.cancel(
          HTTPFailure(.timeout, "no endpoint event within \(HTTPExchange.format(limit))"))
      }
      let endpoint = await reader.waitForEndpoint()
      timer.cancel()
      switch endpoint {
      case .failure(let failure):
        throw TransportError(
          redact("GET \(redactedURL) sent no endpoint event: \(failure.detail)"))
      case .success(let url):
        let opened = state.withLock { state -> Bool in
          guard case .opening = state.phase else { return false }
          state.phase = .open
          state.postURL = url
          return true
        }
        guard opened else {
          throw TransportError("cannot open \(redactedURL): the transport was closed")
        }
      }
    } catch {
      let closing = state.withLock { state -> [HTTPExchange] in
        state.phase = .closed
        defer { state.exchanges = [:] }
        return Array(state.exchanges.values)
      }
      for exchange in closing { exchange.cancel() }
      client.shutDown()
      sink.finish(.failure(error.message))
      closed.fire()
      throw error
    }
    return stream
  }

  /// POSTs one frame to the endpoint; returns at the answer's head; throws for connection
  /// failures and error statuses.
  public func send(_ frame: [UInt8]) async throws(TransportError) {
    let prepared = try state.withLock { state throws(TransportError) -> (HTTPClient, URL) in
      switch state.phase {
      case .open:
        guard let client = state.client, let url = state.postURL else { break }
        return (client, url)
      case .ended:
        throw TransportError("cannot send to \(redactedURL): the SSE stream has ended")
      default:
        break
      }
      throw TransportError("cannot send to \(redactedURL): the transport is not open")
    }
    let (client, url) = prepared
    let shownURL = options.redactor.redactURL(url.absoluteString).0
    let sink = self.sink
    let key = UUID()
    let collector = HTTPBodyCollector(limit: StreamableHTTPResponseReader.bodyLimit) {
      [weak self] result in
      self?.state.withLock { _ = $0.exchanges.removeValue(forKey: key) }
      guard let head = result.head else { return }
      if head.isSuccess, head.mediaType == "application/json", !result.body.isEmpty,
        result.total == result.body.count
      {
        sink.yield(
          .httpFrame(
            result.body, http: HTTPRecord.response(method: "POST", url: shownURL, head: head)))
        return
      }
      sink.yield(
        .http(
          HTTPRecord.response(
            method: "POST", url: shownURL, head: head, body: result.body, bodyTotal: result.total),
          text: "POST \(shownURL) answered \(head.statusLine)"))
    }
    let request = requests.make(
      method: "POST", url: url, base: [("Content-Type", "application/json")], owned: [],
      body: frame)
    let exchange = client.start(request, observer: collector)
    state.withLock { $0.exchanges[key] = exchange }
    switch await exchange.head(timeout: options.connectTimeout) {
    case .failure(let failure):
      throw TransportError(message(failure, method: "POST", url: url))
    case .success(let head):
      guard head.isSuccess else {
        let result = await collector.waitForEnd()
        throw TransportError(
          statusMessage(head, url: shownURL, body: result.body, total: result.total),
          httpStatus: head.status)
      }
    }
  }

  /// The `http` object for the next outbound frame: POST, the endpoint, `Content-Type` and the
  /// user's headers (secret-named ones masked).
  public func outboundHTTPDetails() -> JSONValue? {
    let url = state.withLock { $0.postURL }
    let shown = url.map { options.redactor.redactURL($0.absoluteString).0 } ?? redactedURL
    let headers = requests.headers(base: [("Content-Type", "application/json")], owned: [])
    return HTTPRecord.request(method: "POST", url: shown, headers: headers)
  }

  /// The GET stream ended on its own (or broke).
  func streamEnded(failure: HTTPFailure?) {
    let live = state.withLock { state -> Bool in
      guard case .open = state.phase else { return false }
      state.phase = .ended
      return true
    }
    guard live else { return }
    if let failure, failure.kind != .cancelled {
      sink.finish(
        .failure("the SSE stream broke: " + message(failure, method: "GET", url: sseURL)))
    } else {
      sink.finish(.endOfStream)
    }
  }

  /// Cancels the stream and every POST, and ends the event stream with `.closed(.local)`. Safe
  /// to call more than once.
  public func close() async {
    let taken = state.withLock { state -> (HTTPClient?, [HTTPExchange])? in
      if case .closed = state.phase { return nil }
      state.phase = .closed
      defer { state.exchanges = [:] }
      return (state.client, Array(state.exchanges.values))
    }
    guard let (client, exchanges) = taken else {
      await closed.wait()
      return
    }
    for exchange in exchanges { exchange.cancel() }
    client?.shutDown()
    sink.finish(.local)
    closed.fire()
  }

  private func message(_ failure: HTTPFailure, method: String, url: URL?) -> String {
    let shown = url.map { options.redactor.redactURL($0.absoluteString).0 } ?? redactedURL
    return redact(
      failure.message(
        method: method, url: url ?? URL(fileURLWithPath: "/"), redactedURL: shown,
        insecure: options.insecure))
  }

  private func statusMessage(
    _ head: HTTPResponseHead, url: String, body: [UInt8], total: Int
  ) -> String {
    redact(head.failureText(url: url, body: body, total: total))
  }

  private func redact(_ text: String) -> String { options.redactor.redact(text).0 }
}
