import ApprovalPolicy
import HostFlow
import PreflightCore
import PreflightJSON
import PreflightUI
import TerminalGrid
import Testing

/// Repeat the last call, remembered arguments, and the copy-as-command box.
@Suite struct RepeatShareTests {
  func press(_ state: inout AppState, _ keys: [Key]) -> [Effect] {
    keys.flatMap { AppUpdate.update(&state, .key($0)) }
  }

  func record(_ call: ModelCall, sent: Bool = true) -> CallRecord {
    CallRecord(
      call: call, approvalRequired: false,
      outcome: ApprovalOutcome(kind: .notRequired, reason: "read-only"), sent: sent,
      result: ["content": [["type": "text", "text": "ok"]]])
  }

  @Test func `. repeats the last call with the same arguments`() {
    var state = UIFixtures.state()
    let effects = press(&state, [.character("c"), .right, .enter])  // list_tasks, status → done
    guard case .runCall(let first) = effects.first else {
      Issue.record("the form did not call: \(effects)")
      return
    }
    let call = first.call
    #expect(call.arguments == ["status": "done"])
    _ = AppUpdate.update(&state, .callFinished(record(call)))
    #expect(state.mode == .result)
    let again = press(&state, [.character(".")])
    guard case .runCall(let request) = again.first else {
      Issue.record("no repeat: \(again), \(state.notice ?? "")")
      return
    }
    let (repeated, answer) = (request.call, request.answer)
    #expect(repeated == call)
    #expect(answer == nil, "a read-only tool runs without asking, again")
    #expect(state.mode == .normal && state.busy)
  }

  @Test func `a repeat goes through the approval flow again, and a remembered choice applies`()
    throws
  {
    var state = UIFixtures.state()
    _ = press(&state, [.down, .character("c")])
    for c in "Buy" { _ = press(&state, [.character(c)]) }
    #expect(press(&state, [.enter]).isEmpty)
    #expect(state.mode == .approval, "create_task is a write: the card")
    let call = try #require(state.approval?.call)
    _ = AppUpdate.update(&state, .callFinished(record(call)))
    // Not remembered: the repeat stops at the card again.
    _ = press(&state, [.escape])
    #expect(press(&state, [.character(".")]).isEmpty)
    #expect(state.mode == .approval)
    #expect(state.approval?.call == call)
    // Approve and remember; then the repeat runs without the card.
    _ = press(&state, [.character(" ")])
    let approved = press(&state, [.character("a")])
    #expect(approved.count == 1)
    #expect(!state.ledger.entries.isEmpty, "the choice is remembered")
    _ = AppUpdate.update(&state, .callFinished(record(call)))
    let repeated = press(&state, [.character(".")])
    guard case .runCall(let request) = repeated.first, request.answer == nil else {
      Issue.record("the remembered approval did not apply: \(repeated), mode \(state.mode)")
      return
    }
    let again = request.call
    #expect(again == call)
  }

  @Test func `with no call yet, repeat and share say so`() {
    var state = UIFixtures.state()
    #expect(press(&state, [.character(".")]).isEmpty)
    #expect(state.notice == "no call yet: press c on a tool to call it")
    #expect(press(&state, [.character("y")]).isEmpty)
    #expect(state.mode == .normal)
  }

  @Test func `each tool's form remembers the last arguments used`() {
    var state = UIFixtures.state()
    let effects = press(&state, [.character("c"), .right, .right, .enter])
    #expect(effects.count == 1)
    #expect(state.lastArguments["list_tasks"] == ["status": "all"])
    _ = press(&state, [.character("c")])
    #expect(state.form?.model.value == ["status": "all"])
  }

  @Test func `y shows the call as a command line, secrets redacted, and copies it`() throws {
    var state = UIFixtures.state()
    state.header.commandWords = CommandWords(
      options: ["-H", #""Authorization: ${AUTHORIZATION}""#],
      target: ["'https://example.com/mcp?key=[REDACTED]'"])
    let call = ModelCall(
      name: "share_task",
      arguments: ["id": "t1", "api_key": "sk-live-123456", "note": "it's here"])
    _ = AppUpdate.update(&state, .callFinished(record(call)))
    #expect(state.mode == .result)
    let effects = press(&state, [.character("y")])
    #expect(state.mode == .shareCommand)
    let line = try #require(state.sharedCommand)
    #expect(
      line
        == #"preflight call --args '{"id":"t1","api_key":"***","note":"it'\''s here"}' -H "Authorization: ${AUTHORIZATION}" share_task 'https://example.com/mcp?key=[REDACTED]'"#
    )
    #expect(!line.contains("sk-live"))
    #expect(effects == [.copyToClipboard(line)])
    _ = press(&state, [.escape])
    #expect(state.mode == .result, "back where the box was opened")
    #expect(state.sharedCommand == nil)
  }

  @Test(
    arguments: [
      ("plain-word_1.2", "plain-word_1.2"), ("two words", "'two words'"), ("it's", #"'it'\''s'"#),
      ("", "''"), ("$HOME", "'$HOME'"),
    ] as [(String, String)])
  func `words are quoted for the shell`(word: String, quoted: String) {
    #expect(CommandWords.quote(word) == quoted)
  }

  @Test func `placeholders keep ${VAR} live and escape the rest`() {
    #expect(CommandWords.placeholder(for: "X-Api-Key") == "${X_API_KEY}")
    #expect(
      CommandWords.quoteExpanding(#"Authorization: Bearer ${TOKEN} "$x" \ `y`"#)
        == #""Authorization: Bearer ${TOKEN} \"\$x\" \\ \`y\`""#)
  }

  @Test func `the demo server's command has no target and no arguments when there are none`() {
    let line = CallCommandLine.make(ModelCall(name: "archive_done"), words: CommandWords())
    #expect(line == "preflight call archive_done")
  }
}
