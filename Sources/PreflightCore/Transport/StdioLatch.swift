import Synchronization

/// A one-shot signal that tasks can await: once fired, it stays fired.
final class StdioLatch: Sendable {
  private struct State {
    var fired = false
    var waiters: [CheckedContinuation<Void, Never>] = []
  }

  private let state = Mutex(State())

  /// Makes an unfired latch.
  init() {}

  /// Whether the latch has fired.
  var isFired: Bool { state.withLock { $0.fired } }

  /// Fires the latch and wakes every waiter; later calls do nothing.
  func fire() {
    let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
      guard !state.fired else { return [] }
      state.fired = true
      defer { state.waiters = [] }
      return state.waiters
    }
    for waiter in waiters {
      waiter.resume()
    }
  }

  /// Returns once the latch has fired (at once if it already has).
  func wait() async {
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
      let fired = state.withLock { state -> Bool in
        if state.fired { return true }
        state.waiters.append(continuation)
        return false
      }
      if fired {
        continuation.resume()
      }
    }
  }
}
