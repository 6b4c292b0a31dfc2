import Synchronization

/// The event stream of an HTTP transport: yields from any thread until it is finished, then
/// drops everything, so `.closed` is always the last event.
final class HTTPEventSink: Sendable {
  private let continuation = Mutex<AsyncStream<TransportEvent>.Continuation?>(nil)

  /// Makes a sink with no stream yet.
  init() {}

  /// Makes the stream (unbounded: nothing a server sends is dropped).
  func start() -> AsyncStream<TransportEvent> {
    let (stream, continuation) = AsyncStream.makeStream(
      of: TransportEvent.self, bufferingPolicy: .unbounded)
    self.continuation.withLock { $0 = continuation }
    return stream
  }

  /// Whether the stream is live.
  var isLive: Bool { continuation.withLock { $0 != nil } }

  /// Yields an event, unless the stream has finished.
  func yield(_ event: TransportEvent) {
    continuation.withLock { continuation in
      _ = continuation?.yield(event)
    }
  }

  /// Yields `.closed(reason)` and ends the stream; later calls do nothing.
  func finish(_ reason: CloseReason) {
    continuation.withLock { continuation in
      continuation?.yield(.closed(reason))
      continuation?.finish()
      continuation = nil
    }
  }
}
