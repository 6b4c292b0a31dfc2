/// An answer given ahead of time, as `--approve`, `--deny` or `--decide D` give it.
public struct ApprovalAnswer: Sendable, Hashable, CustomStringConvertible {
  /// Approve or deny.
  public var choice: ApprovalChoice
  /// Whether the user ticked "remember for this conversation".
  public var remember: Bool

  /// Makes an answer.
  public init(_ choice: ApprovalChoice, remember: Bool = false) {
    self.choice = choice
    self.remember = remember
  }

  /// Approve once.
  public static let approve = ApprovalAnswer(.approve)
  /// Deny once.
  public static let deny = ApprovalAnswer(.deny)
  /// Approve and remember.
  public static let approveRemember = ApprovalAnswer(.approve, remember: true)
  /// Deny and remember.
  public static let denyRemember = ApprovalAnswer(.deny, remember: true)

  /// Every answer, in the order `--decide` documents them.
  public static let all: [ApprovalAnswer] = [.approve, .deny, .approveRemember, .denyRemember]

  /// Parses a `--decide` name: `approve`, `deny`, `approve-remember` or `deny-remember`.
  public init?(name: String) {
    guard let answer = Self.all.first(where: { $0.name == name }) else { return nil }
    self = answer
  }

  /// The `--decide` name, e.g. `deny-remember`.
  public var name: String { remember ? "\(choice.rawValue)-remember" : choice.rawValue }

  /// The `--decide` name.
  public var description: String { name }
}
