import PreflightUI
import Testing

@Suite struct TextAreaTests {
  @Test func `typing, new lines and deleting edit the text at the cursor`() {
    var area = TextArea()
    area.insert("{}")
    area.moveLeft()
    area.newline()
    area.insert(#"  "a": 1"#)
    area.newline()
    #expect(area.text == "{\n  \"a\": 1\n}")
    #expect(area.row == 2 && area.column == 0)
    area.deleteBackward()  // joins "}" to the line above
    #expect(area.text == "{\n  \"a\": 1}")
    area.deleteBackward()
    #expect(area.text == "{\n  \"a\": }")
    area.insert("2")
    area.moveToLineStart()
    area.deleteForward()
    area.deleteForward()
    #expect(area.text == "{\n\"a\": 2}")
    area.moveLines(-1)
    area.moveToLineEnd()
    area.deleteForward()  // joins the next line
    #expect(area.text == "{\"a\": 2}")
  }

  @Test func `a paste of many characters and lines lands whole`() {
    var area = TextArea(#"{"x": }"#)
    area.moveTo(line: 1, column: 7)
    let pasted = String(repeating: "7", count: 5_000) + "\n"
    area.insert(pasted)
    #expect(area.lines.count == 2)
    #expect(area.text == #"{"x": "# + String(repeating: "7", count: 5_000) + "\n}")
    #expect(area.row == 1 && area.column == 0)
  }

  @Test func `moving clamps at the edges and keeps the column where it can`() {
    var area = TextArea("abcdef\nxy\nlonger line")
    area.moveTo(line: 1, column: 6)
    area.moveLines(1)
    #expect(area.row == 1 && area.column == 2)
    area.moveLines(5)
    #expect(area.row == 2 && area.column == 2)
    area.moveLines(-10)
    #expect(area.row == 0)
    area.moveToLineStart()
    area.moveLeft()
    #expect(area.row == 0 && area.column == 0)
    area.moveTo(line: 99, column: 99)
    #expect(area.row == 2 && area.column == 11)
    area.moveRight()
    #expect(area.row == 2 && area.column == 11)
    area.moveTo(line: 2, column: 1)
    area.moveLeft()
    #expect(area.row == 0 && area.column == 6)
  }

  @Test(
    arguments: [
      (0, 1, 1), (3, 1, 4), (7, 2, 1), (9, 2, 3), (11, 2, 5),
    ] as [(Int, Int, Int)])
  func `a byte offset becomes a line and column`(offset: Int, line: Int, column: Int) {
    // "é" is two bytes, so the columns after it count characters, not bytes.
    let position = TextArea.position(ofByte: offset, in: "{\"é\":\n  1x}")
    #expect(position.line == line && position.column == column, "\(position)")
  }
}
