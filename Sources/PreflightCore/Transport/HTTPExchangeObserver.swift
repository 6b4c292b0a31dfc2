import Foundation

/// What reads one HTTP exchange. Calls come one at a time, in order, on the session's serial
/// delegate queue: the head first (unless the exchange failed before it), then each body chunk
/// as it arrives, then the completion, exactly once.
protocol HTTPExchangeObserver: Sendable {
  /// The status line and headers arrived.
  func didReceive(head: HTTPResponseHead)
  /// A body chunk arrived.
  func didReceive(data: Data)
  /// The exchange ended: nil when the body ended normally.
  func didComplete(failure: HTTPFailure?)
}
