/// An in-memory screen: `size.width` × `size.height` cells, drawn into by the UI every frame
/// and compared with the previous frame by `GridDiff`.
///
/// Every write keeps wide characters whole: overwriting either half of a wide character turns
/// the other half into a space, and a wide character that would stick out of the grid becomes
/// a space. Reads and writes outside the grid are ignored (reads give `Cell.blank`).
public struct CellGrid: Sendable, Hashable {
  private var storage: Size
  private var cells: [Cell]

  /// A grid of blank cells; negative sizes count as zero.
  public init(size: Size) {
    let clamped = Size(width: max(0, size.width), height: max(0, size.height))
    self.storage = clamped
    self.cells = Array(repeating: .blank, count: clamped.width * clamped.height)
  }

  /// The grid's size; setting it keeps the top-left content and fills new cells with blanks.
  public var size: Size {
    get { storage }
    set { resize(to: newValue) }
  }

  /// The whole grid as a rectangle at the origin.
  public var bounds: Rect { Rect(size: storage) }

  /// The cell at column `x`, row `y`; `Cell.blank` outside the grid, where writes are ignored.
  ///
  /// Writing a wide cell (width 2) also writes its continuation; at the last column it
  /// becomes a space instead.
  public subscript(x: Int, y: Int) -> Cell {
    get {
      guard x >= 0, x < storage.width, y >= 0, y < storage.height else { return .blank }
      return cells[y * storage.width + x]
    }
    set {
      guard x >= 0, x < storage.width, y >= 0, y < storage.height else { return }
      place(newValue, x: x, y: y)
    }
  }

  /// Fills `rect` (clipped to the grid) with copies of `cell`; a wide cell repeats every two
  /// columns.
  public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
    let area = rect.intersection(bounds)
    guard !area.isEmpty else { return }
    let step = max(1, cell.width)
    for y in area.y..<area.maxY {
      var x = area.x
      while x < area.maxX {
        if x + step > area.maxX {
          place(.space(cell.style), x: x, y: y)
        } else {
          place(cell, x: x, y: y)
        }
        x += step
      }
    }
  }

  /// Gives every cell in `rect` (clipped to the grid) `style`, keeping its text; wide
  /// characters on the edges are restyled whole.
  public mutating func setStyle(_ rect: Rect, _ style: Style) {
    modifyStyle(rect) { $0 = style }
  }

  /// Changes the style of every cell in `rect` (clipped to the grid) with `change`, keeping
  /// the text; for example `grid.modifyStyle(row) { $0.reverse = true }` highlights a row
  /// without losing its colours.
  public mutating func modifyStyle(_ rect: Rect, _ change: (inout Style) -> Void) {
    let area = rect.intersection(bounds)
    guard !area.isEmpty else { return }
    for y in area.y..<area.maxY {
      var start = area.x
      if start > 0 && cells[index(start, y)].isContinuation { start -= 1 }
      var end = area.maxX
      if end < storage.width && cells[index(end, y)].isContinuation { end += 1 }
      for x in start..<end {
        change(&cells[index(x, y)].style)
      }
    }
  }

  // MARK: - Internals

  func index(_ x: Int, _ y: Int) -> Int { y * storage.width + x }

  /// Writes `cell` at (x, y), which must be inside the grid, repairing wide characters.
  mutating func place(_ cell: Cell, x: Int, y: Int) {
    let at = index(x, y)
    let old = cells[at]
    if old.isContinuation && x > 0 {
      let head = index(x - 1, y)
      if cells[head].width == 2 { cells[head] = .space(cells[head].style) }
    }
    if old.width == 2 && x + 1 < storage.width {
      let tail = index(x + 1, y)
      if cells[tail].isContinuation { cells[tail] = .space(old.style) }
    }
    guard cell.width == 2 else {
      cells[at] = cell
      return
    }
    guard x + 1 < storage.width else {
      cells[at] = .space(cell.style)
      return
    }
    cells[at] = cell
    let tail = index(x + 1, y)
    if cells[tail].width == 2 && x + 2 < storage.width {
      let after = index(x + 2, y)
      if cells[after].isContinuation { cells[after] = .space(cells[tail].style) }
    }
    cells[tail] = .continuation(cell.style)
  }

  private mutating func resize(to newSize: Size) {
    let clamped = Size(width: max(0, newSize.width), height: max(0, newSize.height))
    guard clamped != storage else { return }
    var resized = CellGrid(size: clamped)
    for y in 0..<min(storage.height, clamped.height) {
      for x in 0..<min(storage.width, clamped.width) {
        let cell = cells[index(x, y)]
        if cell.isContinuation {
          continue
        } else if cell.width == 2 && x + 1 >= clamped.width {
          resized.cells[resized.index(x, y)] = .space(cell.style)
        } else {
          resized.cells[resized.index(x, y)] = cell
          if cell.width == 2 { resized.cells[resized.index(x + 1, y)] = .continuation(cell.style) }
        }
      }
    }
    self = resized
  }
}
