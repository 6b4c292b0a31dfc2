import PreflightJSON

/// One key of the request `_meta` in the overlay: its value, where it comes from, and whether
/// it goes out at all.
public struct RequestMetaRow: Sendable, Hashable {
  /// The key.
  public var key: String
  /// The value sent; for a key that is not sent, the value it would have had (or `null`).
  public var value: JSONValue
  /// The layer that decides the key.
  public var source: RequestMetaSource
  /// Whether the key goes out (false: a `null` removed it).
  public var sent: Bool

  /// Makes a row.
  public init(key: String, value: JSONValue, source: RequestMetaSource, sent: Bool) {
    self.key = key
    self.value = value
    self.source = source
    self.sent = sent
  }

  /// Where it comes from, in words: `profile, per conversation`, `edited here, pinned`,
  /// `not sent (removed here)`.
  public var sourceText: String {
    guard sent else {
      return source == .commandLine
        ? "not sent (null in --request-meta)" : "not sent (removed here)"
    }
    if key == RequestMetaEdits.sessionKey {
      switch source {
      case .profile: return "profile, per conversation"
      case .commandLine: return "--request-meta, pinned"
      case .edited, .added: return "edited here, pinned"
      }
    }
    return source.rawValue
  }
}
