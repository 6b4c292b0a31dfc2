/// Something a transport observed.
public enum TransportEvent: Sendable {
  /// One inbound frame's bytes, exactly as received (without the framing newline).
  case frame([UInt8])
  /// One line the server wrote to its standard error (stdio), without the newline.
  case stderr(String)
  /// A note from the transport for the wire log (for example "server process started, pid 4242").
  case note(kind: String, text: String)
  /// The channel closed; no events follow.
  case closed(CloseReason)
}
