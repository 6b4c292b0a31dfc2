import Dispatch
import Glibc

/// SIGINT, SIGTERM and SIGHUP as events instead of the default exit, so the terminal and
/// child processes are always cleaned up.
enum TerminationSignals {
  /// Watches `numbers` with dispatch sources and returns once they are caught.
  ///
  /// On Linux a dispatch signal source reads the signal from a `signalfd` and installs, a
  /// moment after `resume()`, a handler that forwards the signal there. Ignoring the signal
  /// (the usual advice elsewhere) would make the kernel drop it, so instead this waits (up to
  /// two seconds) until the handlers are in place. ncurses then leaves them alone too, since
  /// it only installs its own over the default action.
  static func watch(
    _ numbers: [Int32] = [SIGINT, SIGTERM, SIGHUP],
    onSignal: @escaping @Sendable (Int32) -> Void
  ) async -> [DispatchSourceSignal] {
    let sources = numbers.map { number in
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler { onSignal(number) }
      source.resume()
      return source
    }
    let clock = ContinuousClock()
    let deadline = clock.now + .seconds(2)
    while clock.now < deadline && !numbers.allSatisfy(hasHandler) {
      try? await Task.sleep(for: .milliseconds(2))
    }
    return sources
  }

  /// Whether `number`'s disposition is a handler (neither the default action nor ignored).
  private static func hasHandler(_ number: Int32) -> Bool {
    var action = sigaction()
    guard sigaction(number, nil, &action) == 0 else { return false }
    let handler = unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self)
    return handler != 0 && handler != 1
  }
}
