import Glibc

/// Small POSIX helpers shared by the stdio transports.
enum StdioPOSIX {
  /// A pipe's two ends: read from `read`, write to `write`.
  struct Pipe: Sendable {
    /// The end to read from.
    var read: Int32
    /// The end to write to.
    var write: Int32
  }

  /// A failed system call's `errno`.
  struct SystemError: Error, Sendable, Equatable {
    /// The `errno` value.
    var code: Int32

    /// The system's words for it.
    var text: String { StdioPOSIX.describe(errno: code) }
  }

  /// glibc's `pipe2`, which Swift's Glibc module does not import (it needs `_GNU_SOURCE`).
  typealias Pipe2Function = @convention(c) (UnsafeMutablePointer<Int32>?, Int32) -> Int32

  /// Looks up a C function that this libc exports but Swift's Glibc module does not declare.
  static func lookUp<Function>(_ name: String, as type: Function.Type) -> Function? {
    guard let handle = dlopen(nil, RTLD_NOW) else { return nil }
    defer { dlclose(handle) }
    guard let symbol = dlsym(handle, name) else { return nil }
    return unsafeBitCast(symbol, to: type)
  }

  /// The system's words for an `errno` value, in lower case ("broken pipe").
  static func describe(errno code: Int32) -> String {
    guard let text = strerror(code) else { return "error \(code)" }
    let words = String(cString: text)
    guard let first = words.first else { return "error \(code)" }
    return first.lowercased() + words.dropFirst()
  }

  /// Makes a pipe whose two ends are close-on-exec and numbered 3 or above.
  ///
  /// Close-on-exec from the start keeps the ends out of processes that other threads spawn at the
  /// same moment; numbers above 2 keep them clear of the standard descriptors a child gets.
  static func makePipe() -> Result<Pipe, SystemError> {
    var fds: [Int32] = [-1, -1]
    let result = fds.withUnsafeMutableBufferPointer { buffer -> Int32 in
      guard let base = buffer.baseAddress else { return -1 }
      if let pipe2 = lookUp("pipe2", as: Pipe2Function.self) {
        return pipe2(base, O_CLOEXEC)
      }
      return pipe(base)
    }
    guard result == 0 else { return .failure(SystemError(code: errno)) }
    var ends = Pipe(read: fds[0], write: fds[1])
    for keyPath in [\Pipe.read, \Pipe.write] {
      let fd = ends[keyPath: keyPath]
      if fd <= 2 {
        let moved = fcntl(fd, F_DUPFD_CLOEXEC, 3)
        guard moved >= 0 else {
          let code = errno
          closeQuietly(ends.read)
          closeQuietly(ends.write)
          return .failure(SystemError(code: code))
        }
        closeQuietly(fd)
        ends[keyPath: keyPath] = moved
      } else {
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
      }
    }
    return .success(ends)
  }

  /// Closes a descriptor, ignoring errors (`close` must not be retried on Linux).
  static func closeQuietly(_ fd: Int32) {
    if fd >= 0 {
      _ = close(fd)
    }
  }

  /// Blocks until `fd` accepts writes again (after `EAGAIN` on a non-blocking descriptor).
  static func waitUntilWritable(_ fd: Int32) {
    var entry = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
    while poll(&entry, 1, -1) < 0, errno == EINTR {}
  }

  /// Writes `bytes` and then a newline, fully: retries partial writes, `EINTR` and `EAGAIN`.
  ///
  /// Returns the `errno` of a failed write (`EPIPE` when the reader has gone; the host process
  /// must ignore `SIGPIPE` for that to be an error rather than death).
  static func writeLine(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
    var newline: UInt8 = 0x0A
    return withUnsafeMutablePointer(to: &newline) { newlinePointer -> Int32? in
      bytes.withUnsafeBytes { buffer -> Int32? in
        let total = buffer.count + 1
        var written = 0
        while written < total {
          let count: Int
          if written < buffer.count, let base = buffer.baseAddress {
            var vectors = [
              iovec(
                iov_base: UnsafeMutableRawPointer(mutating: base + written),
                iov_len: buffer.count - written),
              iovec(iov_base: UnsafeMutableRawPointer(newlinePointer), iov_len: 1),
            ]
            count = vectors.withUnsafeMutableBufferPointer { writev(fd, $0.baseAddress, 2) }
          } else {
            count = write(fd, newlinePointer, 1)
          }
          if count < 0 {
            let code = errno
            switch code {
            case EINTR:
              continue
            case EAGAIN, EWOULDBLOCK:
              waitUntilWritable(fd)
              continue
            default:
              return code
            }
          }
          written += count
        }
        return nil
      }
    }
  }
}
