/// A scenario file that cannot be read as a list of calls.
public struct ScenarioError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What is wrong, naming the entry.
  public var message: String

  /// Makes an error.
  public init(_ message: String) {
    self.message = message
  }

  /// The message.
  public var description: String { message }
}
