import Foundation
import Synchronization

/// Reads a response whose body is wanted whole but small: error pages, `202` bodies, legacy
/// POST answers, DELETE answers. Keeps at most `limit` bytes (counting the rest), and calls
/// `onEnd` once, on the delegate queue, when the exchange ends.
final class HTTPBodyCollector: HTTPExchangeObserver {
  /// What was read.
  struct Result: Sendable {
    /// The head, unless the exchange failed before it.
    var head: HTTPResponseHead?
    /// The first `limit` bytes of the body.
    var body: [UInt8] = []
    /// The body's full size.
    var total = 0
    /// Why the exchange failed, if it did.
    var failure: HTTPFailure?
  }

  private struct State {
    var result = Result()
    var ended = false
    var waiters: [CheckedContinuation<Result, Never>] = []
  }

  private let limit: Int
  private let onEnd: @Sendable (Result) -> Void
  private let state = Mutex(State())

  /// Makes a collector that keeps `limit` bytes.
  init(limit: Int = 65_536, onEnd: @escaping @Sendable (Result) -> Void = { _ in }) {
    self.limit = limit
    self.onEnd = onEnd
  }

  func didReceive(head: HTTPResponseHead) {
    state.withLock { $0.result.head = head }
  }

  func didReceive(data: Data) {
    state.withLock { state in
      state.result.total += data.count
      let room = limit - state.result.body.count
      if room > 0 {
        state.result.body.append(contentsOf: data.prefix(room))
      }
    }
  }

  func didComplete(failure: HTTPFailure?) {
    let result = state.withLock { state in
      state.result.failure = failure
      return state.result
    }
    onEnd(result)
    let waiters = state.withLock { state in
      state.ended = true
      defer { state.waiters = [] }
      return state.waiters
    }
    for waiter in waiters {
      waiter.resume(returning: result)
    }
  }

  /// Waits until the exchange has ended (after `onEnd` ran).
  func waitForEnd() async -> Result {
    await withCheckedContinuation { (continuation: CheckedContinuation<Result, Never>) in
      let done = state.withLock { state -> Result? in
        if state.ended { return state.result }
        state.waiters.append(continuation)
        return nil
      }
      if let done {
        continuation.resume(returning: done)
      }
    }
  }
}
