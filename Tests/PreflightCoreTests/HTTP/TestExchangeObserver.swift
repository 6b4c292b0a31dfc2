import Foundation
import Synchronization

@testable import PreflightCore

/// Records what an HTTP engine tells one exchange's observer, in order.
final class TestExchangeObserver: HTTPExchangeObserver {
  /// One callback.
  enum Event: Sendable, Equatable {
    case head(Int)
    case data([UInt8])
    case complete(HTTPFailure?)
  }

  private let state = Mutex<[Event]>([])

  /// Every callback so far.
  var events: [Event] { state.withLock { $0 } }

  /// The body chunks so far, joined, as text.
  var bodyText: String {
    let bytes = events.flatMap { event -> [UInt8] in
      if case .data(let chunk) = event { return chunk }
      return []
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The completions so far (one, once the exchange ended).
  var completions: [HTTPFailure?] {
    events.compactMap { event in
      if case .complete(let failure) = event { return .some(failure) }
      return nil
    }
  }

  func didReceive(head: HTTPResponseHead) {
    state.withLock { $0.append(.head(head.status)) }
  }

  func didReceive(data: Data) {
    state.withLock { $0.append(.data(Array(data))) }
  }

  func didComplete(failure: HTTPFailure?) {
    state.withLock { $0.append(.complete(failure)) }
  }
}
