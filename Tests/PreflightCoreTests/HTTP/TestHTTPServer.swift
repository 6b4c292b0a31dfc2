import Foundation
import Glibc
import Synchronization

/// A small HTTP/1.1 server on 127.0.0.1 and a free port, for transport tests: one thread per
/// connection, one request per connection, and a handler that scripts each response (and may
/// block, wait for other requests, stream and drop).
final class TestHTTPServer: Sendable {
  /// Scripts one response.
  typealias Handler = @Sendable (TestHTTPRequest, TestHTTPResponder) -> Void

  private struct State {
    var requests: [TestHTTPRequest] = []
    var clients: Set<Int32> = []
    var stopped = false
  }

  /// The port it listens on.
  let port: Int
  private let listener: Int32
  private let handler: Handler
  private let readsRequest: Bool
  private let state = Mutex(State())

  /// Starts a server; stop it with ``stop()``. With `readsRequest` false the handler runs as
  /// soon as a connection comes, with an empty request (for clients that never send one we
  /// can read, such as a TLS handshake).
  init(readsRequest: Bool = true, _ handler: @escaping Handler) throws {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw POSIXError(.EIO) }
    var yes: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0, listen(fd, 64) == 0 else {
      close(fd)
      throw POSIXError(.EADDRINUSE)
    }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    self.port = Int(UInt16(bigEndian: address.sin_port))
    self.listener = fd
    self.handler = handler
    self.readsRequest = readsRequest
    let thread = Thread { [self] in acceptLoop() }
    thread.start()
  }

  /// `http://127.0.0.1:PORT` + `path`.
  func url(_ path: String = "/mcp") -> String { "http://127.0.0.1:\(port)\(path)" }

  /// Every request received so far, in order of arrival.
  var requests: [TestHTTPRequest] { state.withLock { $0.requests } }

  /// Requests with this HTTP method and, when given, this JSON-RPC method.
  func requests(_ method: String, rpc: String? = nil) -> [TestHTTPRequest] {
    requests.filter { $0.method == method && (rpc == nil || $0.rpcMethod == rpc) }
  }

  /// Stops listening and breaks every open connection.
  func stop() {
    let clients = state.withLock { state -> Set<Int32> in
      state.stopped = true
      return state.clients
    }
    shutdown(listener, Int32(SHUT_RDWR))
    for client in clients {
      shutdown(client, Int32(SHUT_RDWR))
    }
  }

  private func acceptLoop() {
    while true {
      let client = accept(listener, nil, nil)
      if client < 0 {
        if errno == EINTR { continue }
        close(listener)
        return
      }
      let live = state.withLock { state -> Bool in
        guard !state.stopped else { return false }
        state.clients.insert(client)
        return true
      }
      guard live else {
        close(client)
        continue
      }
      let thread = Thread { [self] in serve(client) }
      thread.start()
    }
  }

  private func serve(_ fd: Int32) {
    defer {
      state.withLock { _ = $0.clients.remove(fd) }
      close(fd)
    }
    let empty = TestHTTPRequest(method: "", path: "", headers: [], body: [])
    guard let request = readsRequest ? readRequest(fd) : empty else { return }
    state.withLock { $0.requests.append(request) }
    let responder = TestHTTPResponder(fd: fd)
    handler(request, responder)
    if !responder.isFinished {
      responder.drop()
    }
    shutdown(fd, Int32(SHUT_WR))
    // Let the client read to the end before the socket goes.
    var scratch = [UInt8](repeating: 0, count: 256)
    var tries = 0
    while tries < 50, recv(fd, &scratch, scratch.count, 0) > 0 { tries += 1 }
  }

  private func readRequest(_ fd: Int32) -> TestHTTPRequest? {
    var buffer: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65_536)
    var headerEnd: Int?
    while headerEnd == nil {
      let count = recv(fd, &chunk, chunk.count, 0)
      if count < 0, errno == EINTR { continue }
      guard count > 0 else { return nil }
      buffer += chunk[0..<count]
      headerEnd = Self.find([13, 10, 13, 10], in: buffer)
    }
    let head = String(decoding: buffer[0..<headerEnd!], as: UTF8.self)
    var lines = head.components(separatedBy: "\r\n")
    let requestLine = lines.removeFirst().split(separator: " ")
    guard requestLine.count >= 2 else { return nil }
    var headers: [(name: String, value: String)] = []
    for line in lines {
      guard let colon = line.firstIndex(of: ":") else { continue }
      headers.append(
        (
          String(line[..<colon]),
          String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        ))
    }
    var body = Array(buffer[(headerEnd! + 4)...])
    let length =
      headers.first { $0.name.lowercased() == "content-length" }.flatMap { Int($0.value) } ?? 0
    while body.count < length {
      let count = recv(fd, &chunk, chunk.count, 0)
      if count < 0, errno == EINTR { continue }
      guard count > 0 else { return nil }
      body += chunk[0..<count]
    }
    return TestHTTPRequest(
      method: String(requestLine[0]), path: String(requestLine[1]), headers: headers,
      body: Array(body.prefix(length)))
  }

  private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
    guard haystack.count >= needle.count else { return nil }
    for index in 0...(haystack.count - needle.count)
    where haystack[index..<(index + needle.count)].elementsEqual(needle) {
      return index
    }
    return nil
  }
}
