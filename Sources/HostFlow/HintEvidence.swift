import PreflightCore
import PreflightJSON

/// One wire-log record that shows a read-only tool changing state: a notification that followed
/// its call, or an answer that differs from the one before the call.
public struct HintEvidence: Sendable, Hashable {
  /// The record's `seq` in the wire log.
  public var seq: Int
  /// When it was recorded, in milliseconds since 1970 (UTC).
  public var timeMillis: Int64
  /// What it shows, in words (method, URI, during or after the call).
  public var what: String

  /// Makes evidence.
  public init(seq: Int, timeMillis: Int64, what: String) {
    self.seq = seq
    self.timeMillis = timeMillis
    self.what = what
  }

  /// `{"seq": 14, "time": "2026-11-26T12:01:09.883Z", "what": "…"}`.
  public var json: JSONValue {
    [
      "seq": .int(seq), "time": .string(WireRecord.formatTime(timeMillis)),
      "what": .string(what),
    ]
  }
}
