import ServerCheck

/// The connector check in the TUI: `C` opens the overlay and runs the check on the connected
/// session; its report comes back as a message.
enum CheckFlow {
  /// Opens the overlay and starts a check, unless one is running or there is no connection.
  static func open(_ state: inout AppState) -> [Effect] {
    state.mode = .check
    state.check.scroll = 0
    guard state.connection == .ready else {
      state.check.error = "not connected — press R to restart, then C"
      return []
    }
    guard !state.check.running else { return [] }
    state.check.running = true
    state.check.error = nil
    return [.runCheck]
  }

  /// Keeps the report.
  static func finished(_ report: CheckReport, _ state: inout AppState) {
    state.check.running = false
    state.check.report = report
    state.check.error = nil
    state.notice =
      "connector check: \(report.count(.error)) errors, \(report.count(.warning)) warnings"
  }

  /// Keeps why the check could not run.
  static func failed(_ why: String, _ state: inout AppState) {
    state.check.running = false
    state.check.error = why
    state.check.scroll = 0
  }
}
