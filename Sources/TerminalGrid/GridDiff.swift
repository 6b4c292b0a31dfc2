/// What changed between two frames: runs of cells to draw, row by row.
///
/// A run never starts or ends inside a wide character: when either half changed, both halves
/// are in the run. Backends draw each run's cells left to right from (`x`, `y`), skipping
/// continuation cells.
public struct GridDiff: Sendable {
  /// Consecutive cells of one row to draw, starting at (`x`, `y`).
  public struct Run: Sendable, Hashable {
    /// The first column.
    public var x: Int
    /// The row.
    public var y: Int
    /// The cells, left to right.
    public var cells: [Cell]

    /// A run of `cells` starting at (`x`, `y`).
    public init(x: Int, y: Int, cells: [Cell]) {
      self.x = x
      self.y = y
      self.cells = cells
    }
  }

  /// The runs, top to bottom, left to right.
  public var runs: [Run]
  /// Whether the screen must be cleared before drawing (first frame or new size); then
  /// `runs` holds every row in full.
  public var clearAll: Bool
  /// The size of the new frame.
  public var size: Size

  /// The changes that turn `old` into `new`; with no `old` frame, or one of another size,
  /// `clearAll` and one run per row covering all of it.
  public init(from old: CellGrid?, to new: CellGrid) {
    size = new.size
    guard let old, old.size == new.size else {
      clearAll = true
      runs = (0..<new.size.height).map { y in
        Run(x: 0, y: y, cells: (0..<new.size.width).map { new[$0, y] })
      }
      return
    }
    clearAll = false
    var runs: [Run] = []
    let width = new.size.width
    for y in 0..<new.size.height {
      var x = 0
      while x < width {
        guard old[x, y] != new[x, y] else {
          x += 1
          continue
        }
        var start = x
        if new[start, y].isContinuation && start > 0 { start -= 1 }
        var end = x + 1
        while end < width && old[end, y] != new[end, y] { end += 1 }
        if end < width && new[end, y].isContinuation { end += 1 }
        if let last = runs.last, last.y == y, last.x + last.cells.count >= start {
          let from = last.x + last.cells.count
          runs[runs.count - 1].cells += (from..<end).map { new[$0, y] }
        } else {
          runs.append(Run(x: start, y: y, cells: (start..<end).map { new[$0, y] }))
        }
        x = end
      }
    }
    self.runs = runs
  }

  /// Whether there is nothing to draw.
  public var isEmpty: Bool { runs.isEmpty && !clearAll }
}
