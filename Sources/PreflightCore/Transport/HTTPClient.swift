import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The HTTP client of a transport, for MCP: no cache, no cookies, no request timeout of its
/// own (SSE streams stay open as long as the server keeps them; the transports time out what
/// needs it), and one serial queue for every exchange's callbacks so each exchange's arrive in
/// order.
///
/// Normally a URLSession carries the requests; with `--insecure` on Linux, libcurl does
/// (``HTTPEngine``, ``CurlHTTPEngine``), because FoundationNetworking cannot skip certificate
/// checks. The transports do not see the difference.
final class HTTPClient: Sendable {
  private enum Carrier: Sendable {
    case foundation(URLSession, HTTPSessionDelegate)
    case curl(CurlHTTPEngine)
  }

  private let carrier: Carrier

  /// Makes a client; `insecure` accepts any server certificate. `engine` overrides the engine
  /// ``HTTPEngine/choice(insecure:)`` picks (for tests).
  init(insecure: Bool, engine: HTTPEngine? = nil) {
    switch engine ?? HTTPEngine.choice(insecure: insecure) {
    case .curl:
      carrier = .curl(CurlHTTPEngine(verifiesCertificates: !insecure))
    case .foundation:
      let configuration = URLSessionConfiguration.ephemeral
      configuration.urlCache = nil
      configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
      configuration.httpShouldSetCookies = false
      configuration.httpCookieAcceptPolicy = .never
      configuration.timeoutIntervalForRequest = Self.noTimeout
      configuration.timeoutIntervalForResource = Self.noTimeout
      configuration.httpMaximumConnectionsPerHost = 16
      let queue = OperationQueue()
      queue.maxConcurrentOperationCount = 1
      queue.name = "preflight.http"
      let delegate = HTTPSessionDelegate(insecure: insecure)
      let session = URLSession(
        configuration: configuration, delegate: delegate, delegateQueue: queue)
      carrier = .foundation(session, delegate)
    }
  }

  /// The engine carrying this client's requests.
  var engine: HTTPEngine {
    switch carrier {
    case .foundation: .foundation
    case .curl: .curl
    }
  }

  /// A week: Foundation's request timeout is an idle timer reset by every chunk; MCP streams
  /// may stay quiet far longer than its 60 s default.
  static let noTimeout: TimeInterval = 7 * 24 * 3600

  /// Starts `request`; `observer` receives its callbacks.
  func start(_ request: URLRequest, observer: any HTTPExchangeObserver) -> HTTPExchange {
    var request = request
    request.timeoutInterval = Self.noTimeout
    let method = request.httpMethod ?? "GET"
    switch carrier {
    case .foundation(let session, let delegate):
      let task = session.dataTask(with: request)
      let exchange = HTTPExchange(
        method: method, url: request.url!, task: task, observer: observer)
      delegate.register(exchange, for: task)
      exchange.resume()
      return exchange
    case .curl(let engine):
      let transfer = engine.transfer(request)
      let exchange = HTTPExchange(
        method: method, url: request.url!, task: transfer, observer: observer)
      transfer.attach(exchange)
      exchange.resume()
      return exchange
    }
  }

  /// Cancels everything and releases the session (and its delegate).
  func shutDown() {
    switch carrier {
    case .foundation(let session, _):
      session.invalidateAndCancel()
    case .curl(let engine):
      engine.shutDown()
    }
  }
}
