import Dispatch

/// A one-way signal between a test and the server's threads, with bounded waits.
final class TestGate: Sendable {
  private let semaphore = DispatchSemaphore(value: 0)

  /// Opens the gate for one waiter (call once per waiter).
  func open() { semaphore.signal() }

  /// Waits up to `seconds` for the gate to open; false when it did not.
  @discardableResult
  func wait(seconds: Double = 60) -> Bool {
    semaphore.wait(timeout: .now() + seconds) == .success
  }
}
