/// When a client sends `Mcp-Session-Id` back to the server.
public enum SessionIDEcho: String, Sendable, Hashable {
  /// On every request after initialize.
  case always
  /// On every request except `tools/call` (as observed from ChatGPT).
  case exceptToolsCall = "except-tools-call"
}
