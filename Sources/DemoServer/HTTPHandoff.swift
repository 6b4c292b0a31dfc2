import Dispatch
import Synchronization

/// Hands one value from async code to a thread that blocks until it arrives.
///
/// A connection's thread uses it to wait for the async handler's response without tying up a
/// thread of the concurrency pool.
final class HTTPHandoff<Value: Sendable>: Sendable {
  /// The value, once put.
  private let value = Mutex<Value?>(nil)
  /// Signalled when the value is put.
  private let ready = DispatchSemaphore(value: 0)

  /// Makes an empty handoff.
  init() {}

  /// Runs `operation` in a new task and blocks the calling thread until it returns.
  ///
  /// Call it only from a thread of one's own, never from the concurrency pool.
  static func run(_ operation: @escaping @Sendable () async -> Value) -> Value {
    let handoff = HTTPHandoff<Value>()
    Task { handoff.put(await operation()) }
    return handoff.take()
  }

  /// Stores the value and wakes the waiting thread.
  func put(_ newValue: Value) {
    value.withLock { $0 = newValue }
    ready.signal()
  }

  /// Blocks until the value is put, then returns it.
  func take() -> Value {
    while true {
      ready.wait()
      if let taken = value.withLock({ $0 }) { return taken }
    }
  }
}
