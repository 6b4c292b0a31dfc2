import TerminalGrid
import Testing

@Suite struct RectTests {
  @Test func `edges, inset and emptiness`() {
    let rect = Rect(x: 2, y: 3, width: 10, height: 4)
    #expect(rect.maxX == 12)
    #expect(rect.maxY == 7)
    #expect(!rect.isEmpty)
    #expect(rect.inset(by: 1) == Rect(x: 3, y: 4, width: 8, height: 2))
    #expect(rect.inset(by: 3).isEmpty)
    #expect(Rect(x: 0, y: 0, width: 0, height: 5).isEmpty)
  }

  @Test func `splits clamp to the size`() {
    let rect = Rect(x: 0, y: 0, width: 80, height: 24)
    let (header, body) = rect.splitRows(top: 1)
    #expect(header == Rect(x: 0, y: 0, width: 80, height: 1))
    #expect(body == Rect(x: 0, y: 1, width: 80, height: 23))
    let (left, right) = rect.splitColumns(left: 30)
    #expect(left == Rect(x: 0, y: 0, width: 30, height: 24))
    #expect(right == Rect(x: 30, y: 0, width: 50, height: 24))
    #expect(rect.splitRows(top: 99).1.isEmpty)
    #expect(rect.splitColumns(left: -1).0.isEmpty)
    #expect(rect.splitRows(bottom: 1).1 == Rect(x: 0, y: 23, width: 80, height: 1))
    #expect(rect.splitColumns(right: 10).1 == Rect(x: 70, y: 0, width: 10, height: 24))
  }

  @Test func `rows and intersections`() {
    let rect = Rect(x: 1, y: 1, width: 5, height: 3)
    #expect(rect.row(0) == Rect(x: 1, y: 1, width: 5, height: 1))
    #expect(rect.row(2) == Rect(x: 1, y: 3, width: 5, height: 1))
    #expect(rect.row(3).isEmpty)
    #expect(
      rect.intersection(Rect(x: 4, y: 0, width: 10, height: 2))
        == Rect(
          x: 4, y: 1, width: 2, height: 1))
    #expect(rect.intersection(Rect(x: 20, y: 20, width: 1, height: 1)).isEmpty)
    #expect(rect.contains(x: 5, y: 3))
    #expect(!rect.contains(x: 6, y: 3))
  }
}
