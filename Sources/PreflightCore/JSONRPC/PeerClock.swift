/// The time source for request deadlines, injectable so tests can move time by hand.
public protocol PeerClock: Sendable {
  /// Monotonic time since an arbitrary start.
  var now: Duration { get }
  /// Sleeps until `deadline` (in the same timeline as `now`); throws when the task is cancelled.
  func sleep(until deadline: Duration) async throws
}
