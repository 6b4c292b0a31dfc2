/// One client connection, served on a thread of its own: requests are read one after another
/// (keep-alive), each is answered by the async handler, and the response is written, streamed
/// bodies chunk by chunk.
struct HTTPConnection: Sendable {
  /// How long the thread waits for a streamed body before checking whether the client is
  /// still there.
  static let pollInterval = Duration.seconds(1)

  /// The connected socket (closed by the caller after `run` returns).
  let socket: HTTPSocket
  /// Answers one request.
  let handler: HTTPServer.Handler

  /// Serves requests until the client closes, asks to close, breaks a stream or sends
  /// something that is not HTTP.
  func run() {
    var reader = HTTPRequestReader(socket: socket)
    while true {
      switch reader.next() {
      case .closed:
        return
      case .malformed(let status, let reason):
        let response = HTTPResponse.text(status, reason)
        if socket.write(response.head(chunked: false, keepAlive: false) + bytes(of: response)) {
          socket.finishSending()
        }
        return
      case .request(let request):
        let handler = handler
        let response = HTTPHandoff.run { await handler(request) }
        guard write(response, for: request) else { return }
      }
    }
  }

  /// Writes the response; true when the connection can carry another request.
  private func write(_ response: HTTPResponse, for request: HTTPRequest) -> Bool {
    let chunked = request.version == "HTTP/1.1"
    var keepAlive = request.keepsAlive
    if case .stream = response.body, !chunked { keepAlive = false }
    switch response.body {
    case .bytes(let body):
      let head = response.head(chunked: false, keepAlive: keepAlive)
      let sent = request.method == "HEAD" ? head : head + body
      guard socket.write(sent) else { return false }
    case .stream(let stream):
      guard socket.write(response.head(chunked: chunked, keepAlive: keepAlive)) else {
        stream.close()
        return false
      }
      guard pump(stream, chunked: chunked) else {
        stream.close()
        return false
      }
    }
    if !keepAlive { socket.finishSending() }
    return keepAlive
  }

  /// Copies a streamed body to the socket until it ends; false if the client went away.
  private func pump(_ stream: HTTPBodyStream, chunked: Bool) -> Bool {
    let clock = ContinuousClock()
    var lastWrite = clock.now
    while true {
      var wait = Self.pollInterval
      if let keepAlive = stream.keepAlive {
        wait = min(wait, max(keepAlive.interval - (clock.now - lastWrite), .zero))
      }
      switch stream.next(timeout: wait) {
      case .bytes(let bytes):
        guard socket.write(chunked ? Self.chunk(bytes) : bytes) else { return false }
        lastWrite = clock.now
      case .end:
        return chunked ? socket.write(Array("0\r\n\r\n".utf8)) : true
      case .idle:
        if let keepAlive = stream.keepAlive, clock.now - lastWrite >= keepAlive.interval {
          let bytes = keepAlive.bytes
          guard socket.write(chunked ? Self.chunk(bytes) : bytes) else { return false }
          lastWrite = clock.now
        }
        if socket.peerHasClosed() { return false }
      }
    }
  }

  /// The body bytes of a complete response (none for a stream).
  private func bytes(of response: HTTPResponse) -> [UInt8] {
    if case .bytes(let body) = response.body { return body }
    return []
  }

  /// One chunk of the chunked transfer coding.
  static func chunk(_ bytes: [UInt8]) -> [UInt8] {
    Array(String(bytes.count, radix: 16).utf8) + [13, 10] + bytes + [13, 10]
  }
}
