import ServerCheck

/// The connector check overlay: the last report, or that a check is running or failed.
public struct CheckPane: Sendable {
  /// The last report.
  public var report: CheckReport?
  /// Whether a check is running.
  public var running = false
  /// Why the last check could not run.
  public var error: String?
  /// The overlay's scroll.
  public var scroll = 0

  /// An empty pane.
  public init() {}
}
