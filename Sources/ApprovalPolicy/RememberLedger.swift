/// The choices a user asked to remember, keyed by conversation × server × tool.
///
/// The ledger itself stores any choice; which choices a policy lets the user remember, and
/// which remembered choices it honours, is `Policy.remembers(_:)`. Starting a new conversation
/// or reloading the page clears it (chatgpt-approval.md §3); reconnecting the transport does not.
public struct RememberLedger: Sendable, Hashable {
  /// One remembered choice.
  public struct Entry: Sendable, Hashable {
    /// Conversation, server and tool.
    public var key: RememberKey
    /// Approve or deny.
    public var choice: ApprovalChoice

    /// Makes an entry.
    public init(key: RememberKey, choice: ApprovalChoice) {
      self.key = key
      self.choice = choice
    }
  }

  /// The remembered choices, oldest first; at most one per key.
  public private(set) var entries: [Entry]

  /// Makes an empty ledger.
  public init() {
    entries = []
  }

  /// A ledger with nothing remembered.
  public static let empty = RememberLedger()

  /// Whether nothing is remembered.
  public var isEmpty: Bool { entries.isEmpty }

  /// The remembered choice for a key, if any.
  public func choice(for key: RememberKey) -> ApprovalChoice? {
    entries.first { $0.key == key }?.choice
  }

  /// The entries of one conversation, oldest first.
  public func entries(in conversation: String) -> [Entry] {
    entries.filter { $0.key.conversation == conversation }
  }

  /// Remembers a choice, replacing any earlier choice for the same key in its place.
  public mutating func remember(_ choice: ApprovalChoice, for key: RememberKey) {
    if let index = entries.firstIndex(where: { $0.key == key }) {
      entries[index].choice = choice
    } else {
      entries.append(Entry(key: key, choice: choice))
    }
  }

  /// A copy with a choice remembered.
  public func remembering(_ choice: ApprovalChoice, for key: RememberKey) -> RememberLedger {
    var copy = self
    copy.remember(choice, for: key)
    return copy
  }

  /// Forgets the choice for one key; does nothing if none is remembered.
  public mutating func forget(_ key: RememberKey) {
    entries.removeAll { $0.key == key }
  }

  /// Forgets everything: a new conversation, or a reload of the current one.
  public mutating func clear() {
    entries.removeAll()
  }

  /// Forgets the choices of one conversation and keeps the others.
  public mutating func clear(conversation: String) {
    entries.removeAll { $0.key.conversation == conversation }
  }
}
