import Glibc

/// A TCP socket descriptor with the few blocking calls the HTTP server needs.
///
/// It is a plain value: whoever owns the descriptor closes it (the listener's accept loop, or
/// the connection's thread). The host process must ignore `SIGPIPE` so that writing to a client
/// that has gone fails instead of killing the process.
struct HTTPSocket: Sendable {
  /// The descriptor.
  let fd: Int32

  /// Makes a socket listening on 127.0.0.1 at `port` (0 lets the kernel pick a free port) and
  /// returns it with the port it got.
  static func listen(port: UInt16, backlog: Int32 = 64) throws(DemoHTTPServerError) -> (
    HTTPSocket, UInt16
  ) {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    guard fd >= 0 else { throw DemoHTTPServerError("cannot make a socket", errno: errno) }
    var reuse: Int32 = 1
    _ = setsockopt(
      fd, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0 else {
      let code = errno
      _ = Glibc.close(fd)
      throw DemoHTTPServerError("cannot listen on 127.0.0.1:\(port)", errno: code)
    }
    guard Glibc.listen(fd, backlog) == 0 else {
      let code = errno
      _ = Glibc.close(fd)
      throw DemoHTTPServerError("cannot listen on 127.0.0.1:\(port)", errno: code)
    }
    var actual = sockaddr_in()
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let named = withUnsafeMutablePointer(to: &actual) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    guard named == 0 else {
      let code = errno
      _ = Glibc.close(fd)
      throw DemoHTTPServerError("cannot read the listening port", errno: code)
    }
    return (HTTPSocket(fd: fd), UInt16(bigEndian: actual.sin_port))
  }

  /// Waits for the next connection; nil once the listening socket is shut down or broken.
  func accept() -> HTTPSocket? {
    while true {
      let client = Glibc.accept(fd, nil, nil)
      if client >= 0 {
        _ = fcntl(client, F_SETFD, FD_CLOEXEC)
        var on: Int32 = 1
        _ = setsockopt(
          client, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
        return HTTPSocket(fd: client)
      }
      switch errno {
      case EINTR, ECONNABORTED, EPROTO, EAGAIN:
        continue
      case EMFILE, ENFILE, ENOBUFS, ENOMEM:
        // Out of descriptors or memory for a moment: let connections finish, then go on.
        usleep(50_000)
      default:
        return nil
      }
    }
  }

  /// Reads what is available (blocking until something is), appending it to `buffer`; returns
  /// false at end of stream or on an error.
  func read(appendingTo buffer: inout [UInt8], atMost count: Int = 64 * 1024) -> Bool {
    let start = buffer.count
    buffer.append(contentsOf: repeatElement(0, count: count))
    while true {
      let got = buffer.withUnsafeMutableBytes { raw in
        recv(fd, raw.baseAddress! + start, count, 0)
      }
      if got > 0 {
        buffer.removeLast(count - got)
        return true
      }
      if got < 0 && errno == EINTR { continue }
      buffer.removeLast(count)
      return false
    }
  }

  /// Writes all of `bytes`; false if the peer has gone or the socket was shut down.
  func write(_ bytes: [UInt8]) -> Bool {
    var offset = 0
    while offset < bytes.count {
      let sent = bytes.withUnsafeBytes { raw in
        send(fd, raw.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
      }
      if sent > 0 {
        offset += sent
      } else if sent < 0 && errno == EINTR {
        continue
      } else {
        return false
      }
    }
    return true
  }

  /// Whether the peer has closed its end (or the socket is broken), without consuming input.
  func peerHasClosed() -> Bool {
    var byte: UInt8 = 0
    let got = recv(fd, &byte, 1, Int32(MSG_PEEK) | Int32(MSG_DONTWAIT))
    if got > 0 { return false }
    if got == 0 { return true }
    return !(errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
  }

  /// Shuts both directions down, waking any thread blocked reading or accepting on it.
  func shutDown() {
    _ = shutdown(fd, Int32(SHUT_RDWR))
  }

  /// Stops sending, then reads and drops what the peer still sends for up to `linger`
  /// milliseconds, so that a response written before closing is not lost to a reset.
  func finishSending(linger: Int32 = 200) {
    _ = shutdown(fd, Int32(SHUT_WR))
    var sink = [UInt8](repeating: 0, count: 4096)
    var waiter = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
    while poll(&waiter, 1, linger) > 0 {
      let got = sink.withUnsafeMutableBytes { recv(fd, $0.baseAddress!, $0.count, 0) }
      if got <= 0 { break }
    }
  }

  /// Closes the descriptor.
  func close() {
    _ = Glibc.close(fd)
  }
}
