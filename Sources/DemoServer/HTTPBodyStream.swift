import Dispatch
import Synchronization

/// A response body produced piece by piece: async code sends bytes, the connection's thread
/// takes them and writes them as chunks.
///
/// Sending never blocks. The stream ends when the producer calls `finish()`; the connection
/// calls `close()` when the client has gone, after which sends are dropped. With a keep-alive,
/// the connection writes `keepAlive.bytes` whenever nothing was written for `keepAlive.interval`.
final class HTTPBodyStream: Sendable {
  /// What the connection gets when it asks for more.
  enum Next: Sendable, Equatable {
    /// Bytes to write (everything sent since the last call).
    case bytes([UInt8])
    /// Nothing arrived in the time given; the stream goes on.
    case idle
    /// The producer finished and everything sent has been handed out, or the stream was
    /// closed.
    case end
  }

  /// Bytes written when the stream has been quiet for a while, and how long a while is.
  struct KeepAlive: Sendable {
    /// The quiet time after which `bytes` are written.
    var interval: Duration
    /// What is written (for SSE, a comment line and an empty line).
    var bytes: [UInt8]
  }

  /// What the producer has sent and not yet been taken, and how the stream stands.
  private struct State {
    var pending: [UInt8] = []
    var finished = false
    var closed = false
  }

  /// The keep-alive, if any.
  let keepAlive: KeepAlive?
  /// The state.
  private let state = Mutex(State())
  /// Signalled on every send, finish and close, to wake the connection.
  private let wake = DispatchSemaphore(value: 0)

  /// Makes an open stream, with an optional keep-alive.
  init(keepAlive: KeepAlive? = nil) {
    self.keepAlive = keepAlive
  }

  /// Whether bytes sent now may still reach the client.
  var isOpen: Bool {
    state.withLock { !$0.finished && !$0.closed }
  }

  /// Queues bytes for the client; false (and nothing queued) once finished or closed.
  @discardableResult
  func send(_ bytes: [UInt8]) -> Bool {
    let queued = state.withLock { state -> Bool in
      guard !state.finished && !state.closed else { return false }
      state.pending += bytes
      return true
    }
    if queued { wake.signal() }
    return queued
  }

  /// Ends the stream after what was sent so far.
  func finish() {
    state.withLock { $0.finished = true }
    wake.signal()
  }

  /// Drops the stream: the client has gone or the server is stopping. Pending bytes are
  /// discarded and later sends refused.
  func close() {
    state.withLock {
      $0.closed = true
      $0.pending = []
    }
    wake.signal()
  }

  /// Waits up to `timeout` for bytes (or the end); called by the connection's thread.
  func next(timeout: Duration) -> Next {
    let deadline = DispatchTime.now() + .nanoseconds(Int(Self.nanoseconds(timeout)))
    while true {
      let taken = state.withLock { state -> Next? in
        if state.closed { return .end }
        if !state.pending.isEmpty {
          defer { state.pending = [] }
          return .bytes(state.pending)
        }
        return state.finished ? .end : nil
      }
      if let taken { return taken }
      if wake.wait(timeout: deadline) == .timedOut { return .idle }
    }
  }

  /// `duration` in whole nanoseconds (negative durations give 0), capped at a day.
  static func nanoseconds(_ duration: Duration) -> Int64 {
    let (seconds, attoseconds) = duration.components
    guard seconds >= 0 else { return 0 }
    return min(seconds, 86_400) * 1_000_000_000 + attoseconds / 1_000_000_000
  }
}
