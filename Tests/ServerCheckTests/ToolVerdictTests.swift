import PreflightJSON
import ServerCheck
import Testing

/// The per-tool verdicts (issue 12 §5) follow from the hints, the visibility and the findings:
/// runs at once, asks for approval, hidden from the model, would be refused.
@Suite struct ToolVerdictTests {
  typealias F = CheckFixtures

  static func verdicts(_ tools: [JSONValue]) -> [String: ToolVerdict] {
    let report = CheckReport(observation: F.observation(tools: tools))
    return Dictionary(uniqueKeysWithValues: report.tools.map { ($0.name, $0) })
  }

  @Test func `read-only runs at once, a write asks, a widget-only tool is hidden`() {
    let v = Self.verdicts([
      F.cleanTool("list_notes"), F.cleanTool("add_note", readOnly: false),
      F.tool(F.cleanTool("refresh_widget"), setting: "_meta", to: ["ui": ["visibility": ["app"]]]),
    ])
    #expect(v["list_notes"]?.chatgpt == .runs)
    #expect(v["add_note"]?.chatgpt == .asks)
    #expect(v["refresh_widget"]?.chatgpt == .hidden)
    #expect(
      [ToolVerdict.Action.runs, .asks, .hidden, .refused].map(\.phrase) == [
        "runs at once", "asks for approval", "hidden from the model", "would be refused",
      ])
  }

  @Test func `a tool whose definition ChatGPT rejects would be refused, naming the rule`() {
    let broken = F.tool(F.cleanTool("add_note", readOnly: false), setting: "inputSchema", to: "x")
    let badFiles = F.tool(
      F.cleanTool("attach_file", readOnly: false), setting: "_meta",
      to: ["openai/fileParams": ["missing"]])
    let v = Self.verdicts([F.cleanTool("list_notes"), broken, badFiles])
    #expect(v["list_notes"]?.chatgpt == .runs, "the other tools keep their verdict")
    #expect(v["add_note"]?.chatgpt == .refused)
    #expect(v["add_note"]?.reason.contains("tools.input-schema.object") == true)
    #expect(v["add_note"]?.reason.contains("ChatGPT rejects its definition") == true)
    #expect(v["attach_file"]?.chatgpt == .refused)
    #expect(v["attach_file"]?.reason.contains("tools.file-params.name") == true)
  }

  @Test func `warnings and result errors leave the verdict alone; hidden stays hidden`() {
    let unhinted = F.tool(F.cleanTool("add_note"), setting: "annotations", to: nil)
    let hiddenBroken = F.tool(
      F.tool(F.cleanTool("refresh_widget"), setting: "_meta", to: ["ui": ["visibility": ["app"]]]),
      setting: "inputSchema", to: "x")
    let withOutput = F.tool(
      F.cleanTool("list_notes"), setting: "outputSchema",
      to: ["type": "object", "properties": ["n": ["type": "integer"]], "required": ["n"]])
    let badOutput = F.tool(F.cleanTool("count_notes"), setting: "outputSchema", to: "x")
    var o = F.observation(tools: [unhinted, hiddenBroken, withOutput, badOutput])
    o.calls = [ToolCallObservation(tool: "list_notes", result: ["structuredContent": ["n": "x"]])]
    let report = CheckReport(observation: o)
    let v = Dictionary(uniqueKeysWithValues: report.tools.map { ($0.name, $0.chatgpt) })
    #expect(v["add_note"] == .asks, "a missing hint is a warning: ChatGPT asks")
    #expect(v["refresh_widget"] == .hidden)
    #expect(v["list_notes"] == .runs, "a result that breaks outputSchema still runs")
    #expect(v["count_notes"] == .runs, "an invalid outputSchema spoils results, not the tool")
    #expect(report.verdict == .refuse)
  }

  @Test func `the overall verdict follows the worst finding`() {
    #expect(CheckReport(observation: F.observation()).verdict == .connect)
    let warned = F.observation(tools: [F.tool(setting: "description", to: nil)])
    #expect(CheckReport(observation: warned).verdict == .connectWithWarnings)
    let refused = F.observation(tools: [F.tool(setting: "inputSchema", to: nil)])
    #expect(CheckReport(observation: refused).verdict == .refuse)
    #expect(CheckReport(observation: refused).json["tools"]?[0]?["chatgpt"] == "refused")
  }
}
