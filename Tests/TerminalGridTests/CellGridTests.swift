import TerminalGrid
import Testing

@Suite struct CellGridTests {
  @Test func `put writes text and returns the columns written`() {
    var grid = CellGrid(size: Size(width: 10, height: 2))
    #expect(grid.put("hello", x: 1, y: 0) == 5)
    #expect(grid.rowText(0) == " hello")
    #expect(grid[1, 0] == Cell(text: "h"))
    #expect(grid.put("日本", x: 0, y: 1) == 4)
    #expect(grid[0, 1] == Cell(text: "日", width: 2))
    #expect(grid[1, 1].isContinuation)
    #expect(grid.rowText(1) == "日本")
  }

  @Test func `put clips to the rect on every side`() {
    var grid = CellGrid(size: Size(width: 12, height: 3))
    let clip = Rect(x: 2, y: 1, width: 5, height: 1)
    #expect(grid.put("abcdefghij", x: 0, y: 1, clip: clip) == 5)
    #expect(grid.rowText(1) == "  cdefg")
    #expect(grid.put("outside", x: 2, y: 0, clip: clip) == 0)
    #expect(grid.rowText(0) == "")
    #expect(grid.put("far right", x: 20, y: 2) == 0)
    #expect(grid.put("left", x: -2, y: 2) == 2)
    #expect(grid.rowText(2) == "ft")
  }

  @Test func `a wide character that does not fit becomes a space`() {
    var grid = CellGrid(size: Size(width: 5, height: 3))
    #expect(grid.put("ab日本", x: 0, y: 0) == 5)
    #expect(grid.rowText(0) == "ab日")
    #expect(grid[4, 0] == Cell(text: " "))
    // At the last column.
    #expect(grid.put("日", x: 4, y: 1) == 1)
    #expect(grid[4, 1] == Cell(text: " "))
    // Straddling the left edge of a clip.
    grid.put("日本", x: 1, y: 2, clip: Rect(x: 2, y: 2, width: 3, height: 1))
    #expect(grid.rowText(2) == "   本")
  }

  @Test func `overwriting half of a wide character blanks the other half`() {
    var grid = CellGrid(size: Size(width: 6, height: 1))
    grid.put("日本語", x: 0, y: 0)
    grid.put("x", x: 1, y: 0)
    #expect(grid.rowText(0) == " x本語")
    grid.put("y", x: 2, y: 0)
    #expect(grid.rowText(0) == " xy 語")
    grid[4, 0] = Cell(text: "z")
    #expect(grid.rowText(0) == " xy z")
    grid[3, 0] = Cell(text: "中", width: 2)
    #expect(grid.rowText(0) == " xy中")
    #expect(grid[4, 0].isContinuation)
  }

  @Test(arguments: [
    ("clear \u{1B}[2J", "clear \\u{1B}[2J"),
    ("osc \u{1B}]52;c;aGk=\u{07}", "osc \\u{1B}]52;c;aGk=\\u{7}"),
    ("csi \u{9B}31m", "csi \\u{9B}31m"),
    ("bidi \u{202E}txt", "bidi \\u{202E}txt"),
    ("zero\u{200B}width", "zero\\u{200B}width"),
    ("line\nbreak\r", "line\\u{A}break\\u{D}"),
    ("del\u{7F}", "del\\u{7F}"),
    ("\u{301}lone mark", "\\u{301}lone mark"),
    ("kept \u{301}on a space", "kept \u{301}on a space"),
    ("👨‍👩‍👧", "👨\\u{200D}👩\\u{200D}👧"),
  ])
  func `unsafe characters are shown as visible escapes`(text: String, shown: String) {
    var grid = CellGrid(size: Size(width: 40, height: 1))
    let written = grid.put(text, x: 0, y: 0)
    #expect(grid.rowText(0) == shown)
    #expect(written == DisplayWidth.of(shown))
    for x in 0..<40 {
      #expect(!grid[x, 0].text.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{7F}" })
    }
  }

