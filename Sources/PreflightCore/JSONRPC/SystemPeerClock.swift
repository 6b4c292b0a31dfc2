/// The real monotonic clock.
public struct SystemPeerClock: PeerClock {
  private let start = ContinuousClock.now

  /// Makes a clock whose zero is now.
  public init() {}

  /// Time since this clock was made.
  public var now: Duration { ContinuousClock.now - start }

  /// Sleeps until `deadline`.
  public func sleep(until deadline: Duration) async throws {
    try await Task.sleep(until: start + deadline, clock: .continuous)
  }
}
