/// One HTTP/1.x request as read from a connection, body complete.
struct HTTPRequest: Sendable {
  /// The method, as sent (`GET`, `POST`, …).
  var method: String
  /// The request target as sent (`/mcp?x=1`).
  var target: String
  /// The protocol version as sent (`HTTP/1.1`).
  var version: String
  /// The header fields.
  var headers: HTTPHeaders
  /// The body, after any chunked transfer coding is removed.
  var body: [UInt8]

  /// The target's path: everything before `?` or `#`.
  var path: String {
    String(target.prefix { $0 != "?" && $0 != "#" })
  }

  /// Whether the connection may carry another request after this one's response: HTTP/1.1
  /// unless `Connection: close`, HTTP/1.0 only with `Connection: keep-alive`.
  var keepsAlive: Bool {
    let options = headers.tokens("Connection")
    if version == "HTTP/1.0" { return options.contains("keep-alive") }
    return !options.contains("close")
  }
}
