import PreflightCore
import Synchronization

/// Wraps a transport and keeps a copy of every frame that crosses it, both ways, exactly as the
/// transport carried it: an independent record to hold the wire log against. It can also hold
/// back the first send until the inner transport has reported its close, so that a server that
/// exits at once is surely gone before `initialize` is written.
final class TappedTransport: Transport {
  private struct Tap {
    var inbound: [[UInt8]] = []
    var outbound: [[UInt8]] = []
    var closed = false
    var sent = false
  }

  private let inner: any Transport
  private let holdsFirstSend: Bool
  private let tap = Mutex(Tap())

  /// Wraps `inner`; when `holdingFirstSendUntilClosed`, the first `send` waits (up to 10 s)
  /// until the inner transport's event stream has delivered `.closed`.
  init(_ inner: any Transport, holdingFirstSendUntilClosed: Bool = false) {
    self.inner = inner
    self.holdsFirstSend = holdingFirstSendUntilClosed
  }

  /// The inner transport's kind.
  var kind: String { inner.kind }

  /// The frames received so far, in order.
  var inbound: [[UInt8]] { tap.withLock { $0.inbound } }

  /// The frames sent so far, in order (including any whose send failed).
  var outbound: [[UInt8]] { tap.withLock { $0.outbound } }

  /// The inner transport's note about opening.
  var openingNote: (kind: String, text: String)? { inner.openingNote }

  /// Opens the inner transport and passes its events on, copying frames.
  func open() async throws(TransportError) -> AsyncStream<TransportEvent> {
    let stream = try await inner.open()
    let (events, continuation) = AsyncStream.makeStream(
      of: TransportEvent.self, bufferingPolicy: .unbounded)
    Task { [self] in
      for await event in stream {
        switch event {
        case .frame(let bytes), .httpFrame(let bytes, _): tap.withLock { $0.inbound.append(bytes) }
        case .frames(let list): tap.withLock { $0.inbound.append(contentsOf: list) }
        case .closed: tap.withLock { $0.closed = true }
        case .stderr, .note, .http: break
        }
        continuation.yield(event)
      }
      continuation.finish()
    }
    return events
  }

  /// Copies the frame, then sends it (the first one held back when asked).
  func send(_ frame: [UInt8]) async throws(TransportError) {
    let first = tap.withLock { tap in
      defer { tap.sent = true }
      return !tap.sent
    }
    if first, holdsFirstSend {
      let clock = ContinuousClock()
      let deadline = clock.now + .seconds(10)
      while !tap.withLock({ $0.closed }), clock.now < deadline {
        try? await Task.sleep(for: .milliseconds(10))
      }
    }
    tap.withLock { $0.outbound.append(frame) }
    try await inner.send(frame)
  }

  /// Closes the inner transport.
  func close() async {
    await inner.close()
  }
}
