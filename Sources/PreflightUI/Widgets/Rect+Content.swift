import TerminalGrid

extension Rect {
  /// The area inside a box's border, with one column of padding on each side.
  var content: Rect {
    let inner = inset(by: 1)
    guard inner.width > 2 else { return inner }
    return Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
  }
}
