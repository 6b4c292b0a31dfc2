import PreflightJSON
import ServerCheck
import Testing

/// What Refresh would change, compared with a saved baseline.
@Suite struct BaselineDiffTests {
  typealias F = CheckFixtures

  static let addNote: JSONValue = [
    "name": "add_note", "description": "Adds a note with the given text.",
    "inputSchema": ["type": "object", "properties": ["text": ["type": "string"]]],
    "annotations": ["readOnlyHint": false, "destructiveHint": false, "openWorldHint": false],
  ]

  func diff(_ old: [JSONValue], _ new: [JSONValue], instructions: String? = nil) -> [CheckFinding] {
    BaselineDiff.findings(
      baseline: ToolBaseline(server: "notes", instructions: nil, tools: old), tools: new,
      instructions: instructions)
  }

  func rules(_ findings: [CheckFinding]) -> [String] { findings.map(\.rule) }

  @Test func `the same tools give no findings`() {
    #expect(diff([F.cleanTool(), Self.addNote], [F.cleanTool(), Self.addNote]).isEmpty)
  }

  @Test func `a new tool is added and a vanished one removed`() {
    let search = F.tool(
      F.cleanTool("search_notes"), setting: "description", to: "Finds notes that match a query.")
    let found = diff([F.cleanTool()], [search])
    #expect(rules(found).sorted() == ["baseline.added", "baseline.removed"])
    #expect(found.first { $0.rule == "baseline.removed" }?.tool == "list_notes")
    #expect(found.first { $0.rule == "baseline.added" }?.tool == "search_notes")
    #expect(found.first { $0.rule == "baseline.removed" }?.severity == .warning)
  }

  @Test func `a tool with the same description under a new name is a rename`() {
    let renamed = F.tool(Self.addNote, setting: "name", to: "create_note")
    let found = diff([Self.addNote], [renamed])
    #expect(rules(found) == ["baseline.renamed"])
    #expect(found[0].message.contains("\"add_note\" seems renamed to \"create_note\""))
    #expect(found[0].severity == .warning)
  }

  @Test func `losing readOnlyHint flips the approval decision`() {
    let before = F.cleanTool()
    let after = F.tool(
      before, setting: "annotations",
      to: ["readOnlyHint": false, "destructiveHint": false, "openWorldHint": false])
    let found = diff([before], [after])
    #expect(rules(found).contains("baseline.approval-flipped"))
    #expect(
      found.first { $0.rule == "baseline.approval-flipped" }?.message.contains(
        "used to run it at once and now would ask first") == true)
    #expect(rules(found).contains("baseline.changed"))
  }

  @Test func `a new required argument and an argument made required break callers`() {
    let after = F.tool(
      Self.addNote, setting: "inputSchema",
      to: [
        "type": "object",
        "properties": ["text": ["type": "string"], "folder": ["type": "string"]],
        "required": ["text", "folder"],
      ])
    let found = diff([Self.addNote], [after]).filter { $0.rule == "baseline.required-argument" }
    #expect(found.count == 2)
    #expect(found.contains { $0.message.contains("\"folder\" is a new required argument") })
    #expect(found.contains { $0.message.contains("\"text\" is now required") })
  }

  @Test func `a description change is reported as changed, naming the member`() {
    let after = F.tool(Self.addNote, setting: "description", to: "Adds a note; now faster.")
    let found = diff([Self.addNote], [after])
    #expect(rules(found) == ["baseline.changed"])
    #expect(found[0].message.contains("description"))
    #expect(found[0].severity == .info)
  }

  @Test func `changed instructions are reported`() {
    let found = diff([Self.addNote], [Self.addNote], instructions: "New instructions.")
    #expect(rules(found) == ["baseline.changed"])
    #expect(found[0].path == "/instructions")
  }

  @Test func `a baseline file round-trips and a foreign file is refused`() throws {
    let baseline = ToolBaseline(server: "notes", instructions: "Hi.", tools: [Self.addNote])
    let text = JSONPrinter.pretty(baseline.json)
    let parsed = try ToolBaseline.parse(JSONParser.parse(text)).get()
    #expect(parsed == baseline)
    let foreign = ToolBaseline.parse(["tools": []])
    guard case .failure(let error) = foreign else {
      Issue.record("a file without preflightBaseline was accepted")
      return
    }
    #expect(error.description.contains("preflightBaseline"))
  }
}
