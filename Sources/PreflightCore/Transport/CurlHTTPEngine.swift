import Dispatch
import Foundation
import Synchronization

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The HTTP engine behind `--insecure` on Linux: libcurl, loaded at run time with
/// `dlopen("libcurl.so.4")` (the library FoundationNetworking itself links, so it is always
/// there), each request a ``CurlTransfer`` on its own thread. Every transfer's callbacks go
/// through one serial queue, as URLSession's delegate queue does, so observers see the same
/// order across exchanges. No timeout of its own (the transports time out what needs it);
/// libcurl reads `http_proxy`, `https_proxy` and `no_proxy` itself.
final class CurlHTTPEngine: Sendable {
  private struct State {
    var shutDown = false
    var live: [ObjectIdentifier: CurlTransfer] = [:]
  }

  private let queue = DispatchQueue(label: "preflight.http.curl")
  private let verifiesCertificates: Bool
  private let state = Mutex(State())

  /// Makes an engine; with `verifiesCertificates` false any server certificate is accepted.
  init(verifiesCertificates: Bool) {
    self.verifiesCertificates = verifiesCertificates
  }

  /// A transfer for `request`, not yet started; one made after ``shutDown()`` is cancelled.
  func transfer(_ request: URLRequest) -> CurlTransfer {
    let transfer = CurlTransfer(
      request: request, verifiesCertificates: verifiesCertificates, queue: queue
    ) { [weak self] ended in
      _ = self?.state.withLock { $0.live.removeValue(forKey: ObjectIdentifier(ended)) }
    }
    let refused = state.withLock { state -> Bool in
      if state.shutDown { return true }
      state.live[ObjectIdentifier(transfer)] = transfer
      return false
    }
    if refused {
      transfer.cancel()
    }
    return transfer
  }

  /// Transfers still running.
  var liveCount: Int { state.withLock { $0.live.count } }

  /// Cancels every transfer; later ones are cancelled as they are made.
  func shutDown() {
    let live = state.withLock { state -> [CurlTransfer] in
      state.shutDown = true
      return Array(state.live.values)
    }
    for transfer in live {
      transfer.cancel()
    }
  }
}
