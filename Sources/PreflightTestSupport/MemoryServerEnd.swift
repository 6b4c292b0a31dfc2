import PreflightCore
import PreflightJSON
import Synchronization

/// The test's side of a ``MemoryTransport``: read what the client sent, send anything back.
public final class MemoryServerEnd: Sendable {
  private let sink: AsyncStream<TransportEvent>.Continuation
  private struct Inbox {
    var frames: [[UInt8]] = []
    var waiter: CheckedContinuation<[UInt8]?, Never>?
    var finished = false
  }
  private let inbox = Mutex(Inbox())
  private let serverIDs = Mutex(1000)

  init(sink: AsyncStream<TransportEvent>.Continuation) {
    self.sink = sink
  }

  func deliver(_ frame: [UInt8]) {
    let waiter = inbox.withLock { s -> CheckedContinuation<[UInt8]?, Never>? in
      if let w = s.waiter {
        s.waiter = nil
        return w
      }
      s.frames.append(frame)
      return nil
    }
    waiter?.resume(returning: frame)
  }

  func finishInbox() {
    let waiter = inbox.withLock { s -> CheckedContinuation<[UInt8]?, Never>? in
      s.finished = true
      defer { s.waiter = nil }
      return s.waiter
    }
    waiter?.resume(returning: nil)
  }

  /// The next frame the client sent, parsed; nil when the client closed. Fails the parse
  /// loudly, since the client must only send JSON.
  public func receive() async -> JSONValue? {
    guard let bytes = await receiveBytes() else { return nil }
    return try? JSONParser.parse(bytes)
  }

  /// The next frame the client sent, as bytes.
  public func receiveBytes() async -> [UInt8]? {
    await withCheckedContinuation { (c: CheckedContinuation<[UInt8]?, Never>) in
      let ready = inbox.withLock { s -> [UInt8]?? in
        if !s.frames.isEmpty { return .some(s.frames.removeFirst()) }
        if s.finished { return .some(nil) }
        s.waiter = c
        return nil
      }
      if let ready { c.resume(returning: ready) }
    }
  }

  /// Receives frames until one is a request or notification with this method; returns it.
  public func receive(method: String) async -> JSONValue? {
    while let frame = await receive() {
      if frame["method"]?.stringValue == method { return frame }
    }
    return nil
  }

  /// Sends a JSON value to the client as one frame.
  public func send(_ value: JSONValue) {
    sink.yield(.frame(JSONPrinter.compactBytes(value)))
  }

  /// Sends raw bytes to the client as one frame.
  public func sendRaw(_ bytes: [UInt8]) {
    sink.yield(.frame(bytes))
  }

  /// Sends a stderr line.
  public func stderr(_ line: String) {
    sink.yield(.stderr(line))
  }

  /// Answers a request frame with a result.
  public func reply(to request: JSONValue, result: JSONValue) {
    send(["jsonrpc": "2.0", "id": request["id"] ?? .null, "result": result])
  }

  /// Answers a request frame with an error.
  public func replyError(to request: JSONValue, code: Int, message: String) {
    send([
      "jsonrpc": "2.0", "id": request["id"] ?? .null,
      "error": ["code": .int(code), "message": .string(message)],
    ])
  }

  /// Sends a `ping` to the client and waits for its answer: every frame sent before it has then
  /// been processed by the client's peer (frames are handled in order).
  public func sync() async {
    let id = serverIDs.withLock { n -> Int in
      n += 1
      return n
    }
    send(["jsonrpc": "2.0", "id": .string("sync-\(id)"), "method": "ping"])
    while let frame = await receive() {
      if frame["id"] == .string("sync-\(id)"), frame["result"] != nil { return }
    }
  }

  /// Ends the stream as if the server went away.
  public func close(_ reason: CloseReason) {
    sink.yield(.closed(reason))
    sink.finish()
  }
}
