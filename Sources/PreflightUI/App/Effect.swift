/// Something to do outside `update`; its result comes back as a ``Msg``.
public enum Effect: Sendable, Hashable {
  /// Start the server (or open the connection) and initialize.
  case connect
  /// List the tools again (all pages).
  case refreshTools
  /// Stop the server and start it again (or reconnect), then list the tools.
  case restart
  /// Close the connection and leave.
  case quit
}
