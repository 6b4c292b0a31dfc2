import PreflightJSON
import Synchronization

@testable import PreflightCore

/// A transport whose sends all fail with an HTTP status while its stream stays open, as an
/// HTTP transport's do: used to probe whether ``JSONRPCPeer`` reports such failures promptly.
final class TestFailingTransport: Transport {
  let kind = "http"
  private let continuation = Mutex<AsyncStream<TransportEvent>.Continuation?>(nil)

  func open() async throws(TransportError) -> AsyncStream<TransportEvent> {
    let (stream, continuation) = AsyncStream.makeStream(of: TransportEvent.self)
    self.continuation.withLock { $0 = continuation }
    return stream
  }

  func send(_ frame: [UInt8]) async throws(TransportError) {
    throw TransportError("HTTP 500 from the probe", httpStatus: 500)
  }

  func close() async {
    continuation.withLock { continuation in
      continuation?.yield(.closed(.local))
      continuation?.finish()
      continuation = nil
    }
  }
}
