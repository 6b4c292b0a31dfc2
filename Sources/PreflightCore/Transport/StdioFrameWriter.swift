import Dispatch
import Glibc
import Synchronization

/// Writes newline-terminated frames to one file descriptor, one at a time, never blocking
/// Swift's cooperative threads.
///
/// A small frame (with its newline at most `PIPE_BUF`, 4096 bytes) is written at once on the
/// calling thread when nothing is queued and the descriptor polls writable: a pipe that is not
/// full takes such a write whole without blocking, so a call costs a `poll` and a `writev`
/// instead of a hop to another thread and back. Anything else (a large frame, a full pipe, a
/// write already queued) goes through a private serial queue, so a peer that reads slowly
/// blocks that queue, never the task pool. Frames never interleave and keep their order: a
/// frame is written directly only while the queue holds none.
///
/// Closing goes through the same queue, so a frame being written is never cut off by a close
/// and no write ever reaches a descriptor number that has been closed and reused; once
/// `closeDescriptor()` is called, no frame is written directly any more.
final class StdioFrameWriter: Sendable {
  private struct State {
    var fd: Int32?
    /// Frames handed to the queue and not yet written.
    var queued = 0
    /// `closeDescriptor()` was called.
    var closing = false
  }

  /// The largest frame, newline included, written directly: `PIPE_BUF`, the size up to which
  /// a pipe write is atomic.
  static let directLimit = 4096

  private let queue: DispatchQueue
  private let state: Mutex<State>
  private let closesDescriptor: Bool
  private let failurePrefix: String

  /// Makes a writer for `fd`; error messages start with `failurePrefix` ("cannot send to 'cat'").
  ///
  /// With `closesDescriptor`, `closeDescriptor()` also closes `fd`; otherwise it only stops
  /// writing to it.
  init(fd: Int32, closesDescriptor: Bool, failurePrefix: String, label: String) {
    self.queue = DispatchQueue(label: label)
    self.state = Mutex(State(fd: fd))
    self.closesDescriptor = closesDescriptor
    self.failurePrefix = failurePrefix
  }

  /// Writes `frame` and a newline fully, or fails with a `TransportError` that says why.
  func write(_ frame: [UInt8]) async throws(TransportError) {
    if frame.count < Self.directLimit, let written = writeDirectly(frame) {
      try written.get()
      return
    }
    let result = await withCheckedContinuation {
      (continuation: CheckedContinuation<Result<Void, TransportError>, Never>) in
      state.withLock { $0.queued += 1 }
      queue.async {
        continuation.resume(returning: self.writeQueued(frame))
      }
    }
    try result.get()
  }

  /// Stops writing after the frames already queued and, if it owns it, closes the descriptor.
  func closeDescriptor() {
    state.withLock { $0.closing = true }
    queue.async {
      guard
        let fd = self.state.withLock({ state -> Int32? in
          defer { state.fd = nil }
          return state.fd
        })
      else { return }
      if self.closesDescriptor {
        StdioPOSIX.closeQuietly(fd)
      }
    }
  }

  /// The write on the calling thread, or nil when the frame must go through the queue. The
  /// lock is held while writing, so queued writes and the close wait for it.
  private func writeDirectly(_ frame: [UInt8]) -> Result<Void, TransportError>? {
    state.withLock { state -> Result<Void, TransportError>? in
      guard state.queued == 0, !state.closing, let fd = state.fd else { return nil }
      var entry = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
      // Writable, or broken (the write then fails at once with EPIPE).
      guard poll(&entry, 1, 0) == 1,
        entry.revents & Int16(POLLOUT | POLLERR | POLLHUP) != 0
      else { return nil }
      return outcome(StdioPOSIX.writeLine(fd, frame))
    }
  }

  /// Runs on the queue: one full write.
  private func writeQueued(_ frame: [UInt8]) -> Result<Void, TransportError> {
    let fd = state.withLock { $0.fd }
    defer { state.withLock { $0.queued -= 1 } }
    guard let fd else {
      return .failure(TransportError("\(failurePrefix): the channel is closed", channelGone: true))
    }
    return outcome(StdioPOSIX.writeLine(fd, frame))
  }

  /// A write's `errno` (nil for success) as a result.
  private func outcome(_ code: Int32?) -> Result<Void, TransportError> {
    guard let code else { return .success(()) }
    if code == EPIPE {
      return .failure(
        TransportError(
          "\(failurePrefix): the other side stopped reading (broken pipe)", channelGone: true))
    }
    return .failure(TransportError("\(failurePrefix): \(StdioPOSIX.describe(errno: code))"))
  }
}
