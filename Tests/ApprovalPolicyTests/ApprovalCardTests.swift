import ApprovalPolicy
import PreflightJSON
import Testing

struct ApprovalCardTests {
  private func card(
    _ facts: ToolFacts, policy: Policy = .chatgpt,
    captions: ApprovalCaptions = ApprovalCaptions(),
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> ApprovalCard {
    try #require(
      ApprovalPolicy.decide(
        facts, policy: policy, conversation: "c1", captions: captions
      ).card, sourceLocation: sourceLocation)
  }

  /// chatgpt-approval.md §2: the card for an un-annotated write.
  @Test func `a write with missing hints shows defaults and hints missing`() throws {
    let card = try card(.stub(displayName: "Create task"))
    #expect(card.title == "Write actions come with risks")
    #expect(card.headline == "tasks-demo wants to use Create task (create_task)")
    #expect(card.server == "tasks-demo")
    #expect(card.toolName == "create_task")
    #expect(card.displayName == "Create task")
    #expect(card.isWriteAction)
    #expect(card.actionLabel == "Write action")
    #expect(
      card.badges.map(\.text) == [
        "destructive (by default)", "open world (by default)", "hints missing",
      ])
    #expect(card.badges.map(\.kind) == [.destructive, .openWorld, .hintsMissing])
    #expect(card.badges.map(\.byDefault) == [true, true, false])
    #expect(card.missingHints == [.readOnly, .destructive, .openWorld])
    #expect(card.framing.isEmpty)
    #expect(card.key == RememberKey(conversation: "c1", server: "tasks-demo", tool: "create_task"))
    #expect(card.approveCaption == "Approve")
    #expect(card.denyCaption == "Deny")
    #expect(card.approximationNote == "The wording approximates ChatGPT's; the rule is documented.")
  }

  /// chatgpt-approval.md §5: destructive → explicit approval framing; idempotent badge.
  @Test func `a declared destructive tool is framed as needing explicit approval`() throws {
    let card = try card(
      .stub(
        "delete_task", readOnly: .declared(false), destructive: .declared(true),
        idempotent: .declared(true), openWorld: .declared(false)))
    #expect(card.badges.map(\.text) == ["destructive", "idempotent"])
    #expect(card.framing == [ApprovalCaptions().destructiveFraming])
    #expect(card.missingHints.isEmpty)
    #expect(card.headline == "tasks-demo wants to use delete_task")
  }

  /// chatgpt-approval.md §5: open-world → a line on what leaves the user's account.
  @Test func `a declared open-world tool gets a line about what leaves the account`() throws {
    let card = try card(
      .stub(
        "sync_calendar", readOnly: .declared(false), destructive: .declared(false),
        openWorld: .declared(true)))
    #expect(card.badges.map(\.text) == ["open world"])
    #expect(card.framing == [ApprovalCaptions().openWorldFraming])
    #expect(card.framing[0].contains("outside your account"))
  }

  /// chatgpt-approval.md §5: both framing lines, destructive first.
  @Test func `a destructive open-world tool gets both framing lines`() throws {
    let card = try card(
      .stub(readOnly: .declared(false), destructive: .declared(true), openWorld: .declared(true)))
    let captions = ApprovalCaptions()
    #expect(card.framing == [captions.destructiveFraming, captions.openWorldFraming])
  }

  /// MCP schema: the destructive default applies only when the tool is not read-only.
  @Test func `always-ask on a read-only tool shows a read card without the destructive default`()
    throws
  {
    let card = try card(
      .stub("list_tasks", readOnly: .declared(true), openWorld: .declared(false)),
      policy: .alwaysAsk)
    #expect(card.title == "Confirm tool call")
    #expect(!card.isWriteAction)
    #expect(card.actionLabel == "Read action")
    #expect(card.badges.map(\.kind) == [.hintsMissing])
    #expect(card.missingHints == [.destructive])
    #expect(card.rememberCaption == nil)
    #expect(!card.allowsRemembering)
  }

  /// chatgpt-approval.md §2: invalid hints count as missing on the card.
  @Test func `a hint that is not a boolean shows the default and hints missing`() throws {
    let card = try card(
      .stub(
        readOnly: .declared(false), destructive: .invalid("true"), openWorld: .declared(false)))
    #expect(card.badges.map(\.text) == ["destructive (by default)", "hints missing"])
    #expect(card.framing.isEmpty)
  }

  /// chatgpt-approval.md §3 and §6: what the remember checkbox offers under each policy.
  @Test(arguments: [
    (Policy.chatgpt, "Remember for this conversation" as String?, true, true),
    (.codexAuto, "Allow for this session", true, false),
    (.alwaysAsk, nil, false, false),
  ])
  func `the remember checkbox follows the policy`(
    policy: Policy, caption: String?, approve: Bool, deny: Bool
  ) throws {
    let card = try card(.stub(), policy: policy)
    #expect(card.rememberCaption == caption)
    #expect(card.canRememberApprove == approve)
    #expect(card.canRememberDeny == deny)
    #expect(card.policy == policy)
  }

  /// chatgpt-approval.md §2: Codex's documented header under codex-auto.
  @Test func `codex-auto cards use Codex's header`() throws {
    #expect(try card(.stub(), policy: .codexAuto).title == "Approve app tool call?")
  }

  /// chatgpt-approval.md §2: the card names the tool by its display name.
  @Test func `a display name from the raw JSON reaches the card`() throws {
    let facts = ToolFacts(
      tool: ["name": "create_task", "annotations": ["title": "New task"]], server: "tasks-demo")
    #expect(try card(facts).headline == "tasks-demo wants to use New task (create_task)")
  }

  /// chatgpt-approval.md §2: every caption is configurable.
  @Test func `replaced captions reach the card`() throws {
    var captions = ApprovalCaptions()
    captions.writeRiskTitle = "Careful"
    captions.byDefaultSuffix = "(default)"
    captions.approveButton = "Allow"
    let card = try card(.stub(), captions: captions)
    #expect(card.title == "Careful")
    #expect(card.badges.first?.text == "destructive (default)")
    #expect(card.approveCaption == "Allow")
  }

  /// chatgpt-approval.md §2: captions ChatGPT has not published are marked as approximations.
  @Test(arguments: [
    (\ApprovalCaptions.writeRiskTitle, true),
    (\ApprovalCaptions.rememberForConversation, true),
    (\ApprovalCaptions.approveButton, true),
    (\ApprovalCaptions.denyButton, true),
    (\ApprovalCaptions.destructiveFraming, true),
    (\ApprovalCaptions.openWorldFraming, true),
    (\ApprovalCaptions.deniedResultText, true),
    (\ApprovalCaptions.codexTitle, false),
    (\ApprovalCaptions.rememberForSession, false),
    (\ApprovalCaptions.readTitle, false),
  ])
  func `captions that stand for ChatGPT's wording are marked as approximations`(
    caption: KeyPath<ApprovalCaptions, String> & Sendable, approximate: Bool
  ) {
    #expect(ApprovalCaptions.isApproximation(caption) == approximate)
  }

  /// chatgpt-approval.md §4: the synthetic result uses Codex's wording.
  @Test func `the synthetic denial result is Codex's wording`() {
    let captions = ApprovalCaptions()
    #expect(
      JSONPrinter.compact(captions.deniedResult)
        == #"{"isError":true,"content":[{"type":"text","text":"user rejected MCP tool call"}]}"#)
    #expect(captions.deniedResultNote == "Codex wording; ChatGPT's is not published")
  }
}
