import Foundation
import Glibc
import PreflightJSON

/// A raw-socket HTTP/1.1 client for tests: one connection, requests written by hand,
/// responses read with a deadline.
///
/// Reads never block a thread: the socket is non-blocking and the client sleeps briefly
/// between attempts, so tests leave the concurrency pool to the server under test.
final class HTTPTestClient {
  /// The connected socket.
  let fd: Int32
  /// How long one read may wait for bytes.
  let timeout: Duration
  /// Bytes received and not yet consumed.
  private var buffer: [UInt8] = []
  /// Undelivered bytes of the current chunked body's decoded SSE text.
  private var eventText: [UInt8] = []
  /// The port, for the Host header.
  let port: UInt16

  /// Connects to 127.0.0.1 at `port`.
  init(port: UInt16, timeout: Duration = .seconds(120)) throws {
    self.port = port
    self.timeout = timeout
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw HTTPTestClientError("socket failed: errno \(errno)") }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else {
      let code = errno
      close(fd)
      throw HTTPTestClientError("cannot connect to 127.0.0.1:\(port): errno \(code)")
    }
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    self.fd = fd
  }

  deinit {
    close(fd)
  }

  // MARK: - Writing

  /// Writes raw bytes.
  func send(_ bytes: [UInt8]) async throws {
    var offset = 0
    let deadline = ContinuousClock.now + timeout
    while offset < bytes.count {
      let sent = bytes.withUnsafeBytes {
        Glibc.send(fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
      }
      if sent > 0 {
        offset += sent
      } else if sent < 0 && (errno == EAGAIN || errno == EINTR) {
        guard ContinuousClock.now < deadline else { throw HTTPTestClientError("send timed out") }
        try await Task.sleep(for: .milliseconds(2))
      } else {
        throw HTTPTestClientError("send failed: errno \(errno)")
      }
    }
  }

  /// Writes raw text.
  func send(_ text: String) async throws {
    try await send(Array(text.utf8))
  }

  /// Writes a request with `Host` and (when there is a body) `Content-Length` added.
  func sendRequest(
    _ method: String, path: String = "/mcp", headers: [(String, String)] = [],
    body: [UInt8] = []
  ) async throws {
    var text = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n"
    for (name, value) in headers { text += "\(name): \(value)\r\n" }
    if !body.isEmpty || method == "POST" { text += "Content-Length: \(body.count)\r\n" }
    text += "\r\n"
    try await send(Array(text.utf8) + body)
  }

  /// Writes a request and reads its whole response.
  func request(
    _ method: String, path: String = "/mcp", headers: [(String, String)] = [],
    body: [UInt8] = []
  ) async throws -> HTTPTestResponse {
    try await sendRequest(method, path: path, headers: headers, body: body)
    var response = try await readHead()
    response.body = try await readBody(of: response)
    return response
  }

  // MARK: - Reading

  /// Reads a status line and header section (skipping `100 Continue`); the body is left.
  func readHead() async throws -> HTTPTestResponse {
    while true {
      let head = try await readUntil([13, 10, 13, 10])
      let lines = String(decoding: head, as: UTF8.self).components(separatedBy: "\r\n")
      let statusParts = lines[0].split(separator: " ", maxSplits: 2)
      guard statusParts.count >= 2, statusParts[0].hasPrefix("HTTP/1."),
        let status = Int(statusParts[1])
      else { throw HTTPTestClientError("not a status line: \(lines[0])") }
      if status == 100 { continue }
      var headers: [(name: String, value: String)] = []
      for line in lines.dropFirst() where !line.isEmpty {
        guard let colon = line.firstIndex(of: ":") else {
          throw HTTPTestClientError("not a header line: \(line)")
        }
        let value = line[line.index(after: colon)...].drop { $0 == " " }
        headers.append((String(line[..<colon]), String(value)))
      }
      return HTTPTestResponse(status: status, headers: headers, body: [])
    }
  }

  /// Reads an interim (1xx) status line and its empty header section; returns the status line.
  func readInterim() async throws -> String {
    let head = try await readUntil([13, 10, 13, 10])
    return String(decoding: head.dropLast(4), as: UTF8.self)
  }

  /// Reads a whole body: `Content-Length`, chunked to the end, or (neither) nothing.
  func readBody(of head: HTTPTestResponse) async throws -> [UInt8] {
    if head.header("Transfer-Encoding")?.lowercased() == "chunked" {
      var body: [UInt8] = []
      while let chunk = try await nextChunk() { body += chunk }
      return body
    }
    let length = Int(head.header("Content-Length") ?? "0") ?? 0
    return try await readExactly(length)
  }

  /// The next chunk of a chunked body, or nil after the last one.
  func nextChunk() async throws -> [UInt8]? {
    let sizeLine = try await readUntil([13, 10])
    let sizeText = String(decoding: sizeLine.dropLast(2), as: UTF8.self)
    guard let size = Int(sizeText, radix: 16) else {
      throw HTTPTestClientError("not a chunk size: \(sizeText)")
    }
    if size == 0 {
      _ = try await readUntil([13, 10])
      return nil
    }
    let chunk = try await readExactly(size)
    guard try await readExactly(2) == [13, 10] else {
      throw HTTPTestClientError("a chunk does not end with CRLF")
    }
    return chunk
  }

  /// The next SSE event of a chunked `text/event-stream` body, or nil when the body ends.
  func nextEvent() async throws -> HTTPTestEvent? {
    while true {
      if let end = Self.find([10, 10], in: eventText) {
        let block = Array(eventText[..<end])
        eventText.removeFirst(end + 2)
        return HTTPTestEvent(block)
      }
      guard let chunk = try await nextChunk() else {
        guard eventText.isEmpty else {
          throw HTTPTestClientError("the stream ended inside an event")
        }
        return nil
      }
      eventText += chunk
    }
  }

  /// Whether the server closes the connection within `limit` (anything it sends first is
  /// dropped).
  func closesConnection(within limit: Duration) async throws -> Bool {
    let deadline = ContinuousClock.now + limit
    while ContinuousClock.now < deadline {
      switch receive() {
      case .closed: return true
      case .data: continue
      case .none: try await Task.sleep(for: .milliseconds(5))
      }
    }
    return false
  }

  /// Bytes up to and including `terminator`.
  private func readUntil(_ terminator: [UInt8]) async throws -> [UInt8] {
    let deadline = ContinuousClock.now + timeout
    while true {
      if let end = Self.find(terminator, in: buffer) {
        let bytes = Array(buffer[..<(end + terminator.count)])
        buffer.removeFirst(end + terminator.count)
        return bytes
      }
      try await fill(before: deadline)
    }
  }

  /// Exactly `count` bytes.
  private func readExactly(_ count: Int) async throws -> [UInt8] {
    let deadline = ContinuousClock.now + timeout
    while buffer.count < count { try await fill(before: deadline) }
    let bytes = Array(buffer[..<count])
    buffer.removeFirst(count)
    return bytes
  }

  /// Receives more bytes into the buffer, waiting until `deadline`.
  private func fill(before deadline: ContinuousClock.Instant) async throws {
    while true {
      switch receive() {
      case .data: return
      case .closed: throw HTTPTestClientError("the server closed the connection")
      case .none:
        guard ContinuousClock.now < deadline else {
          throw HTTPTestClientError("timed out waiting for the server")
        }
        try await Task.sleep(for: .milliseconds(2))
      }
    }
  }

  /// What one non-blocking receive gave.
  private enum Received {
    case data
    case closed
    case none
  }

  /// One non-blocking receive into the buffer.
  private func receive() -> Received {
    var chunk = [UInt8](repeating: 0, count: 65536)
    let got = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress!, $0.count, 0) }
    if got > 0 {
      buffer += chunk[..<got]
      return .data
    }
    if got == 0 { return .closed }
    return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? .none : .closed
  }

  /// Where `needle` first starts in `haystack`.
  private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
    guard haystack.count >= needle.count else { return nil }
    for start in 0...(haystack.count - needle.count)
    where haystack[start..<(start + needle.count)].elementsEqual(needle) {
      return start
    }
    return nil
  }
}
