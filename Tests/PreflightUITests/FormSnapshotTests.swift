import ApprovalPolicy
import HostFlow
import PreflightCore
import PreflightJSON
import PreflightTestSupport
import PreflightUI
import TerminalGrid
import Testing

/// Snapshots of the call form: every field kind, errors at their fields, a `$ref` schema with
/// nullable fields, the raw JSON editor with a parse error, and the share box.
@Suite struct FormSnapshotTests {
  func render(_ state: AppState) -> String {
    var grid = CellGrid(size: state.size)
    AppRender.render(state, into: &grid)
    return grid.textDump()
  }

  func press(_ state: inout AppState, _ keys: [Key]) {
    for key in keys { _ = AppUpdate.update(&state, .key(key)) }
  }

  func type(_ state: inout AppState, _ text: String) {
    press(&state, text.map { Key.character($0) })
  }

  func open(_ schema: JSONValue, name: String = "every_kind") -> AppState {
    let tool: JSONValue = [
      "name": .string(name), "inputSchema": schema, "annotations": ["readOnlyHint": true],
    ]
    var state = UIFixtures.state(width: 100, height: 40, tools: [tool])
    press(&state, [.character("c")])
    return state
  }

  @Test func `every field kind, filled in part, with a choice open`() {
    var state = open(FormKeysTests.everyKind)
    type(&state, "Ada")
    press(&state, [.down, .down, .down])
    type(&state, "12")
    press(&state, [.down, .down, .character(" "), .down, .right, .right])  // flag, size
    press(&state, [.down, .down, .character(" ")])  // colors: red
    press(&state, [.down, .control("n")])
    type(&state, "urgent")
    press(&state, [.up, .up, .up, .up])  // back to size, its options shown
    expectSnapshot(render(state), named: "form-every-kind-100x40")
  }

  @Test func `a submit with errors marks each field`() {
    var state = open(FormKeysTests.everyKind)
    press(&state, [.down])
    type(&state, "not-an-email")
    press(&state, [.down])
    type(&state, "abc")
    press(&state, [.down])
    type(&state, "0")
    press(&state, [.down])
    type(&state, "1,5")
    press(&state, [.enter])
    expectSnapshot(render(state), named: "form-errors-100x40")
  }

  @Test func `a Pydantic schema with $ref, $defs and nullable fields`() {
    var state = open(FormSchemas.pydantic, name: "create_task")
    press(&state, [.down])
    type(&state, "Write the report")
    press(&state, [.down, .down, .down, .down])  // past due: a nullable date
    expectSnapshot(render(state), named: "form-ref-nullable-100x40")
  }

  @Test func `the raw JSON editor with a parse error`() {
    var state = UIFixtures.state(width: 100, height: 30)
    press(&state, [.down, .character("c")])
    type(&state, "Buy milk")
    press(&state, [.control("e"), .end, .backspace, .control("d")])
    expectSnapshot(render(state), named: "json-editor-error-100x30")
  }

  @Test func `the share box shows the command line with secrets redacted`() {
    var state = UIFixtures.state()
    state.header.commandWords = CommandWords(
      options: ["--client-profile", "full", "-H", #""Authorization: ${AUTHORIZATION}""#],
      target: ["--", "python", "server.py"])
    _ = AppUpdate.update(
      &state,
      .callFinished(
        CallRecord(
          call: ModelCall(
            name: "create_task", arguments: ["title": "Buy", "password": "hunter22"]),
          approvalRequired: true, outcome: ApprovalOutcome(kind: .approved, reason: "approved"),
          sent: true, result: ["content": [["type": "text", "text": "created t4"]]])))
    press(&state, [.character("y")])
    expectSnapshot(render(state), named: "share-80x24")
  }
}
