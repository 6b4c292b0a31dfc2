import PreflightJSON
import PreflightUI
import ServerCheck
import TerminalGrid
import Testing

/// The `C` overlay gives each tool ChatGPT's verdict in words, with the reason: runs at
/// once, asks for approval, hidden from the model, would be refused.
@Suite struct CheckVerdictOverlayTests {
  static func tool(_ name: String, readOnly: Bool, extra: [String: JSONValue] = [:]) -> JSONValue {
    var object = JSONObject()
    object["name"] = .string(name)
    object["description"] = "A tool of the overlay test, described well enough."
    object["inputSchema"] = ["type": "object", "properties": [:]]
    object["annotations"] = [
      "readOnlyHint": .bool(readOnly), "destructiveHint": false, "openWorldHint": false,
    ]
    for (key, value) in extra { object[key] = value }
    return .object(object)
  }

  @Test func `each tool line says what ChatGPT does and why`() {
    let tools: [JSONValue] = [
      Self.tool("list_notes", readOnly: true),
      Self.tool("add_note", readOnly: false),
      Self.tool(
        "widget_refresh", readOnly: false, extra: ["_meta": ["ui": ["visibility": ["app"]]]]),
      Self.tool("broken_tool", readOnly: false, extra: ["inputSchema": "none"]),
    ]
    let report = CheckReport(
      observation: CheckObservation(
        target: CheckTarget(kind: .stdio, transport: "stdio"),
        initializeResult: UIFixtures.server.raw, toolPages: [["tools": .array(tools)]]))
    var state = UIFixtures.state(width: 140, height: 120)
    _ = AppUpdate.update(&state, .key(.character("C")))
    _ = AppUpdate.update(&state, .checkFinished(report))
    var grid = CellGrid(size: state.size)
    AppRender.render(state, into: &grid)
    let screen = grid.textDump()
    let lines = screen.split(separator: "\n").map(String.init)
    func line(_ name: String) -> String {
      lines.first { $0.contains("  \(name)  ") && $0.contains("tokens (estimate)") } ?? ""
    }
    #expect(screen.contains("✕ ChatGPT would refuse or misbehave"))
    #expect(line("list_notes").contains("ChatGPT runs at once"), "\(screen)")
    #expect(line("add_note").contains("ChatGPT asks for approval"))
    #expect(line("widget_refresh").contains("  hidden from the model  "))
    #expect(line("broken_tool").contains("ChatGPT would be refused"))
    #expect(screen.contains("ChatGPT rejects its definition (tools.input-schema.object)"))
    #expect(screen.contains("_meta.ui.visibility lacks \"model\" (widget only)"))
  }
}
