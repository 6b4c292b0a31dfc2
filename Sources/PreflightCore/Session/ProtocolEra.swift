/// Which family of MCP revisions a session speaks.
public enum ProtocolEra: String, Sendable, Hashable {
  /// 2025-11-25 and earlier: `initialize`, then requests within a session.
  case legacy
  /// 2026-07-28 and later: stateless, `server/discover`, version and capabilities in every
  /// request's `_meta`. Recognised, not spoken yet.
  case modern

  /// The era a protocol version belongs to.
  public static func of(version: String) -> ProtocolEra {
    version >= "2026-01-01" ? .modern : .legacy
  }
}
