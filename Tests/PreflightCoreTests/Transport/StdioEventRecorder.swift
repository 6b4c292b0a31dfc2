import Synchronization

@testable import PreflightCore

/// Consumes a transport's event stream in the background and lets a test wait, with a deadline,
/// until the events seen so far satisfy a condition.
final class StdioEventRecorder: Sendable {
  private struct Waiter {
    let condition: @Sendable ([TransportEvent], Bool) -> Bool
    let continuation: CheckedContinuation<Bool, Never>
  }

  private struct State {
    var events: [TransportEvent] = []
    var finished = false
    var waiters: [Int: Waiter] = [:]
    var nextWaiter = 0
  }

  private let state = Mutex(State())

  /// Starts consuming `stream`.
  init(_ stream: AsyncStream<TransportEvent>) {
    Task.detached {
      for await event in stream {
        self.update { $0.events.append(event) }
      }
      self.update { $0.finished = true }
    }
  }

  /// Every event so far, in order.
  var events: [TransportEvent] { state.withLock { $0.events } }
  /// Whether the stream has finished.
  var finished: Bool { state.withLock { $0.finished } }

  /// The frames so far.
  var frames: [[UInt8]] {
    events.flatMap { event -> [[UInt8]] in
      switch event {
      case .frame(let bytes): [bytes]
      case .frames(let list): list
      default: []
      }
    }
  }
  /// The frames so far, as text.
  var frameTexts: [String] { frames.map { String(decoding: $0, as: UTF8.self) } }
  /// The stderr lines so far.
  var stderrLines: [String] {
    events.compactMap { if case .stderr(let line) = $0 { line } else { nil } }
  }
  /// The notes' texts so far.
  var notes: [String] {
    events.compactMap { if case .note(_, let text) = $0 { text } else { nil } }
  }
  /// Every close reason seen (exactly one once the stream has finished).
  var closeReasons: [CloseReason] {
    events.compactMap { if case .closed(let reason) = $0 { reason } else { nil } }
  }

  /// Waits until `condition(events, finished)` holds; false if `timeout` passes first or the
  /// stream finishes without it holding.
  func wait(
    timeout: Duration = .seconds(15),
    until condition: @escaping @Sendable ([TransportEvent], Bool) -> Bool
  ) async -> Bool {
    await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
      let outcome = state.withLock { state -> (Bool?, Int) in
        if condition(state.events, state.finished) { return (true, 0) }
        if state.finished { return (false, 0) }
        let id = state.nextWaiter
        state.nextWaiter += 1
        state.waiters[id] = Waiter(condition: condition, continuation: continuation)
        return (nil, id)
      }
      if let result = outcome.0 {
        continuation.resume(returning: result)
        return
      }
      Task.detached {
        try? await Task.sleep(for: timeout)
        let waiter = self.state.withLock { $0.waiters.removeValue(forKey: outcome.1) }
        waiter?.continuation.resume(returning: false)
      }
    }
  }

  /// Waits until at least `count` frames have arrived.
  func waitForFrames(_ count: Int, timeout: Duration = .seconds(15)) async -> Bool {
    await wait(timeout: timeout) { events, _ in
      events.reduce(0) { total, event in
        switch event {
        case .frame: total + 1
        case .frames(let list): total + list.count
        default: total
        }
      } >= count
    }
  }

  /// Waits until a stderr line equal to `line` has arrived.
  func waitForStderr(_ line: String, timeout: Duration = .seconds(15)) async -> Bool {
    await wait(timeout: timeout) { events, _ in
      events.contains { if case .stderr(let seen) = $0 { seen == line } else { false } }
    }
  }

  /// Waits until the stream has finished and returns its close reason (nil on timeout).
  func waitForClose(timeout: Duration = .seconds(15)) async -> CloseReason? {
    guard await wait(timeout: timeout, until: { _, finished in finished }) else { return nil }
    return closeReasons.last
  }

  private func update(_ change: (inout State) -> Void) {
    let ready = state.withLock { state -> [(CheckedContinuation<Bool, Never>, Bool)] in
      change(&state)
      var ready: [(CheckedContinuation<Bool, Never>, Bool)] = []
      for (id, waiter) in state.waiters {
        let holds = waiter.condition(state.events, state.finished)
        if holds || state.finished {
          state.waiters[id] = nil
          ready.append((waiter.continuation, holds))
        }
      }
      return ready
    }
    for (continuation, holds) in ready {
      continuation.resume(returning: holds)
    }
  }
}
