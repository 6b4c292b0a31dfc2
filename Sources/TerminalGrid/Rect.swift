/// A rectangle of cells: origin at the top left, `maxX` and `maxY` exclusive.
public struct Rect: Sendable, Hashable {
  /// The leftmost column.
  public var x: Int
  /// The top row.
  public var y: Int
  /// Columns.
  public var width: Int
  /// Rows.
  public var height: Int

  /// A rectangle at (`x`, `y`) of `width` × `height` cells.
  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = width
    self.height = height
  }

  /// A rectangle at the origin covering `size`.
  public init(size: Size) {
    self.init(x: 0, y: 0, width: size.width, height: size.height)
  }

  /// Whether it covers no cell.
  public var isEmpty: Bool { width <= 0 || height <= 0 }

  /// The column just right of the rectangle (exclusive).
  public var maxX: Int { x + width }

  /// The row just below the rectangle (exclusive).
  public var maxY: Int { y + height }

  /// Whether the cell at (`x`, `y`) lies inside.
  public func contains(x column: Int, y row: Int) -> Bool {
    column >= x && column < maxX && row >= y && row < maxY
  }

  /// The rectangle shrunk by `amount` cells on every side (never below zero size).
  public func inset(by amount: Int) -> Rect {
    Rect(
      x: x + amount, y: y + amount, width: max(0, width - 2 * amount),
      height: max(0, height - 2 * amount))
  }

  /// The first `top` rows (clamped to the height), and the rest.
  public func splitRows(top: Int) -> (Rect, Rect) {
    let first = min(max(0, top), max(0, height))
    return (
      Rect(x: x, y: y, width: width, height: first),
      Rect(x: x, y: y + first, width: width, height: max(0, height - first))
    )
  }

  /// Everything but the last `bottom` rows (clamped to the height), and those rows.
  public func splitRows(bottom: Int) -> (Rect, Rect) {
    splitRows(top: max(0, height) - min(max(0, bottom), max(0, height)))
  }

  /// The first `left` columns (clamped to the width), and the rest.
  public func splitColumns(left: Int) -> (Rect, Rect) {
    let first = min(max(0, left), max(0, width))
    return (
      Rect(x: x, y: y, width: first, height: height),
      Rect(x: x + first, y: y, width: max(0, width - first), height: height)
    )
  }

  /// Everything but the last `right` columns (clamped to the width), and those columns.
  public func splitColumns(right: Int) -> (Rect, Rect) {
    splitColumns(left: max(0, width) - min(max(0, right), max(0, width)))
  }

  /// The one-row rectangle at `y + index`; empty (height 0) when `index` is outside.
  public func row(_ index: Int) -> Rect {
    Rect(x: x, y: y + index, width: width, height: index >= 0 && index < height ? 1 : 0)
  }

  /// The cells both rectangles cover; empty (zero size) when they do not meet.
  public func intersection(_ other: Rect) -> Rect {
    let left = max(x, other.x)
    let top = max(y, other.y)
    let right = min(maxX, other.maxX)
    let bottom = min(maxY, other.maxY)
    return Rect(x: left, y: top, width: max(0, right - left), height: max(0, bottom - top))
  }
}
