import ApprovalPolicy
import PreflightCore
import PreflightJSON
import PreflightUI
import TerminalGrid
import Testing

/// A server with 10,000 tools: the filter and the list keep their rows instead of recomputing.
@Suite struct ManyToolsTests {
  static let tools: [JSONValue] = (1...10_000).map { i in
    let name = "tool_" + String(repeating: "0", count: 5 - String(i).count) + String(i)
    return ["name": .string(name), "inputSchema": ["type": "object"]]
  }

  @Test func `ten thousand tools filter to the one typed and the filtered rows are kept`() {
    var state = UIFixtures.state(tools: Self.tools)
    #expect(state.tools.visible.count == 10_000)
    #expect(state.tools.longestName == 10)
    _ = AppUpdate.update(&state, .key(.character("/")))
    for c in "tool_09999" { _ = AppUpdate.update(&state, .key(.character(c))) }
    #expect(state.tools.visible == [9_998])
    #expect(state.tools.selected?.name == "tool_09999")
    _ = AppUpdate.update(&state, .key(.backspace))
    #expect(state.tools.visible.count == 10, "tool_09990 … tool_09999")
    _ = AppUpdate.update(&state, .key(.escape))
    #expect(state.tools.visible.count == 10_000)
  }

  @Test func `the filter matches name or title, any case, non-ASCII included`() {
    let tools: [JSONValue] = [
      ["name": "read_menu", "title": "Café Menü", "inputSchema": ["type": "object"]],
      ["name": "WRITE_Order", "inputSchema": ["type": "object"]],
      ["name": "list", "title": "Liste des cafés", "inputSchema": ["type": "object"]],
    ]
    var pane = UIFixtures.state(tools: tools).tools
    pane.filter = "CAFÉ"
    #expect(pane.visible == [0, 2])
    pane.filter = "write_o"
    #expect(pane.visible == [1])
    pane.filter = "menü"
    #expect(pane.visible == [0])
    pane.filter = "menucafé"
    #expect(pane.visible.isEmpty, "a match never runs from the name into the title")
    pane.filter = "nothing like it"
    #expect(pane.visible.isEmpty)
    pane.filter = ""
    #expect(pane.visible == [0, 1, 2])
  }

  @Test func `End selects the last of ten thousand and the screen shows it`() {
    var state = UIFixtures.state(tools: Self.tools)
    _ = AppUpdate.update(&state, .key(.end))
    #expect(state.tools.selected?.name == "tool_10000")
    var grid = CellGrid(size: state.size)
    AppRender.render(state, into: &grid)
    #expect(grid.textDump().contains("▶ tool_10000"))
    #expect(grid.textDump().contains("Tools 10000"))
  }
}
