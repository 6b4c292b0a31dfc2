import PreflightCore
import PreflightUI
import Synchronization

/// Messages posted from any thread, drained by the UI loop each turn.
final class Inbox: Sendable {
  private let messages = Mutex<[Msg]>([])

  /// Posts a message.
  func post(_ message: Msg) {
    messages.withLock { $0.append(message) }
  }

  /// Takes every waiting message, merging runs of wire records into one message.
  func drain() -> [Msg] {
    let taken = messages.withLock { queue -> [Msg] in
      defer { queue.removeAll(keepingCapacity: true) }
      return queue
    }
    // A run is gathered in one array and wrapped once: re-wrapping `earlier + more` for every
    // record copied the run each time, which took minutes under a flood of 100,000 frames.
    var merged: [Msg] = []
    var run: [WireRecord] = []
    for message in taken {
      if case .wire(let more) = message {
        run.append(contentsOf: more)
      } else {
        if !run.isEmpty {
          merged.append(.wire(run))
          run = []
        }
        merged.append(message)
      }
    }
    if !run.isEmpty {
      merged.append(.wire(run))
    }
    return merged
  }
}
