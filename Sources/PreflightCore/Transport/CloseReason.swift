/// Why a transport's channel closed.
public enum CloseReason: Sendable, Hashable, CustomStringConvertible {
  /// We closed it (shutdown).
  case local
  /// The server process exited; `status` is its exit code, `signal` the signal that ended it.
  case processExited(status: Int32?, signal: Int32?, lastStderr: [String])
  /// The peer closed the connection or stream (end of file).
  case endOfStream
  /// An I/O or protocol failure, in words.
  case failure(String)

  /// A sentence for people.
  public var description: String {
    switch self {
    case .local:
      return "closed by Preflight"
    case .processExited(let status, let signal, let lastStderr):
      var text: String
      if let signal {
        text = "server process was killed by signal \(signal)"
      } else if let status {
        text = "server process exited with status \(status)"
      } else {
        text = "server process exited"
      }
      if !lastStderr.isEmpty {
        text += "; last stderr lines:\n  " + lastStderr.joined(separator: "\n  ")
      }
      return text
    case .endOfStream:
      return "the server closed the connection"
    case .failure(let why):
      return why
    }
  }
}
