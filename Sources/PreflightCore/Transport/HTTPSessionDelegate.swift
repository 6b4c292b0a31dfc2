import Foundation
import Synchronization

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The URLSession delegate: routes each task's callbacks to its ``HTTPExchange`` (per chunk,
/// so nothing is buffered), and answers server-trust challenges when `--insecure` is on (on
/// platforms that ask; FoundationNetworking on Linux never does).
final class HTTPSessionDelegate: NSObject, URLSessionDataDelegate, Sendable {
  private let exchanges = Mutex<[Int: HTTPExchange]>([:])
  private let insecure: Bool

  /// Makes a delegate.
  init(insecure: Bool) {
    self.insecure = insecure
  }

  /// Routes `task`'s callbacks to `exchange` from now on.
  func register(_ exchange: HTTPExchange, for task: URLSessionTask) {
    exchanges.withLock { $0[task.taskIdentifier] = exchange }
  }

  private func exchange(_ task: URLSessionTask) -> HTTPExchange? {
    exchanges.withLock { $0[task.taskIdentifier] }
  }

  func urlSession(
    _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
  ) {
    exchange(dataTask)?.received(response: response)
    completionHandler(.allow)
  }

  func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
    exchange(dataTask)?.received(data: data)
  }

  func urlSession(
    _ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?
  ) {
    let exchange = exchanges.withLock { $0.removeValue(forKey: task.taskIdentifier) }
    exchange?.completed(error: error)
  }

  /// A redirect from https down to http is not followed. A 307 or 308 must repeat the
  /// request with its method and body, which FoundationNetworking on Linux does not do (it
  /// sends the body empty): the exchange moves to a new task carrying the original request to
  /// the new URL, and this one is dropped. Other redirects go as URLSession proposes.
  func urlSession(
    _ session: URLSession, task: URLSessionTask,
    willPerformHTTPRedirection response: HTTPURLResponse, newRequest request: URLRequest,
    completionHandler: @escaping @Sendable (URLRequest?) -> Void
  ) {
    guard
      Self.keepsHTTPS(from: task.currentRequest?.url ?? task.originalRequest?.url, to: request.url)
    else {
      // Never down from https: the redirect answer itself becomes the exchange's answer.
      completionHandler(nil)
      return
    }
    guard response.statusCode == 307 || response.statusCode == 308,
      let original = task.originalRequest, let target = request.url, let exchange = exchange(task)
    else {
      completionHandler(request)
      return
    }
    let repeated = Self.repeated(original, at: target)
    let next = session.dataTask(with: repeated)
    register(exchange, for: next)
    if exchange.follow(with: next) {
      exchanges.withLock { _ = $0.removeValue(forKey: task.taskIdentifier) }
      completionHandler(nil)
      task.cancel()
    } else {
      exchanges.withLock { _ = $0.removeValue(forKey: next.taskIdentifier) }
      completionHandler(nil)
    }
  }

  /// Whether a redirect from `from` to `to` may be followed: not from https to anything else
  /// (that would send the request, and any token or header, in the clear).
  static func keepsHTTPS(from: URL?, to: URL?) -> Bool {
    from?.scheme?.lowercased() != "https" || to?.scheme?.lowercased() == "https"
  }

  /// `original` sent again to `target`: same method, body and headers, less `Authorization`
  /// when `target` is on another origin (as the Fetch standard does).
  static func repeated(_ original: URLRequest, at target: URL) -> URLRequest {
    var request = original
    request.url = target
    let from = original.url
    if from?.scheme?.lowercased() != target.scheme?.lowercased()
      || from?.host?.lowercased() != target.host?.lowercased() || from?.port != target.port
    {
      request.setValue(nil, forHTTPHeaderField: "Authorization")
    }
    return request
  }

  func urlSession(
    _ session: URLSession, task: URLSessionTask, didReceive challenge: URLAuthenticationChallenge,
    completionHandler:
      @escaping @Sendable (URLSession.AuthChallengeDisposition, URLCredential?) -> Void
  ) {
    #if canImport(Security)
      if insecure,
        challenge.protectionSpace.authenticationMethod == NSURLAuthenticationMethodServerTrust,
        let trust = challenge.protectionSpace.serverTrust
      {
        completionHandler(.useCredential, URLCredential(trust: trust))
        return
      }
    #endif
    completionHandler(.performDefaultHandling, nil)
  }
}
