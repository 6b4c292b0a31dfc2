/// What the user chose on a confirmation card.
public enum ApprovalChoice: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
  /// Send the call.
  case approve
  /// Send nothing.
  case deny

  /// The choice's name: `approve` or `deny`.
  public var description: String { rawValue }
}
