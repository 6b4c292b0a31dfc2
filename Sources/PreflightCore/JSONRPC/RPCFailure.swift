/// Why an outgoing request produced no result.
public enum RPCFailure: Error, Sendable, Hashable, CustomStringConvertible {
  /// The server answered with a JSON-RPC error.
  case error(JSONRPCErrorObject)
  /// No answer in time; `notifications/cancelled` was sent.
  case timedOut(after: Duration)
  /// Cancelled by the caller; `notifications/cancelled` was sent.
  case cancelled
  /// The transport closed before the answer.
  case closed(CloseReason)
  /// The request could not be sent.
  case transport(TransportError)

  /// A sentence for people.
  public var description: String {
    switch self {
    case .error(let e): "the server answered with an error: \(e)"
    case .timedOut(let d): "no answer within \(RPCFailure.format(d)); the request was cancelled"
    case .cancelled: "cancelled"
    case .closed(let reason): "the connection closed before the answer: \(reason)"
    case .transport(let e): e.message
    }
  }

  /// Formats a duration as `60 s` or `250 ms`.
  public static func format(_ d: Duration) -> String {
    let ms = d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000
    if ms % 1000 == 0 { return "\(ms / 1000) s" }
    if ms >= 1000 { return "\(Double(ms) / 1000) s" }
    return "\(ms) ms"
  }
}