  @Test func `tabs become spaces to the next stop of four`() {
    var grid = CellGrid(size: Size(width: 20, height: 1))
    #expect(grid.put("a\tb\tc", x: 2, y: 0) == 9)
    #expect(grid.rowText(0) == "  a   b   c")
  }

  @Test func `combining marks stay in their cell and emoji take two`() {
    var grid = CellGrid(size: Size(width: 10, height: 1))
    #expect(grid.put("e\u{301}🙂🇫🇷", x: 0, y: 0) == 5)
    #expect(grid[0, 0].text == "e\u{301}")
    #expect(grid[1, 0] == Cell(text: "🙂", width: 2))
    #expect(grid[3, 0] == Cell(text: "🇫🇷", width: 2))
    #expect(grid[4, 0].isContinuation)
  }

  @Test func `a cluster the terminal draws as two characters takes two cells`() {
    var grid = CellGrid(size: Size(width: 10, height: 1))
    #expect(grid.put("क\u{93E}", x: 0, y: 0) == 2)
    #expect(grid[0, 0] == Cell(text: "क"))
    #expect(grid[1, 0] == Cell(text: "\u{93E}"))
  }

  @Test func `putTruncated ends long text in an ellipsis within the width`() {
    var grid = CellGrid(size: Size(width: 20, height: 3))
    #expect(grid.putTruncated("create_task_with_a_long_name", x: 0, y: 0, width: 10) == 10)
    #expect(grid.rowText(0) == "create_ta…")
    #expect(grid.putTruncated("short", x: 0, y: 1, width: 10) == 5)
    #expect(grid.rowText(1) == "short")
    #expect(grid.putTruncated("日本語テキスト", x: 0, y: 2, width: 6) == 5)
    #expect(grid.rowText(2) == "日本…")
  }

  @Test func `fill and restyle a rect`() {
    var grid = CellGrid(size: Size(width: 6, height: 3))
    grid.fill(Rect(x: 1, y: 1, width: 3, height: 2), with: Cell(text: "#"))
    #expect(grid.rowText(0) == "")
    #expect(grid.rowText(1) == " ###")
    let green = Style(foreground: .green)
    grid.setStyle(Rect(x: 0, y: 1, width: 2, height: 1), green)
    #expect(grid[0, 1].style == green)
    #expect(grid[1, 1] == Cell(text: "#", style: green))
    #expect(grid[2, 1].style == .plain)
    grid.modifyStyle(Rect(x: 0, y: 1, width: 6, height: 1)) { $0.reverse = true }
    #expect(grid[1, 1].style == Style(foreground: .green, reverse: true))
    #expect(grid[5, 1].style == Style(reverse: true))
  }

  @Test func `restyling half a wide character restyles all of it`() {
    var grid = CellGrid(size: Size(width: 4, height: 1))
    grid.put("日本", x: 0, y: 0)
    grid.setStyle(Rect(x: 1, y: 0, width: 2, height: 1), Style(bold: true))
    for x in 0..<4 { #expect(grid[x, 0].style == Style(bold: true)) }
  }

  @Test func `resizing keeps the top left and never halves a wide character`() {
    var grid = CellGrid(size: Size(width: 4, height: 2))
    grid.put("ab日", x: 0, y: 0)
    grid.size = Size(width: 3, height: 3)
    #expect(grid.size == Size(width: 3, height: 3))
    #expect(grid.rowText(0) == "ab")
    #expect(grid[2, 0] == Cell(text: " "))
    #expect(grid.rowText(2) == "")
  }

  @Test func `reads and writes outside the grid are harmless`() {
    var grid = CellGrid(size: Size(width: 2, height: 2))
    grid[5, 5] = Cell(text: "x")
    #expect(grid[-1, 0] == .blank)
    #expect(grid == CellGrid(size: Size(width: 2, height: 2)))
    #expect(grid.rowText(9) == "")
    #expect(CellGrid(size: Size(width: -3, height: 2)).size == Size(width: 0, height: 2))
  }
}
