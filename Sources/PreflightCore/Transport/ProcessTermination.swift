/// How a child process ended, decoded from a `waitpid` status.
struct ProcessTermination: Sendable, Hashable, CustomStringConvertible {
  /// The exit code, when the process exited normally.
  var status: Int32?
  /// The signal that killed it, when one did.
  var signal: Int32?

  /// A termination whose details are unknown (the status could not be collected).
  init() {}

  /// Decodes a raw `waitpid` status (the `WIFEXITED` / `WTERMSIG` macros are not imported).
  init(waitStatus: Int32) {
    let low = waitStatus & 0x7F
    if low == 0 {
      status = (waitStatus >> 8) & 0xFF
    } else if low != 0x7F {
      signal = low
    }
  }

  /// "exited with status 3", "was killed by signal 9".
  var description: String {
    if let signal { return "was killed by signal \(signal)" }
    if let status { return "exited with status \(status)" }
    return "ended"
  }
}
