/// Which HTTP transport to use for a URL (`--transport`).
public enum HTTPTransportMode: String, Sendable, Hashable, CaseIterable {
  /// Streamable HTTP first, legacy HTTP+SSE when the server answers `400`, `404` or `405`.
  case auto
  /// Streamable HTTP only (MCP 2025-03-26 and later).
  case http
  /// Legacy HTTP+SSE only (MCP 2024-11-05).
  case sse
}
