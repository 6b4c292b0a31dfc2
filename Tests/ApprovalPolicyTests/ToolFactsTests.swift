import ApprovalPolicy
import PreflightJSON
import Testing

struct ToolFactsTests {
  /// chatgpt-approval.md §1: facts come from the tool object exactly as `tools/list` sent it.
  @Test func `facts are read from the raw tools list JSON`() throws {
    let tool = try JSONParser.parse(
      #"""
      {"name": "create_task", "title": "Create task",
       "annotations": {"title": "Ignored", "readOnlyHint": "true", "destructiveHint": null,
                       "openWorldHint": false}}
      """#)
    let facts = ToolFacts(tool: tool, server: "tasks-demo")
    #expect(facts.server == "tasks-demo")
    #expect(facts.name == "create_task")
    #expect(facts.displayName == "Create task")
    #expect(facts.hasAnnotationsObject)
    #expect(facts.readOnly == .invalid("true"))
    #expect(facts.destructive == .null)
    #expect(facts.openWorld == .declared(false))
    #expect(facts.idempotent == .absent)
    #expect(facts.isWriteAction)
    #expect(facts.missingHints == [.readOnly, .destructive])
  }

  /// Tools and the display name each must get.
  static let titles: [(JSONValue, String)] = [
    (["name": "t", "title": "Top", "annotations": ["title": "Ann"]], "Top"),
    (["name": "t", "annotations": ["title": "Ann"]], "Ann"),
    (["name": "t", "title": "", "annotations": ["title": "Ann"]], "Ann"),
    (["name": "t", "title": 3, "annotations": ["title": ""]], "t"),
    (["name": "t"], "t"),
  ]

  /// chatgpt-approval.md §2: display name is `title`, else `annotations.title`, else `name`.
  @Test(arguments: titles)
  func `the display name prefers title then annotations title then name`(
    tool: JSONValue, expected: String
  ) {
    #expect(ToolFacts(tool: tool, server: "s").displayName == expected)
  }

  /// Tools whose `annotations` is missing or not an object.
  static let bareTools: [JSONValue] = [
    ["name": "t"],
    ["name": "t", "annotations": nil],
    ["name": "t", "annotations": "readOnly"],
    ["name": "t", "annotations": [true]],
  ]

  /// chatgpt-approval.md §1: no `annotations` object means every hint is absent.
  @Test(arguments: bareTools)
  func `a tool without an annotations object has every hint absent`(tool: JSONValue) {
    let facts = ToolFacts(tool: tool, server: "s")
    #expect(!facts.hasAnnotationsObject)
    for hint in HintName.allCases {
      #expect(facts[hint] == .absent)
    }
    #expect(facts.missingHints == HintName.required)
  }

  /// JSONObject: a repeated key reads as its last member, as most JSON readers do.
  @Test func `a repeated hint key reads as its last value`() throws {
    let tool = try JSONParser.parse(
      #"{"name": "t", "annotations": {"readOnlyHint": false, "readOnlyHint": true}}"#)
    #expect(ToolFacts(tool: tool, server: "s").readOnly == .declared(true))
  }

  /// chatgpt-approval.md §1: facts are read without inventing values.
  @Test func `a tool without a string name reads as an empty name`() {
    #expect(ToolFacts(tool: ["name": 7], server: "s").name == "")
  }

  /// chatgpt-approval.md §7: idempotentHint is optional, so it is never reported missing.
  @Test func `missing hints list only the three required hints`() {
    let facts = ToolFacts.stub(
      readOnly: .declared(false), destructive: .declared(true), openWorld: .declared(false))
    #expect(facts.missingHints.isEmpty)
    #expect(ToolFacts.stub().missingHints == [.readOnly, .destructive, .openWorld])
  }

  /// architecture.md §6: the stub used by the decision tables.
  @Test func `the stub is create_task on tasks-demo with every hint absent`() {
    let facts = ToolFacts.stub()
    #expect(facts.server == "tasks-demo")
    #expect(facts.name == "create_task")
    #expect(facts.displayName == "create_task")
    #expect(HintName.allCases.allSatisfy { facts[$0] == .absent })
  }

  /// MCP `schema/2025-11-25/schema.ts`: hint keys and defaults.
  @Test func `hint names are the annotation keys with the MCP defaults`() {
    #expect(
      HintName.allCases.map(\.key) == [
        "readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint",
      ])
    #expect(HintName.allCases.map(\.specDefault) == [false, true, false, true])
  }
}
