/// An HTTP response: status, header fields and a body that is either complete or streamed.
struct HTTPResponse: Sendable {
  /// The body of a response.
  enum Body: Sendable {
    /// A complete body, sent with `Content-Length`.
    case bytes([UInt8])
    /// A body written as it is produced, sent with the chunked transfer coding.
    case stream(HTTPBodyStream)
  }

  /// The status code.
  var status: Int
  /// The header fields, without the framing ones (`Content-Length`, `Transfer-Encoding`,
  /// `Connection`), which the connection adds.
  var headers: HTTPHeaders
  /// The body.
  var body: Body

  /// Makes a response.
  init(status: Int, headers: HTTPHeaders = [:], body: Body = .bytes([])) {
    self.status = status
    self.headers = headers
    self.body = body
  }

  /// A response with a plain-text body (a line ending is added).
  static func text(_ status: Int, _ text: String, headers: HTTPHeaders = [:]) -> HTTPResponse {
    var all = headers
    all.add("Content-Type", "text/plain; charset=utf-8")
    return HTTPResponse(status: status, headers: all, body: .bytes(Array((text + "\n").utf8)))
  }

  /// The status line and header section, framing fields included.
  ///
  /// - Parameters:
  ///   - chunked: whether the body follows in chunks (else `Content-Length` is given for a
  ///     complete body, and a stream is sent as is, ended by closing).
  ///   - keepAlive: whether the connection stays open after this response.
  func head(chunked: Bool, keepAlive: Bool) -> [UInt8] {
    var text = "HTTP/1.1 \(status) \(Self.reason(for: status))\r\n"
    for field in headers.fields {
      text += "\(field.name): \(field.value)\r\n"
    }
    switch body {
    case .bytes(let bytes):
      text += "Content-Length: \(bytes.count)\r\n"
    case .stream:
      if chunked { text += "Transfer-Encoding: chunked\r\n" }
    }
    if !keepAlive { text += "Connection: close\r\n" }
    text += "\r\n"
    return Array(text.utf8)
  }

  /// The reason phrase for a status code.
  static func reason(for status: Int) -> String {
    switch status {
    case 100: "Continue"
    case 200: "OK"
    case 202: "Accepted"
    case 204: "No Content"
    case 400: "Bad Request"
    case 403: "Forbidden"
    case 404: "Not Found"
    case 405: "Method Not Allowed"
    case 406: "Not Acceptable"
    case 413: "Content Too Large"
    case 414: "URI Too Long"
    case 415: "Unsupported Media Type"
    case 421: "Misdirected Request"
    case 431: "Request Header Fields Too Large"
    case 500: "Internal Server Error"
    case 501: "Not Implemented"
    case 503: "Service Unavailable"
    case 505: "HTTP Version Not Supported"
    default: "Status \(status)"
    }
  }
}
