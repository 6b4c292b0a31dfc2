/// Reads HTTP/1.x requests one after another from a connection's socket.
///
/// Lines may end with CRLF or a bare LF. Bodies come with `Content-Length` or the chunked
/// transfer coding; `Expect: 100-continue` is answered before the body is read.
struct HTTPRequestReader {
  /// What reading the next request gave.
  enum Outcome {
    /// A complete request.
    case request(HTTPRequest)
    /// The peer closed the connection (or it broke) between requests or mid-request.
    case closed
    /// The bytes are not an acceptable request: answer with this status and close.
    case malformed(status: Int, reason: String)
  }

  /// One line, the end of the stream, or a line longer than allowed.
  private enum Line {
    case text([UInt8])
    case end
    case tooLong
  }

  /// A value read, or the outcome to stop with.
  private enum Step<Value> {
    case done(Value)
    case stop(Outcome)
  }

  /// The longest request line plus header section accepted.
  static let maximumHeadSize = 64 * 1024
  /// The largest body accepted.
  static let maximumBodySize = 64 * 1024 * 1024

  /// The socket read from.
  let socket: HTTPSocket
  /// Bytes read and not yet consumed start at `position`.
  private var buffer: [UInt8] = []
  /// Where the unconsumed bytes start.
  private var position = 0

  /// Makes a reader on `socket`.
  init(socket: HTTPSocket) {
    self.socket = socket
  }

  /// Reads the next request, blocking until it is complete.
  mutating func next() -> Outcome {
    buffer.removeFirst(position)
    position = 0
    var line: [UInt8]
    repeat {
      switch readLine(limit: Self.maximumHeadSize) {
      case .text(let text): line = text
      case .end: return .closed
      case .tooLong: return .malformed(status: 414, reason: "the request line is too long")
      }
    } while line.isEmpty  // RFC 9112 §2.2: ignore empty lines before the request line.
    let parts = String(decoding: line, as: UTF8.self).split(
      separator: " ", omittingEmptySubsequences: false)
    guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty else {
      return .malformed(status: 400, reason: "the request line is not METHOD TARGET VERSION")
    }
    let version = String(parts[2])
    guard version == "HTTP/1.1" || version == "HTTP/1.0" else {
      return .malformed(status: 505, reason: "only HTTP/1.0 and HTTP/1.1 are spoken here")
    }
    let headers: HTTPHeaders
    switch readHeaders(budget: Self.maximumHeadSize - line.count) {
    case .done(let read): headers = read
    case .stop(let outcome): return outcome
    }
    var request = HTTPRequest(
      method: String(parts[0]), target: String(parts[1]), version: version, headers: headers,
      body: [])
    switch readBody(of: request) {
    case .done(let body): request.body = body
    case .stop(let outcome): return outcome
    }
    return .request(request)
  }

  /// Reads header lines up to the empty line.
  private mutating func readHeaders(budget: Int) -> Step<HTTPHeaders> {
    var headers = HTTPHeaders()
    var left = budget
    while true {
      let line: [UInt8]
      switch readLine(limit: max(left, 0)) {
      case .text(let text): line = text
      case .end: return .stop(.closed)
      case .tooLong:
        return .stop(.malformed(status: 431, reason: "the header section is too large"))
      }
      left -= line.count + 2
      if line.isEmpty { return .done(headers) }
      guard left >= 0 else {
        return .stop(.malformed(status: 431, reason: "the header section is too large"))
      }
      guard line[0] != UInt8(ascii: " "), line[0] != UInt8(ascii: "\t"),
        let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > 0
      else {
        return .stop(.malformed(status: 400, reason: "a header line is malformed"))
      }
      let name = String(decoding: line[..<colon], as: UTF8.self)
      guard !name.contains(where: { $0 == " " || $0 == "\t" }) else {
        return .stop(.malformed(status: 400, reason: "a header name has a space"))
      }
      let value = String(decoding: line[(colon + 1)...], as: UTF8.self)
      headers.add(name, HTTPHeaders.trimmed(value[...]))
    }
  }

