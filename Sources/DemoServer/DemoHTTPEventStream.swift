import PreflightJSON
import Synchronization

/// A Server-Sent Events stream of JSON-RPC messages: each message is one `message` event with
/// an id (`<stream>-<n>`, unique within the session) and the compact JSON as its data.
final class DemoHTTPEventStream: Sendable {
  /// The comment written when the stream has been quiet for the keep-alive interval.
  static let keepAliveComment = Array(": keep-alive\n\n".utf8)

  /// The body the connection writes.
  let body: HTTPBodyStream
  /// The stream's number within its session, the first part of every event id.
  let number: Int
  /// Events sent so far; the last part of the next event id.
  private let sent = Mutex(0)

  /// Makes stream `number` of a session, with a keep-alive comment every `keepAlive` (none
  /// when nil).
  init(number: Int, keepAlive: Duration?) {
    self.number = number
    self.body = HTTPBodyStream(
      keepAlive: keepAlive.map {
        HTTPBodyStream.KeepAlive(interval: $0, bytes: Self.keepAliveComment)
      })
  }

  /// Whether messages sent now may still reach the client.
  var isOpen: Bool { body.isOpen }

  /// Sends one message as an event; false once the stream has ended or the client has gone.
  @discardableResult
  func send(_ message: JSONValue) -> Bool {
    // The counter and the bytes move together, so ids go out in order.
    sent.withLock { count in
      let id = "\(number)-\(count + 1)"
      var event = Array("event: message\nid: \(id)\ndata: ".utf8)
      JSONPrinter.writeCompact(message, into: &event)
      event += Array("\n\n".utf8)
      guard body.send(event) else { return false }
      count += 1
      return true
    }
  }

  /// Ends the stream after the events sent so far.
  func finish() {
    body.finish()
  }
}
