import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A URLSession set up for MCP: no cache, no cookies, no request timeout of its own (SSE
/// streams stay open as long as the server keeps them; the transports time out what needs it),
/// and a serial delegate queue so each exchange's callbacks arrive in order.
final class HTTPClient: Sendable {
  private let session: URLSession
  private let delegate: HTTPSessionDelegate

  /// Makes a client; `insecure` accepts any server certificate where the platform allows it.
  init(insecure: Bool) {
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
    delegate = HTTPSessionDelegate(insecure: insecure)
    session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: queue)
  }

  /// A week: Foundation's request timeout is an idle timer reset by every chunk; MCP streams
  /// may stay quiet far longer than its 60 s default.
  static let noTimeout: TimeInterval = 7 * 24 * 3600

  /// Starts `request`; `observer` receives its callbacks.
  func start(_ request: URLRequest, observer: any HTTPExchangeObserver) -> HTTPExchange {
    var request = request
    request.timeoutInterval = Self.noTimeout
    let task = session.dataTask(with: request)
    let exchange = HTTPExchange(
      method: request.httpMethod ?? "GET", url: request.url!, task: task, observer: observer)
    delegate.register(exchange, for: task)
    exchange.resume()
    return exchange
  }

  /// Cancels everything and releases the session (and its delegate).
  func shutDown() {
    session.invalidateAndCancel()
  }
}
