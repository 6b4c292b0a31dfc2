import PreflightJSON

/// Something the peer received or noticed that no pending request consumed.
public enum PeerEvent: Sendable {
  /// A notification from the other side, with its wire-log seq.
  case notification(method: String, params: JSONValue?, seq: Int)
  /// A request from the other side (already answered by a handler or with -32601).
  case request(id: RequestID, method: String, params: JSONValue?, seq: Int)
  /// A response whose request had already timed out or been cancelled.
  case lateResponse(id: RequestID, seq: Int)
  /// A response whose id matches no request we sent.
  case unknownResponse(id: RequestID?, seq: Int)
  /// A frame that is not JSON or not JSON-RPC.
  case invalidFrame(reason: String, seq: Int)
  /// A line of the server's standard error.
  case stderr(String, seq: Int)
  /// The transport closed.
  case closed(CloseReason)
}
