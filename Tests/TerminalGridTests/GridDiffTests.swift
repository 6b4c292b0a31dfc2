import TerminalGrid
import Testing

@Suite struct GridDiffTests {
  @Test func `the first frame clears and draws every row`() {
    var grid = CellGrid(size: Size(width: 3, height: 2))
    grid.put("ab", x: 0, y: 0)
    let diff = GridDiff(from: nil, to: grid)
    #expect(diff.clearAll)
    #expect(diff.runs.count == 2)
    #expect(
      diff.runs[0] == GridDiff.Run(x: 0, y: 0, cells: [Cell(text: "a"), Cell(text: "b"), .blank]))
    #expect(diff.runs[1].cells == [.blank, .blank, .blank])
  }

  @Test func `no change gives no runs`() {
    var grid = CellGrid(size: Size(width: 10, height: 3))
    grid.put("same", x: 1, y: 1)
    let diff = GridDiff(from: grid, to: grid)
    #expect(!diff.clearAll)
    #expect(diff.runs.isEmpty)
    #expect(diff.isEmpty)
  }

  @Test func `one changed cell gives one run of one cell`() {
    let old = CellGrid(size: Size(width: 10, height: 3))
    var new = old
    new.put("x", x: 4, y: 2)
    let diff = GridDiff(from: old, to: new)
    #expect(diff.runs == [GridDiff.Run(x: 4, y: 2, cells: [Cell(text: "x")])])
  }

  @Test func `a style change is a change`() {
    var old = CellGrid(size: Size(width: 5, height: 1))
    old.put("abc", x: 0, y: 0)
    var new = old
    new.setStyle(Rect(x: 1, y: 0, width: 2, height: 1), Style(bold: true))
    let diff = GridDiff(from: old, to: new)
    #expect(diff.runs.count == 1)
    #expect(diff.runs[0].x == 1)
    #expect(diff.runs[0].cells.map(\.text) == ["b", "c"])
  }

  @Test func `separate changes in a row give separate runs`() {
    let old = CellGrid(size: Size(width: 10, height: 2))
    var new = old
    new.put("a", x: 1, y: 0)
    new.put("b", x: 7, y: 0)
    new.put("c", x: 0, y: 1)
    let diff = GridDiff(from: old, to: new)
    #expect(
      diff.runs.map { [$0.x, $0.y, $0.cells.count] } == [[1, 0, 1], [7, 0, 1], [0, 1, 1]])
  }

  @Test func `runs hold wide characters whole`() {
    var old = CellGrid(size: Size(width: 6, height: 1))
    old.put("日本", x: 0, y: 0)
    var new = old
    new.setStyle(Rect(x: 3, y: 0, width: 1, height: 1), Style(bold: true))
    let diff = GridDiff(from: old, to: new)
    #expect(diff.runs.count == 1)
    #expect(diff.runs[0].x == 2)
    #expect(diff.runs[0].cells.map(\.text) == ["本", ""])
  }

  @Test func `a size change clears everything`() {
    let old = CellGrid(size: Size(width: 10, height: 3))
    let new = CellGrid(size: Size(width: 12, height: 3))
    let diff = GridDiff(from: old, to: new)
    #expect(diff.clearAll)
    #expect(diff.runs.count == 3)
    #expect(diff.runs.allSatisfy { $0.x == 0 && $0.cells.count == 12 })
    #expect(diff.size == Size(width: 12, height: 3))
  }
}
