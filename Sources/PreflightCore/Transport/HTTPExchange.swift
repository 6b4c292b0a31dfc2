import Foundation
import Synchronization

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// One HTTP request in flight: forwards its engine's callbacks to its observer and lets a
/// task wait for the response head.
final class HTTPExchange: Sendable {
  private enum Head {
    case waiting([CheckedContinuation<Result<HTTPResponseHead, HTTPFailure>, Never>])
    case done(Result<HTTPResponseHead, HTTPFailure>)
  }

  private struct State {
    var head = Head.waiting([])
    /// Why Preflight cancelled it, reported instead of Foundation's "cancelled".
    var cancelReason: HTTPFailure?
    /// The engine task carrying it now (a redirect may hand it to a new one).
    var task: any HTTPEngineTask
    /// Redirects followed so far.
    var redirects = 0
  }

  /// `POST`, `GET`, `DELETE`.
  let method: String
  /// The request URL.
  let url: URL
  private let observer: any HTTPExchangeObserver
  private let state: Mutex<State>

  /// Wraps `task` (not yet resumed).
  init(method: String, url: URL, task: any HTTPEngineTask, observer: any HTTPExchangeObserver) {
    self.method = method
    self.url = url
    self.observer = observer
    self.state = Mutex(State(task: task))
  }

  /// Starts the request.
  func resume() { state.withLock { $0.task }.resume() }

  /// Redirects an exchange follows before it takes the redirect answer as its answer (as
  /// libcurl's limit in ``CurlTransfer``).
  static let maxRedirects = 16

  /// Hands the exchange to `next`, a task repeating the request at a redirect's target, and
  /// starts it; false (nothing done) when the exchange was cancelled or has followed
  /// ``maxRedirects`` already.
  func follow(with next: any HTTPEngineTask) -> Bool {
    let ok = state.withLock { state -> Bool in
      guard state.cancelReason == nil, state.redirects < Self.maxRedirects else { return false }
      state.redirects += 1
      state.task = next
      return true
    }
    if ok { next.resume() }
    return ok
  }

  /// Cancels the request; `reason` is what waiters and the observer see. Waiters for the head
  /// get their answer at once: the engine's completion may come later (libcurl notices a
  /// cancel on an idle stream only at its next progress check, up to a second away).
  func cancel(_ reason: HTTPFailure = HTTPFailure(.cancelled)) {
    let first = state.withLock { state -> HTTPFailure in
      if state.cancelReason == nil {
        state.cancelReason = reason
      }
      return state.cancelReason ?? reason
    }
    state.withLock { $0.task }.cancel()
    finishHead(.failure(first))
  }

  /// Whether Preflight cancelled it (and why).
  var cancelReason: HTTPFailure? { state.withLock { $0.cancelReason } }

  /// Waits for the response head, at most `timeout` (nil: no limit; the request is cancelled
  /// with a timeout failure when it runs out). Cancelling the waiting task cancels the request.
  func head(timeout: Duration?) async -> Result<HTTPResponseHead, HTTPFailure> {
    let timer = timeout.map { limit in
      Task { [weak self] in
        try? await Task.sleep(for: limit)
        guard !Task.isCancelled, let self else { return }
        let pending = self.state.withLock { state -> Bool in
          if case .waiting = state.head { return true }
          return false
        }
        if pending {
          self.cancel(HTTPFailure(.timeout, "no response headers within \(Self.format(limit))"))
        }
      }
    }
    defer { timer?.cancel() }
    return await withTaskCancellationHandler {
      await withCheckedContinuation {
        (continuation: CheckedContinuation<Result<HTTPResponseHead, HTTPFailure>, Never>) in
        let done = state.withLock { state -> Result<HTTPResponseHead, HTTPFailure>? in
          switch state.head {
          case .done(let result):
            return result
          case .waiting(var waiters):
            waiters.append(continuation)
            state.head = .waiting(waiters)
            return nil
          }
        }
        if let done {
          continuation.resume(returning: done)
        }
      }
    } onCancel: {
      self.cancel()
    }
  }

  // MARK: - Engine callbacks (on the client's serial queue)

  /// The response head arrived (URLSession).
  func received(response: URLResponse) {
    guard let response = response as? HTTPURLResponse else {
      finishHead(.failure(HTTPFailure(.other, "the answer is not an HTTP response")))
      return
    }
    received(head: HTTPResponseHead(response))
  }

  /// The final response head arrived.
  func received(head: HTTPResponseHead) {
    observer.didReceive(head: head)
    finishHead(.success(head))
  }

  /// A body chunk arrived.
  func received(data: Data) {
    observer.didReceive(data: data)
  }

  /// The exchange ended (URLSession).
  func completed(error: (any Error)?) {
    completed(failure: error.map { HTTPFailure($0) })
  }

  /// The exchange ended: nil when the body ended normally.
  func completed(failure: HTTPFailure?) {
    var failure = failure
    if let reason = cancelReason, failure != nil {
      failure = reason
    }
    observer.didComplete(failure: failure)
    finishHead(.failure(failure ?? HTTPFailure(.other, "the server sent no response")))
  }

  private func finishHead(_ result: Result<HTTPResponseHead, HTTPFailure>) {
    let waiters = state.withLock {
      state -> [CheckedContinuation<Result<HTTPResponseHead, HTTPFailure>, Never>] in
      guard case .waiting(let waiters) = state.head else { return [] }
      state.head = .done(result)
      return waiters
    }
    for waiter in waiters {
      waiter.resume(returning: result)
    }
  }

  /// "10 s", "0.5 s".
  static func format(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    let milliseconds = Int(seconds) * 1_000 + Int(attoseconds / 1_000_000_000_000_000)
    if milliseconds % 1_000 == 0 { return "\(milliseconds / 1_000) s" }
    return "\(Double(milliseconds) / 1_000) s"
  }
}
