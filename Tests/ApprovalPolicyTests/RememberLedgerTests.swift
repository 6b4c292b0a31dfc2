import ApprovalPolicy
import Testing

private let key = RememberKey(conversation: "c1", server: "tasks-demo", tool: "create_task")

struct RememberLedgerTests {
  /// chatgpt-approval.md §3: the key is conversation × server × tool.
  @Test(arguments: [
    RememberKey(conversation: "c2", server: "tasks-demo", tool: "create_task"),
    RememberKey(conversation: "c1", server: "other-server", tool: "create_task"),
    RememberKey(conversation: "c1", server: "tasks-demo", tool: "delete_task"),
  ])
  func `a choice applies only to its own conversation, server and tool`(other: RememberKey) {
    let ledger = RememberLedger.empty.remembering(.approve, for: key)
    #expect(ledger.choice(for: key) == .approve)
    #expect(ledger.choice(for: other) == nil)
  }

  /// chatgpt-approval.md §3: one choice per conversation × server × tool.
  @Test func `remembering again replaces the choice in place`() {
    var ledger = RememberLedger()
    let other = RememberKey(conversation: "c1", server: "tasks-demo", tool: "delete_task")
    ledger.remember(.approve, for: key)
    ledger.remember(.deny, for: other)
    ledger.remember(.deny, for: key)
    #expect(ledger.entries.map(\.key) == [key, other])
    #expect(ledger.choice(for: key) == .deny)
  }

  /// chatgpt-approval.md §3: the visible ledger lets the user forget one choice.
  @Test func `forgetting one entry keeps the others`() {
    let other = RememberKey(conversation: "c1", server: "tasks-demo", tool: "delete_task")
    var ledger = RememberLedger().remembering(.approve, for: key).remembering(.deny, for: other)
    ledger.forget(key)
    #expect(ledger.choice(for: key) == nil)
    #expect(ledger.choice(for: other) == .deny)
    ledger.forget(key)
    #expect(ledger.entries.count == 1)
  }

  /// chatgpt-approval.md §3: a new conversation or a reload clears remembered choices.
  @Test func `clearing forgets every choice`() {
    var ledger = RememberLedger().remembering(.approve, for: key)
    ledger.clear()
    #expect(ledger.isEmpty)
    #expect(ledger == .empty)
  }

  /// chatgpt-approval.md §3: remembered choices belong to their conversation.
  @Test func `clearing one conversation keeps the others`() {
    let elsewhere = RememberKey(conversation: "c2", server: "tasks-demo", tool: "create_task")
    var ledger = RememberLedger().remembering(.approve, for: key).remembering(.deny, for: elsewhere)
    ledger.clear(conversation: "c1")
    #expect(ledger.entries(in: "c1").isEmpty)
    #expect(ledger.entries(in: "c2").map(\.choice) == [.deny])
  }

  /// architecture.md §6: the policy is pure; resolving returns a new ledger.
  @Test func `remembering returns a copy and leaves the original alone`() {
    let original = RememberLedger()
    let copy = original.remembering(.deny, for: key)
    #expect(original.isEmpty)
    #expect(copy.entries == [RememberLedger.Entry(key: key, choice: .deny)])
  }
}
