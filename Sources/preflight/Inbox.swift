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
    var merged: [Msg] = []
    for message in taken {
      if case .wire(let more) = message, case .wire(let earlier)? = merged.last {
        merged[merged.count - 1] = .wire(earlier + more)
      } else {
        merged.append(message)
      }
    }
    return merged
  }
}
