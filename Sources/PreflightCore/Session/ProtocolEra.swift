/// Which family of MCP revisions a session speaks.
public enum ProtocolEra: String, Sendable, Hashable {
  /// 2025-11-25 and earlier: `initialize`, then requests within a session.
  case legacy
  /// 2026-07-28 and later: stateless, `server/discover`, version and capabilities in every
  /// request's `_meta`. Recognised, not spoken yet.
  case modern

  /// The modern protocol versions this build recognises.
  public static let modernVersions = ["2026-07-28"]

  /// The era of a protocol version this build recognises; nil for a version it does not know.
  public static func of(version: String) -> ProtocolEra? {
    if modernVersions.contains(version) { return .modern }
    if ClientProfile.supportedProtocolVersions.contains(version) { return .legacy }
    return nil
  }
}
