import ApprovalPolicy
import PreflightJSON
import Testing

private let write = ToolFacts.stub("create_task")
private let read = ToolFacts.stub("list_tasks", readOnly: .declared(true))
private let writeReason = "readOnlyHint is missing, so ChatGPT treats create_task as a write action"

/// Asks, answers, and decides the same call again, in one conversation.
private func askAnswerAndAskAgain(
  _ policy: Policy, _ choice: ApprovalChoice, remember: Bool
) throws -> (outcome: ApprovalOutcome, ledger: RememberLedger, next: Decision) {
  let card = try #require(ApprovalPolicy.decide(write, policy: policy, conversation: "c1").card)
  let (ledger, outcome) = ApprovalPolicy.resolve(
    card, choice: choice, remember: remember, ledger: .empty)
  let next = ApprovalPolicy.decide(write, policy: policy, ledger: ledger, conversation: "c1")
  return (outcome, ledger, next)
}

struct ResolveTests {
  /// cli.md: an approval keeps the decision's reason.
  @Test func `approving once sends the call and remembers nothing`() throws {
    let (outcome, ledger, next) = try askAnswerAndAskAgain(.chatgpt, .approve, remember: false)
    #expect(outcome.kind == .approved)
    #expect(outcome.reason == writeReason)
    #expect(outcome.decidingHint == .readOnly)
    #expect(outcome.sendsCall)
    #expect(!outcome.remembered)
    #expect(outcome.syntheticResult == nil)
    #expect(ledger.isEmpty)
    #expect(next.kind == .ask)
  }

  /// chatgpt-approval.md §4: a denial sends nothing and the model gets a synthetic result.
  @Test func `denying once sends nothing and gives the model a synthetic result`() throws {
    let (outcome, ledger, next) = try askAnswerAndAskAgain(.chatgpt, .deny, remember: false)
    #expect(outcome.kind == .denied)
    #expect(!outcome.sendsCall)
    #expect(outcome.syntheticResult == ApprovalCaptions().deniedResult)
    #expect(ledger.isEmpty)
    #expect(next.kind == .ask)
  }

  /// chatgpt-approval.md §3: chatgpt remembers an approval for the conversation.
  @Test func `chatgpt remembers an approval and later calls run without asking`() throws {
    let (outcome, ledger, next) = try askAnswerAndAskAgain(.chatgpt, .approve, remember: true)
    #expect(outcome.kind == .approved)
    #expect(outcome.remembered)
    #expect(outcome.reason == "\(writeReason); approval remembered for this conversation")
    #expect(ledger.entries.map(\.choice) == [.approve])
    #expect(next.kind == .run)
    #expect(next.outcome?.kind == .rememberedApprove)
    #expect(next.reason.hasPrefix("remembered"))
    #expect(next.outcome?.sendsCall == true)
  }

