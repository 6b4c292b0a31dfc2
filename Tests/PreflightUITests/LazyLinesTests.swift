import PreflightUI
import TerminalGrid
import Testing

/// Long texts laid out by byte offsets: wrapping, hard line breaks, drawing and search.
@Suite struct LazyLinesTests {
  @Test func `ASCII text wraps at spaces, or hard when a word is longer than the width`() {
    var lines = LazyLines(width: 12)
    lines.append(text: "alpha beta gamma delta\nabcdefghijklmnopqrstuvwxyz\n\nend", indent: 2)
    #expect(
      lines.all.map { $0.spans.map(\.text).joined() } == [
        "  alpha beta", "  gamma", "  delta", "  abcdefghij", "  klmnopqrst", "  uvwxyz", "  ",
        "  end",
      ])
  }

  @Test func `non-ASCII lines wrap by display width`() {
    var lines = LazyLines(width: 10)
    lines.append(text: "日本語のテキストです")
    #expect(lines.all.map { $0.spans.map(\.text).joined() } == ["日本語のテ", "キストです"])
  }

  @Test func `a megabyte line is cut into slices and search finds text near its end`() {
    var lines = LazyLines(width: 100)
    let big = String(repeating: "0123456789", count: 100_000) + "NEEDLE-at-the-end"
    lines.append(StyledLine("heading"))
    lines.append(text: big)
    #expect(lines.count == 1 + 10_001)
    let found = lines.find("needle", after: 0)
    #expect(found == 10_001)
    #expect(found.map { lines.line($0).spans[0].text.contains("NEEDLE") } == true)
    #expect(lines.find("heading", after: 5) == 0, "wraps around to the top")
    #expect(lines.find("absent", after: 0) == nil)
  }

  @Test func `a match cut by the wrap counts for the line where it starts`() {
    var lines = LazyLines(width: 10)
    lines.append(text: "aaaaaaaaaaaaaaaaSPLITbbbbbbbbbb")
    let found = lines.find("split", after: -1)
    #expect(found == 1)
    #expect(lines.line(1).spans[0].text == "aaaaaaSPLI")
  }

  @Test func `drawing touches only the visible window and escapes control characters`() {
    var lines = LazyLines(width: 20)
    lines.append(text: (1...1000).map { "row \($0)" }.joined(separator: "\n"))
    lines.append(text: "bell\u{07}here")
    var grid = CellGrid(size: Size(width: 20, height: 3))
    lines.draw(from: 999, in: Rect(x: 0, y: 0, width: 20, height: 3), into: &grid)
    let dump = grid.textDump()
    #expect(dump.contains("row 999"))
    #expect(dump.contains("row 1000"))
    #expect(dump.contains(#"bell\u{7}here"#))
  }
}
