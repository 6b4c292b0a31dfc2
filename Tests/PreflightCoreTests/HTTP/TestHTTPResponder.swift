import Foundation
import Glibc
import Synchronization

/// Writes one response of the test server: whole (`respond`), or streamed in chunks
/// (`startStream`, `write`, then `endStream` or `drop` to break it mid-way).
final class TestHTTPResponder: Sendable {
  private let fd: Int32
  private let done = Mutex(false)

  init(fd: Int32) {
    self.fd = fd
  }

  /// Whether the response is finished (written or dropped).
  var isFinished: Bool { done.withLock { $0 } }

  private func send(_ bytes: [UInt8]) {
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes {
        Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
      }
      if written <= 0 {
        if errno == EINTR { continue }
        return
      }
      offset += written
    }
  }

  private func head(_ status: Int, _ headers: [(String, String)]) -> String {
    var text = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
    for (name, value) in headers {
      text += "\(name): \(value)\r\n"
    }
    return text
  }

  /// A whole response with `Content-Length`.
  func respond(status: Int, headers: [(String, String)] = [], body: [UInt8] = []) {
    var text = head(status, headers)
    text += "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
    send(Array(text.utf8) + body)
    finish()
  }

  /// A whole response with a text body.
  func respond(status: Int, headers: [(String, String)] = [], text: String) {
    respond(status: status, headers: headers, body: Array(text.utf8))
  }

  /// A JSON response.
  func json(_ text: String, status: Int = 200, headers: [(String, String)] = []) {
    respond(
      status: status, headers: [("Content-Type", "application/json")] + headers, text: text)
  }

  /// Starts a chunked response.
  func startStream(status: Int = 200, headers: [(String, String)]) {
    var text = head(status, headers)
    text += "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
    send(Array(text.utf8))
  }

  /// Starts an SSE stream.
  func startSSE(headers: [(String, String)] = []) {
    startStream(headers: [("Content-Type", "text/event-stream")] + headers)
  }

  /// Writes one chunk.
  func write(_ bytes: [UInt8]) {
    guard !bytes.isEmpty else { return }
    send(Array(String(bytes.count, radix: 16).utf8) + [13, 10] + bytes + [13, 10])
  }

  /// Writes one chunk of text.
  func write(_ text: String) { write(Array(text.utf8)) }

  /// Ends a chunked response properly.
  func endStream() {
    send(Array("0\r\n\r\n".utf8))
    finish()
  }

  /// Breaks the connection without ending the response.
  func drop() {
    shutdown(fd, Int32(SHUT_RDWR))
    finish()
  }

  private func finish() { done.withLock { $0 = true } }

  private static func reason(_ status: Int) -> String {
    switch status {
    case 200: "OK"
    case 202: "Accepted"
    case 400: "Bad Request"
    case 401: "Unauthorized"
    case 404: "Not Found"
    case 405: "Method Not Allowed"
    case 500: "Internal Server Error"
    default: "Status"
    }
  }
}
