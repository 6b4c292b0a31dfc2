import ApprovalPolicy
import PreflightJSON
import Testing

private let readTool = ToolFacts.stub("list_tasks", readOnly: .declared(true))
private let writeTool = ToolFacts.stub("create_task")
private let deleteTool = ToolFacts.stub(
  "delete_task", readOnly: .declared(false), destructive: .declared(true),
  openWorld: .declared(false))
private let bareTool = ToolFacts.stub(hasAnnotationsObject: false)

struct DecisionTableTests {
  static let chatgptRows: [DecisionRow] = [
    DecisionRow(
      "§1 readOnlyHint true runs without confirmation", .chatgpt, readTool, .run,
      hint: .readOnly, reason: "readOnlyHint is true, so ChatGPT runs list_tasks without asking"),
    DecisionRow(
      "§1 readOnlyHint false is a write", .chatgpt,
      .stub(readOnly: .declared(false)), .ask, hint: .readOnly,
      reason: "readOnlyHint is false, so ChatGPT treats create_task as a write action"),
    DecisionRow(
      "§1 readOnlyHint absent is a write", .chatgpt, writeTool, .ask, hint: .readOnly,
      reason: "readOnlyHint is missing, so ChatGPT treats create_task as a write action"),
    DecisionRow(
      "§1 readOnlyHint null is a write", .chatgpt, .stub(readOnly: .null), .ask,
      hint: .readOnly,
      reason: "readOnlyHint is null, so ChatGPT treats create_task as a write action"),
    DecisionRow(
      "§1 readOnlyHint \"true\" (a string) is a write", .chatgpt,
      .stub(readOnly: .invalid("true")), .ask, hint: .readOnly,
      reason: #"readOnlyHint is "true" (a string, not a boolean), so ChatGPT treats"#),
    DecisionRow(
      "§1 readOnlyHint 1 (a number) is a write", .chatgpt,
      .stub(readOnly: .invalid(.number("1"))), .ask, hint: .readOnly,
      reason: "readOnlyHint is 1 (a number, not a boolean), so ChatGPT treats"),
    DecisionRow(
      "§1 no annotations object is a write", .chatgpt, bareTool, .ask, hint: .readOnly,
      reason:
        "readOnlyHint is missing (no annotations object), so ChatGPT treats create_task as a "
        + "write action"),
    DecisionRow(
      "§5 a non-destructive closed-world write still asks", .chatgpt,
      .stub(
        readOnly: .declared(false), destructive: .declared(false),
        openWorld: .declared(false)), .ask, hint: .readOnly,
      reason: "readOnlyHint is false, so ChatGPT treats"),
    DecisionRow(
      "§1 destructiveHint does not change a read-only decision", .chatgpt,
      .stub("list_tasks", readOnly: .declared(true), destructive: .declared(true)), .run,
      hint: .readOnly, reason: "readOnlyHint is true"),
    DecisionRow(
      "§5 openWorldHint does not change a read-only decision", .chatgpt,
      .stub("search", readOnly: .declared(true), openWorld: .declared(true)), .run,
      hint: .readOnly, reason: "readOnlyHint is true"),
  ]

  static let codexRows: [DecisionRow] = [
    DecisionRow(
      "§6 Codex: destructiveHint true asks", .codexAuto, deleteTool, .ask, hint: .destructive,
      reason: "destructiveHint is true, so Codex asks"),
    DecisionRow(
      "§6 Codex: destructiveHint true asks even when read-only", .codexAuto,
      .stub(readOnly: .declared(true), destructive: .declared(true)), .ask,
      hint: .destructive, reason: "destructiveHint is true, so Codex asks"),
    DecisionRow(
      "§6 Codex: readOnlyHint true runs", .codexAuto, readTool, .run, hint: .readOnly,
      reason: "readOnlyHint is true, so Codex runs list_tasks without asking"),
    DecisionRow(
      "§6 Codex: non-destructive closed-world write runs", .codexAuto,
      .stub(
        readOnly: .declared(false), destructive: .declared(false),
        openWorld: .declared(false)), .run, hint: .destructive,
      reason: "destructiveHint and openWorldHint are false, so Codex runs create_task"),
    DecisionRow(
      "§6 Codex: readOnlyHint missing does not matter when both others are false", .codexAuto,
      .stub(destructive: .declared(false), openWorld: .declared(false)), .run,
      hint: .destructive, reason: "destructiveHint and openWorldHint are false"),
    DecisionRow(
      "§6 Codex: destructiveHint missing counts as true", .codexAuto,
      .stub(readOnly: .declared(false), openWorld: .declared(false)), .ask, hint: .destructive,
      reason:
        "destructiveHint is missing, so Codex asks before running create_task (Codex counts a "
        + "missing hint as true)"),
    DecisionRow(
      "§6 Codex: openWorldHint true asks", .codexAuto,
      .stub("sync_calendar", destructive: .declared(false), openWorld: .declared(true)), .ask,
      hint: .openWorld, reason: "openWorldHint is true, so Codex asks"),
    DecisionRow(
      "§6 Codex: openWorldHint null counts as true", .codexAuto,
      .stub(destructive: .declared(false), openWorld: .null), .ask, hint: .openWorld,
      reason: "openWorldHint is null, so Codex asks"),
    DecisionRow(
      "§6 Codex: both null name both hints", .codexAuto,
      .stub(destructive: .null, openWorld: .null), .ask, hint: .destructive,
      reason: "destructiveHint and openWorldHint are null, so Codex asks"),
    DecisionRow(
      "§6 Codex: destructiveHint \"true\" (a string) is not true, but counts as missing",
      .codexAuto, .stub(destructive: .invalid("true"), openWorld: .declared(false)), .ask,
      hint: .destructive, reason: #"destructiveHint is "true" (a string, not a boolean)"#),
    DecisionRow(
      "§6 Codex: openWorldHint \"false\" (a string) counts as missing", .codexAuto,
      .stub(destructive: .declared(false), openWorld: .invalid("false")), .ask,
      hint: .openWorld, reason: #"openWorldHint is "false" (a string, not a boolean)"#),
    DecisionRow(
      "§6 Codex: readOnlyHint \"true\" (a string) is not read-only", .codexAuto,
      .stub(readOnly: .invalid("true")), .ask, hint: .destructive,
      reason: "destructiveHint and openWorldHint are missing, so Codex asks"),
    DecisionRow(
      "§6 Codex (apps): no annotations object fails closed", .codexAuto, bareTool, .ask,
      hint: .destructive,
      reason: "destructiveHint and openWorldHint are missing (no annotations object), so Codex"),
  ]

  static let otherRows: [DecisionRow] = [
    DecisionRow(
      "§6 read-only policy runs a read-only tool", .readOnly, readTool, .run, hint: .readOnly,
      reason: "readOnlyHint is true, so the read-only policy runs list_tasks"),
    DecisionRow(
      "§6 read-only policy refuses readOnlyHint false", .readOnly,
      .stub(readOnly: .declared(false)), .refuse, hint: .readOnly,
      reason:
        "readOnlyHint is false and the read-only policy refuses write actions; nothing is sent"),
    DecisionRow(
      "§6 read-only policy refuses readOnlyHint absent", .readOnly, writeTool, .refuse,
      hint: .readOnly, reason: "the read-only policy refuses write actions; nothing is sent"),
    DecisionRow(
      "§6 read-only policy refuses readOnlyHint null", .readOnly, .stub(readOnly: .null),
      .refuse, hint: .readOnly, reason: "readOnlyHint is null"),
    DecisionRow(
      "§6 read-only policy refuses readOnlyHint \"true\" (a string)", .readOnly,
      .stub(readOnly: .invalid("true")), .refuse, hint: .readOnly,
      reason: #"readOnlyHint is "true" (a string, not a boolean)"#),
    DecisionRow(
      "§6 read-only policy refuses a tool with no annotations object", .readOnly, bareTool,
      .refuse, hint: .readOnly, reason: "readOnlyHint is missing (no annotations object)"),
    DecisionRow(
      "§6 always-ask asks for a read-only tool", .alwaysAsk, readTool, .ask, hint: nil,
      reason: "the always-ask policy asks before every call, list_tasks included"),
    DecisionRow(
      "§6 always-ask asks for a write", .alwaysAsk, writeTool, .ask, hint: nil,
      reason: "the always-ask policy asks"),
    DecisionRow(
      "§6 never-ask runs a destructive tool", .neverAsk, deleteTool, .run, hint: nil,
      reason: "the never-ask policy runs delete_task without asking"),
    DecisionRow(
      "§6 never-ask runs a tool with no annotations object", .neverAsk, bareTool, .run,
      hint: nil, reason: "the never-ask policy runs create_task without asking"),
  ]

  /// chatgpt-approval.md §1 and §5; each row names its rule.
  @Test(arguments: chatgptRows)
  func `chatgpt asks unless readOnlyHint is exactly true`(row: DecisionRow) {
    check(row)
  }

  /// chatgpt-approval.md §6 (Codex); each row names its rule.
  @Test(arguments: codexRows)
  func `codex-auto follows Codex's requires_mcp_tool_approval`(row: DecisionRow) {
    check(row)
  }

  /// chatgpt-approval.md §6 (suggested policy set); each row names its rule.
  @Test(arguments: otherRows)
  func `read-only, always-ask and never-ask decide as chatgpt-approval.md section 6 says`(
    row: DecisionRow
  ) {
    check(row)
  }

  /// chatgpt-approval.md §1, the headline case from cli.md.
  @Test func `missing readOnlyHint asks under chatgpt`() {
    let decision = ApprovalPolicy.decide(writeTool)
    #expect(decision.kind == .ask)
    #expect(
      decision.reason == "readOnlyHint is missing, so ChatGPT treats create_task as a write action")
  }

  /// chatgpt-approval.md §1.
  @Test func `readOnlyHint true runs under chatgpt with the outcome not-required`() {
    let decision = ApprovalPolicy.decide(readTool)
    #expect(decision.outcome?.kind == .notRequired)
    #expect(decision.outcome?.sendsCall == true)
    #expect(decision.card == nil)
  }

  /// chatgpt-approval.md §6: refused calls are never sent.
  @Test func `the read-only policy refuses a write with the outcome refused`() {
    let decision = ApprovalPolicy.decide(writeTool, policy: .readOnly)
    #expect(decision.outcome?.kind == .refused)
    #expect(decision.outcome?.sendsCall == false)
    #expect(decision.outcome?.syntheticResult == nil)
  }

  /// chatgpt-approval.md §1 end to end: the raw `"true"` string from the wire is a write.
  @Test func `a readOnlyHint sent as the string true asks under chatgpt`() throws {
    let tool = try JSONParser.parse(
      #"{"name": "list_tasks", "annotations": {"readOnlyHint": "true"}}"#)
    let decision = ApprovalPolicy.decide(ToolFacts(tool: tool, server: "tasks-demo"))
    #expect(decision.kind == .ask)
    #expect(decision.reason.contains(#"readOnlyHint is "true""#))
  }

  private func check(_ row: DecisionRow, sourceLocation: SourceLocation = #_sourceLocation) {
    let decision = ApprovalPolicy.decide(row.facts, policy: row.policy)
    #expect(decision.kind == row.kind, sourceLocation: sourceLocation)
    #expect(decision.decidingHint == row.hint, sourceLocation: sourceLocation)
    #expect(
      decision.reason.contains(row.reason), "reason: \(decision.reason)",
      sourceLocation: sourceLocation)
  }
}