  /// Reads the body the headers announce.
  private mutating func readBody(of request: HTTPRequest) -> Step<[UInt8]> {
    let codings = request.headers.tokens("Transfer-Encoding")
    if !codings.isEmpty {
      guard codings == ["chunked"] else {
        return .stop(
          .malformed(status: 501, reason: "only the chunked transfer coding is supported")
        )
      }
      continueIfExpected(request)
      return readChunkedBody()
    }
    let lengths = Set(
      request.headers.values("Content-Length").map { $0[...] }.map(HTTPHeaders.trimmed))
    guard lengths.count <= 1 else {
      return .stop(.malformed(status: 400, reason: "conflicting Content-Length"))
    }
    guard let text = lengths.first else { return .done([]) }
    guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }), let length = Int(text)
    else {
      return .stop(.malformed(status: 400, reason: "Content-Length is not a number"))
    }
    guard length <= Self.maximumBodySize else {
      return .stop(.malformed(status: 413, reason: "the body is too large"))
    }
    if length > 0 { continueIfExpected(request) }
    guard let body = readBytes(length) else { return .stop(.closed) }
    return .done(body)
  }

  /// Reads a chunked body and its trailer section.
  private mutating func readChunkedBody() -> Step<[UInt8]> {
    var body: [UInt8] = []
    let malformed = Outcome.malformed(status: 400, reason: "the chunked body is malformed")
    while true {
      guard case .text(let sizeLine) = readLine(limit: 1024) else { return .stop(malformed) }
      let sizeText =
        String(decoding: sizeLine, as: UTF8.self)
        .split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
      let digits = HTTPHeaders.trimmed(sizeText)
      guard !digits.isEmpty, digits.count <= 8, let size = Int(digits, radix: 16) else {
        return .stop(malformed)
      }
      if size == 0 { break }
      guard body.count + size <= Self.maximumBodySize else {
        return .stop(.malformed(status: 413, reason: "the body is too large"))
      }
      guard let chunk = readBytes(size) else { return .stop(.closed) }
      body += chunk
      guard case .text(let end) = readLine(limit: 0), end.isEmpty else {
        return .stop(malformed)
      }
    }
    // The trailer section: header lines up to an empty line, ignored.
    var left = Self.maximumHeadSize
    while true {
      switch readLine(limit: max(left, 0)) {
      case .text(let line):
        if line.isEmpty { return .done(body) }
        left -= line.count + 2
      case .end: return .stop(.closed)
      case .tooLong: return .stop(malformed)
      }
    }
  }

  /// Sends `100 Continue` when the client waits for it before sending the body.
  private func continueIfExpected(_ request: HTTPRequest) {
    guard request.version == "HTTP/1.1",
      request.headers.tokens("Expect").contains("100-continue")
    else { return }
    _ = socket.write(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
  }

  /// The next line without its CRLF or LF, reading more as needed.
  private mutating func readLine(limit: Int) -> Line {
    var searchFrom = position
    while true {
      if let newline = buffer[searchFrom...].firstIndex(of: 10) {
        var end = newline
        if end > position && buffer[end - 1] == 13 { end -= 1 }
        let line = Array(buffer[position..<end])
        position = newline + 1
        return .text(line)
      }
      // Allow for the CR of a CRLF that has not fully arrived.
      if buffer.count - position > limit + 1 { return .tooLong }
      searchFrom = buffer.count
      guard socket.read(appendingTo: &buffer) else { return .end }
    }
  }

  /// The next `count` bytes, or nil when the stream ends first.
  private mutating func readBytes(_ count: Int) -> [UInt8]? {
    while buffer.count - position < count {
      guard socket.read(appendingTo: &buffer) else { return nil }
    }
    let bytes = Array(buffer[position..<(position + count)])
    position += count
    return bytes
  }
}
