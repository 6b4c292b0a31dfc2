import PreflightJSON

/// Something a transport observed.
public enum TransportEvent: Sendable {
  /// One inbound frame's bytes, exactly as received (without the framing newline).
  case frame([UInt8])
  /// Several inbound frames that arrived together, in order: a stdio transport reads its pipe
  /// in large chunks and hands on every frame a chunk completes as one event, so a flood costs
  /// one event per read rather than one per frame. Each is handled as a ``frame(_:)``.
  case frames([[UInt8]])
  /// One inbound frame that arrived over HTTP, with the `http` object of the wire log (method,
  /// URL, status, the headers that matter, the SSE event id), secrets already redacted.
  case httpFrame([UInt8], http: JSONValue)
  /// An HTTP exchange that carried no inbound frame (a `202`, a `405` on the GET stream, an
  /// error status with its body, a resumed stream): recorded as a `local` record of kind `http`.
  case http(JSONValue, text: String)
  /// One line the server wrote to its standard error (stdio), without the newline.
  case stderr(String)
  /// A note from the transport for the wire log (for example "server process started, pid 4242").
  case note(kind: String, text: String)
  /// The channel closed; no events follow.
  case closed(CloseReason)
}
