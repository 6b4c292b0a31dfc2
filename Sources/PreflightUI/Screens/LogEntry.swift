/// One line of the log pane: a notification or a stderr line.
public struct LogEntry: Sendable, Hashable {
  /// What it is, as a word shown beside it: a log level, `progress`, `changed`, `stderr`, `exit`,
  /// `insecure` (TLS certificates not verified).
  public var tag: String
  /// The wire-log seq it came from.
  public var seq: Int
  /// `HH:MM:SS.mmm` (UTC).
  public var time: String
  /// The text.
  public var text: String
  /// For progress: the fraction done, when the total is known.
  public var fraction: Double?
}
