import HostFlow

/// A scenario file walked through the TUI's host flow one call at a time (`--scenario FILE`).
public struct ScenarioWalk: Sendable, Hashable {
  /// The file, as given.
  public var file: String
  /// Its calls, in order.
  public var calls: [ModelCall]
  /// The index of the next call to propose.
  public var next = 0

  /// Makes a walk at its first call.
  public init(file: String, calls: [ModelCall]) {
    self.file = file
    self.calls = calls
  }

  /// Whether every call has been proposed.
  public var finished: Bool { next >= calls.count }

  /// `2/5`: the step just proposed and the total.
  public var position: String { "\(next)/\(calls.count)" }
}
