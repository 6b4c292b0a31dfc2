/// Which way a wire-log record went.
public enum WireDirection: String, Sendable, Hashable {
  /// From Preflight to the server.
  case outbound = "out"
  /// From the server to Preflight.
  case inbound = "in"
  /// Something Preflight did or noticed without a frame on the wire.
  case local
}
