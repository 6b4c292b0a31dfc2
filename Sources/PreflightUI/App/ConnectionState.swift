/// Where the connection to the server stands, as the header shows it.
public enum ConnectionState: Sendable, Hashable {
  /// Starting the server or opening the connection, through initialize.
  case connecting
  /// Initialized and usable.
  case ready
  /// Restarting the server or reconnecting.
  case reconnecting
  /// Could not connect, with why.
  case failed(String)
  /// The server went away after it was ready, with why (exit status, last stderr lines).
  case disconnected(String)

  /// A short word for the header.
  public var word: String {
    switch self {
    case .connecting: "connecting"
    case .ready: "ready"
    case .reconnecting: "reconnecting"
    case .failed: "failed"
    case .disconnected: "disconnected"
    }
  }

  /// The reason, for failed and disconnected states.
  public var reason: String? {
    switch self {
    case .failed(let why), .disconnected(let why): why
    default: nil
    }
  }
}
