import Dispatch
import Glibc
import Synchronization

/// Writes newline-terminated frames to one file descriptor, one at a time, off the task pool.
///
/// Writes run on a private serial queue, so a peer that reads slowly (a full pipe) blocks that
/// queue, never Swift's cooperative threads; frames never interleave. Closing goes through the
/// same queue, so a frame being written is never cut off by a close and no write ever reaches a
/// descriptor number that has been closed and reused.
final class StdioFrameWriter: Sendable {
  private let queue: DispatchQueue
  private let descriptor: Mutex<Int32?>
  private let closesDescriptor: Bool
  private let failurePrefix: String

  /// Makes a writer for `fd`; error messages start with `failurePrefix` ("cannot send to 'cat'").
  ///
  /// With `closesDescriptor`, `closeDescriptor()` also closes `fd`; otherwise it only stops
  /// writing to it.
  init(fd: Int32, closesDescriptor: Bool, failurePrefix: String, label: String) {
    self.queue = DispatchQueue(label: label)
    self.descriptor = Mutex(fd)
    self.closesDescriptor = closesDescriptor
    self.failurePrefix = failurePrefix
  }

  /// Writes `frame` and a newline fully, or fails with a `TransportError` that says why.
  func write(_ frame: [UInt8]) async throws(TransportError) {
    let result = await withCheckedContinuation {
      (continuation: CheckedContinuation<Result<Void, TransportError>, Never>) in
      queue.async {
        continuation.resume(returning: self.writeNow(frame))
      }
    }
    try result.get()
  }

  /// Stops writing after the frames already queued and, if it owns it, closes the descriptor.
  func closeDescriptor() {
    queue.async {
      guard
        let fd = self.descriptor.withLock({ fd -> Int32? in
          defer { fd = nil }
          return fd
        })
      else { return }
      if self.closesDescriptor {
        StdioPOSIX.closeQuietly(fd)
      }
    }
  }

  /// Runs on the queue: one full write.
  private func writeNow(_ frame: [UInt8]) -> Result<Void, TransportError> {
    guard let fd = descriptor.withLock({ $0 }) else {
      return .failure(TransportError("\(failurePrefix): the channel is closed", channelGone: true))
    }
    guard let code = StdioPOSIX.writeLine(fd, frame) else { return .success(()) }
    if code == EPIPE {
      return .failure(
        TransportError(
          "\(failurePrefix): the other side stopped reading (broken pipe)", channelGone: true))
    }
    return .failure(TransportError("\(failurePrefix): \(StdioPOSIX.describe(errno: code))"))
  }
}
