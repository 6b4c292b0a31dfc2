import TerminalGrid
import Testing

@Suite struct CellGridBoxTests {
  @Test func `a box at 80 columns with a title and a footer`() {
    var grid = CellGrid(size: Size(width: 80, height: 4))
    grid.drawBox(
      Rect(x: 0, y: 0, width: 80, height: 4), title: "Tools 7", footer: "Enter call")
    grid.put("list_tasks", x: 2, y: 1)
    let expected = """
      ┌ Tools 7 ─────────────────────────────────────────────────────────────────────┐
      │ list_tasks                                                                   │
      │                                                                              │
      └───────────────────────────────────────────────────────────────── Enter call ─┘
      --- styles

      """
    #expect(grid.textDump() == expected)
  }

  @Test func `a focused box is bold with heavy lines and long titles are cut`() {
    var grid = CellGrid(size: Size(width: 20, height: 3))
    grid.drawBox(
      Rect(x: 0, y: 0, width: 20, height: 3), title: "create_task · Create a task",
      footer: "Enter call the tool", style: Style(foreground: .cyan), focused: true)
    let expected = """
      ┏ create_task · C… ┓
      ┃                  ┃
      ┗━ Enter call th… ━┛
      --- styles
      0 0-19 fg=cyan bold
      1 0-0 fg=cyan bold
      1 19-19 fg=cyan bold
      2 0-19 fg=cyan bold

      """
    #expect(grid.textDump() == expected)
  }

  @Test func `a title carrying escape sequences is drawn as visible text`() {
    var grid = CellGrid(size: Size(width: 30, height: 2))
    grid.drawBox(Rect(x: 0, y: 0, width: 30, height: 2), title: "evil\u{1B}[2J\u{202E}name")
    #expect(grid.rowText(0) == "┌ evil\\u{1B}[2J\\u{202E}name ─┐")
  }

  @Test func `tiny boxes draw what fits`() {
    var grid = CellGrid(size: Size(width: 6, height: 3))
    grid.drawBox(Rect(x: 0, y: 0, width: 1, height: 3), title: "x")
    #expect(grid == CellGrid(size: Size(width: 6, height: 3)))
    grid.drawBox(Rect(x: 0, y: 0, width: 4, height: 2), title: "title", footer: "f")
    #expect(grid.rowText(0) == "┌──┐")
    #expect(grid.rowText(1) == "└──┘")
  }

  @Test func `the dump lists style runs with inclusive columns`() {
    var grid = CellGrid(size: Size(width: 12, height: 2))
    grid.put("read", x: 0, y: 0, style: Style(foreground: .green))
    grid.put("write", x: 5, y: 0, style: Style(foreground: .yellow, bold: true))
    grid.setStyle(grid.bounds.row(1), Style(reverse: true))
    grid.put("日本", x: 0, y: 1, style: Style(background: .blue, dim: true, underline: true))
    let expected = """
      read write
      日本
      --- styles
      0 0-3 fg=green
      0 5-9 fg=yellow bold
      1 0-3 bg=blue dim underline
      1 4-11 reverse

      """
    #expect(grid.textDump() == expected)
  }
}