  /// chatgpt-approval.md §3: chatgpt remembers a denial too; nothing is sent later.
  @Test func `chatgpt remembers a denial and later calls are refused without sending`() throws {
    let (outcome, ledger, next) = try askAnswerAndAskAgain(.chatgpt, .deny, remember: true)
    #expect(outcome.kind == .denied)
    #expect(outcome.reason == "\(writeReason); denial remembered for this conversation")
    #expect(ledger.entries.map(\.choice) == [.deny])
    #expect(next.kind == .refuse)
    #expect(next.outcome?.kind == .rememberedDeny)
    #expect(next.outcome?.sendsCall == false)
    #expect(next.outcome?.syntheticResult == ApprovalCaptions().deniedResult)
    #expect(
      next.reason
        == "remembered: create_task was denied earlier in this conversation; nothing is sent"
    )
  }

  /// chatgpt-approval.md §3 (Codex): approvals are remembered for the session.
  @Test func `codex-auto remembers an approval`() throws {
    let (outcome, _, next) = try askAnswerAndAskAgain(.codexAuto, .approve, remember: true)
    #expect(outcome.remembered)
    #expect(outcome.reason.hasSuffix("; approval remembered for this session"))
    #expect(next.outcome?.kind == .rememberedApprove)
  }

  /// chatgpt-approval.md §3 (Codex): only approvals are remembered; a denial counts once.
  @Test func `codex-auto counts a remembered denial once`() throws {
    let (outcome, ledger, next) = try askAnswerAndAskAgain(.codexAuto, .deny, remember: true)
    #expect(outcome.kind == .denied)
    #expect(!outcome.remembered)
    #expect(
      outcome.reason.hasSuffix(
        "; the codex-auto policy remembers approvals only, so this denial counts once"))
    #expect(ledger.isEmpty)
    #expect(next.kind == .ask)
  }

  /// chatgpt-approval.md §6: always-ask remembers nothing.
  @Test(arguments: ApprovalChoice.allCases)
  func `always-ask counts a remembered choice once`(choice: ApprovalChoice) throws {
    let (outcome, ledger, next) = try askAnswerAndAskAgain(.alwaysAsk, choice, remember: true)
    let what = choice == .approve ? "approval" : "denial"
    #expect(
      outcome.reason.hasSuffix(
        "; the always-ask policy remembers nothing, so this \(what) counts once"))
    #expect(!outcome.remembered)
    #expect(ledger.isEmpty)
    #expect(next.kind == .ask)
  }

  /// chatgpt-approval.md §3 and §6: a policy honours only the choices it can remember.
  @Test(arguments: [
    (
      Policy.chatgpt, ApprovalChoice.approve, Decision.Kind.run,
      ApprovalOutcome.Kind?.some(.rememberedApprove)
    ),
    (.chatgpt, .deny, .refuse, .rememberedDeny),
    (.codexAuto, .approve, .run, .rememberedApprove),
    (.codexAuto, .deny, .ask, nil),
    (.alwaysAsk, .approve, .ask, nil),
    (.alwaysAsk, .deny, .ask, nil),
    (.neverAsk, .deny, .run, .notRequired),
    (.readOnly, .approve, .refuse, .refused),
  ])
  func `a remembered choice applies only under a policy that remembers it`(
    policy: Policy, choice: ApprovalChoice, kind: Decision.Kind,
    outcome: ApprovalOutcome.Kind?
  ) {
    let ledger = RememberLedger().remembering(
      choice, for: RememberKey(conversation: "c1", server: "tasks-demo", tool: "create_task"))
    let decision = ApprovalPolicy.decide(write, policy: policy, ledger: ledger, conversation: "c1")
    #expect(decision.kind == kind)
    #expect(decision.outcome?.kind == outcome)
  }

  /// chatgpt-approval.md §3: choices are per conversation.
  @Test func `a choice remembered in one conversation does not apply in another`() {
    let ledger = RememberLedger().remembering(
      .approve, for: RememberKey(conversation: "c1", server: "tasks-demo", tool: "create_task"))
    #expect(ApprovalPolicy.decide(write, ledger: ledger, conversation: "c2").kind == .ask)
    #expect(ApprovalPolicy.decide(write, ledger: ledger, conversation: "c1").kind == .run)
  }

  /// chatgpt-approval.md §1: a remembered choice replaces only a card.
  @Test func `a remembered denial does not stop a read-only tool`() {
    let ledger = RememberLedger().remembering(
      .deny, for: RememberKey(conversation: "", server: "tasks-demo", tool: "list_tasks"))
    #expect(ApprovalPolicy.decide(read, ledger: ledger).outcome?.kind == .notRequired)
  }

  /// cli.md: a call that needs a decision and gets none is denied.
  @Test func `a card without an answer is denied and nothing is sent`() {
    let decision = ApprovalPolicy.decide(write)
    let (ledger, outcome) = ApprovalPolicy.resolve(decision, answer: nil, ledger: .empty)
    #expect(outcome.kind == .denied)
    #expect(outcome.reason == "\(writeReason); no approval was given, so nothing is sent")
    #expect(outcome.syntheticResult != nil)
    #expect(ledger.isEmpty)
  }

  /// cli.md `--decide`: an answer ahead of time resolves the card.
  @Test(arguments: [
    (ApprovalAnswer.approve, ApprovalOutcome.Kind.approved, false),
    (.deny, .denied, false),
    (.approveRemember, .approved, true),
    (.denyRemember, .denied, true),
  ])
  func `an answer given ahead of time settles the card`(
    answer: ApprovalAnswer, kind: ApprovalOutcome.Kind, remembered: Bool
  ) {
    let decision = ApprovalPolicy.decide(write)
    let (ledger, outcome) = ApprovalPolicy.resolve(decision, answer: answer, ledger: .empty)
    #expect(outcome.kind == kind)
    #expect(outcome.remembered == remembered)
    #expect(ledger.isEmpty == !remembered)
  }

  /// cli.md: on a read-only tool `--approve` and `--deny` are ignored, and the reason says so.
  @Test(arguments: [ApprovalAnswer.approve, .deny, .denyRemember])
  func `an answer to a read-only tool is ignored and the reason says so`(answer: ApprovalAnswer) {
    let decision = ApprovalPolicy.decide(read)
    let (ledger, outcome) = ApprovalPolicy.resolve(decision, answer: answer, ledger: .empty)
    #expect(outcome.kind == .notRequired)
    #expect(outcome.sendsCall)
    #expect(
      outcome.reason
        == "readOnlyHint is true, so ChatGPT runs list_tasks without asking; the \(answer.name) "
        + "answer is ignored because no approval is needed")
    #expect(ledger.isEmpty)
  }

  /// chatgpt-approval.md §6: a refused call is never sent, whatever the answer.
  @Test func `an answer to a refused call is ignored and the reason says so`() {
    let decision = ApprovalPolicy.decide(write, policy: .readOnly)
    let (_, outcome) = ApprovalPolicy.resolve(decision, answer: .approve, ledger: .empty)
    #expect(outcome.kind == .refused)
    #expect(
      outcome.reason.hasSuffix(
        "; the approve answer is ignored because the policy refuses the call"))
  }

  /// chatgpt-approval.md §3: a remembered choice replaces the card.
  @Test func `an answer to a remembered choice is ignored and the reason says so`() {
    let ledger = RememberLedger().remembering(
      .approve, for: RememberKey(conversation: "", server: "tasks-demo", tool: "create_task"))
    let decision = ApprovalPolicy.decide(write, ledger: ledger)
    let (after, outcome) = ApprovalPolicy.resolve(decision, answer: .deny, ledger: ledger)
    #expect(outcome.kind == .rememberedApprove)
    #expect(
      outcome.reason.hasSuffix("; the deny answer is ignored because a remembered choice applies"))
    #expect(after == ledger)
  }

  /// chatgpt-approval.md §1: a read-only tool needs no answer.
  @Test func `a decision that needs no answer is unchanged without one`() {
    let decision = ApprovalPolicy.decide(read)
    let (_, outcome) = ApprovalPolicy.resolve(decision, answer: nil, ledger: .empty)
    #expect(outcome == decision.outcome)
  }
}
