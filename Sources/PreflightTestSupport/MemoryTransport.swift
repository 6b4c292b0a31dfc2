import PreflightCore
import PreflightJSON
import Synchronization

/// A transport whose other end is a test: frames the client sends arrive at ``server`` and
/// whatever the test sends through ``server`` arrives at the client, with no I/O.
public final class MemoryTransport: Transport {
  /// The wire log's transport name.
  public let kind = "memory"
  private let toClient: AsyncStream<TransportEvent>
  private let toClientSink: AsyncStream<TransportEvent>.Continuation
  private let closedFlag = Mutex(false)
  /// The test's end.
  public let server: MemoryServerEnd

  /// Makes a connected pair.
  public init() {
    (toClient, toClientSink) = AsyncStream.makeStream(of: TransportEvent.self)
    server = MemoryServerEnd(sink: toClientSink)
  }

  /// Returns the stream of what the test sends.
  public func open() async throws(TransportError) -> AsyncStream<TransportEvent> {
    toClient
  }

  /// Delivers the frame to the test's end.
  public func send(_ frame: [UInt8]) async throws(TransportError) {
    if closedFlag.withLock({ $0 }) { throw TransportError("memory transport is closed") }
    server.deliver(frame)
  }

  /// Closes both directions.
  public func close() async {
    let first = closedFlag.withLock { flag -> Bool in
      defer { flag = true }
      return !flag
    }
    guard first else { return }
    toClientSink.yield(.closed(.local))
    toClientSink.finish()
    server.finishInbox()
  }
}
