import Foundation
import Glibc
import Synchronization

/// Reads one file descriptor on a dedicated thread and hands out its lines as they complete.
///
/// The thread blocks in the kernel until bytes arrive (no polling interval, no sleeps), reads
/// them in large chunks and splits them with a `LineSplitter`. A private stop pipe lets another
/// thread end the loop even while the descriptor stays open (a blocked `read` on a pipe cannot be
/// interrupted by closing it).
final class StdioLineReader: Sendable {
  /// Why the reading loop ended.
  enum End: Sendable, Equatable {
    /// The descriptor reached end of file.
    case endOfFile
    /// `stop()` was called.
    case stopped
    /// Reading failed with this `errno`.
    case failed(Int32)
  }

  /// How many bytes one `read` asks for.
  static let chunkSize = 256 * 1024

  /// The stop pipe's read end, watched by the reading thread (which closes it).
  private let stopReader: Int32
  /// The stop pipe's write end, until someone closes it (which wakes the reading thread).
  private let stopWriter: Mutex<Int32?>

  private init(stopPipe: StdioPOSIX.Pipe) {
    self.stopReader = stopPipe.read
    self.stopWriter = Mutex(stopPipe.write)
  }

  /// Makes a reader (with its stop pipe) that has not started; fails with an `errno`.
  static func make() -> Result<StdioLineReader, StdioPOSIX.SystemError> {
    StdioPOSIX.makePipe().map { StdioLineReader(stopPipe: $0) }
  }

  /// Starts a thread reading `fd`; `onLines` gets the lines each read completes, in order, at
  /// least one per call (including empty ones and an unfinished last line), then `onEnd` is
  /// called once, from that thread. Call it once.
  ///
  /// The reader closes `fd` when it ends if `closesDescriptor` is set.
  func start(
    name: String,
    fd: Int32,
    closesDescriptor: Bool,
    onLines: @escaping @Sendable ([[UInt8]]) -> Void,
    onEnd: @escaping @Sendable (End) -> Void
  ) {
    let stopFd = stopReader
    let thread = Thread {
      let end = Self.run(fd: fd, stopFd: stopFd, onLines: onLines)
      if closesDescriptor {
        StdioPOSIX.closeQuietly(fd)
      }
      StdioPOSIX.closeQuietly(stopFd)
      self.stop()
      onEnd(end)
    }
    thread.name = name
    thread.start()
  }

  /// The event for the lines one read completed: empty lines are skipped, one frame is a
  /// `.frame`, more are one `.frames`; nil when nothing is left.
  static func frameEvent(_ lines: [[UInt8]]) -> TransportEvent? {
    if lines.count == 1 { return lines[0].isEmpty ? nil : .frame(lines[0]) }
    let frames = lines.filter { !$0.isEmpty }
    switch frames.count {
    case 0: return nil
    case 1: return .frame(frames[0])
    default: return .frames(frames)
    }
  }

  /// Releases a reader that was made but never started.
  func discard() {
    StdioPOSIX.closeQuietly(stopReader)
    stop()
  }

  /// Ends the reading loop soon (it finishes the chunk in hand); safe to call at any time and
  /// more than once.
  func stop() {
    if let fd = stopWriter.withLock({ fd -> Int32? in
      defer { fd = nil }
      return fd
    }) {
      StdioPOSIX.closeQuietly(fd)
    }
  }

  /// The blocking loop: wait for bytes or a stop, read, split, repeat.
  private static func run(
    fd: Int32, stopFd: Int32, onLines: @Sendable ([[UInt8]]) -> Void
  ) -> End {
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
    defer { buffer.deallocate() }
    var splitter = LineSplitter()
    var watched = [
      pollfd(fd: fd, events: Int16(POLLIN), revents: 0),
      pollfd(fd: stopFd, events: Int16(POLLIN), revents: 0),
    ]
    var end = End.endOfFile
    reading: while true {
      let ready = watched.withUnsafeMutableBufferPointer { poll($0.baseAddress, 2, -1) }
      if ready < 0 {
        if errno == EINTR { continue }
        end = .failed(errno)
        break
      }
      if watched[1].revents != 0 {
        end = .stopped
        break
      }
      if watched[0].revents & Int16(POLLNVAL) != 0 {
        end = .failed(EBADF)
        break
      }
      if watched[0].revents == 0 { continue }
      let count = read(fd, buffer.baseAddress, chunkSize)
      if count > 0 {
        var lines: [[UInt8]] = []
        splitter.push(UnsafeRawBufferPointer(rebasing: buffer[..<count])) { lines.append($0) }
        if !lines.isEmpty { onLines(lines) }
      } else if count == 0 {
        end = .endOfFile
        break
      } else {
        switch errno {
        case EINTR, EAGAIN, EWOULDBLOCK:
          continue
        default:
          end = .failed(errno)
          break reading
        }
      }
    }
    if let rest = splitter.finish() {
      onLines([rest])
    }
    return end
  }
}
