import PreflightCore
import Synchronization

/// A clock that moves only when a test calls ``advance(by:)``.
public final class TestClock: PeerClock {
  private struct Sleeper {
    var deadline: Duration
    var continuation: CheckedContinuation<Void, any Error>
  }
  private struct State {
    var now: Duration = .zero
    var sleepers: [Int: Sleeper] = [:]
    var nextID = 0
  }
  private let state = Mutex(State())

  /// Makes a clock at time zero.
  public init() {}

  /// The current test time.
  public var now: Duration { state.withLock { $0.now } }

  /// How many tasks are sleeping on this clock.
  public var sleeperCount: Int { state.withLock { $0.sleepers.count } }

  /// Suspends until the test advances past `deadline`.
  public func sleep(until deadline: Duration) async throws {
    let id = state.withLock { s -> Int in
      s.nextID += 1
      return s.nextID
    }
    try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { (c: CheckedContinuation<Void, any Error>) in
        let resumeNow = state.withLock { s -> Bool in
          if deadline <= s.now { return true }
          s.sleepers[id] = Sleeper(deadline: deadline, continuation: c)
          return false
        }
        if resumeNow { c.resume() }
      }
    } onCancel: {
      let sleeper = state.withLock { $0.sleepers.removeValue(forKey: id) }
      sleeper?.continuation.resume(throwing: CancellationError())
    }
  }

  /// Moves time forward and wakes every sleeper whose deadline has passed.
  public func advance(by delta: Duration) {
    let due = state.withLock { s -> [Sleeper] in
      s.now += delta
      let ready = s.sleepers.filter { $0.value.deadline <= s.now }
      for key in ready.keys { s.sleepers[key] = nil }
      return Array(ready.values)
    }
    for sleeper in due { sleeper.continuation.resume() }
  }

  /// Waits (yielding, at most `attempts` times) until at least `count` tasks sleep on the clock.
  public func waitForSleepers(_ count: Int = 1, attempts: Int = 10_000) async {
    for _ in 0..<attempts where sleeperCount < count {
      await Task.yield()
    }
  }
}
