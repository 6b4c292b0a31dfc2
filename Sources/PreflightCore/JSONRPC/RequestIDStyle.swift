/// How a peer numbers the requests it sends.
public enum RequestIDStyle: Sendable, Hashable {
  /// Integers counting up from `start`.
  case numeric(start: Int)
  /// Strings: the prefix followed by a counter from 1 (e.g. `openai-mcp-1`).
  case string(prefix: String)
}
