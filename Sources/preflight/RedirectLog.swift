import ServerCheck
import Synchronization

/// The redirect chains the connector check's own requests met, each once, in order.
final class RedirectLog: Sendable {
  private let chains = Mutex<[RedirectChain]>([])

  /// Keeps `chain` unless it has no hop or the same chain is already kept.
  func record(_ chain: RedirectChain) {
    guard !chain.hops.isEmpty else { return }
    chains.withLock { list in
      let same = list.contains {
        $0.method == chain.method && $0.start == chain.start
          && $0.hops.map(\.location) == chain.hops.map(\.location)
      }
      if !same { list.append(chain) }
    }
  }

  /// Every chain kept.
  var all: [RedirectChain] { chains.withLock { $0 } }
}
