extension CellGrid {
  /// Draws a frame around `rect` with box-drawing lines (`┌─┐│└┘`), `title` in the top border
  /// after the corner (`┌ Tools 7 ───┐`, truncated with "…") and `footer` right-aligned in the
  /// bottom border (`└─── Enter call ─┘`). A `focused` box is drawn bold with heavy lines
  /// (`┏━┓┃┗┛`), so focus shows without colour. The inside is left as it is; nothing is drawn
  /// when `rect` is smaller than 2 × 2.
  public mutating func drawBox(
    _ rect: Rect, title: String = "", footer: String = "", style: Style = .plain,
    focused: Bool = false
  ) {
    guard rect.width >= 2, rect.height >= 2 else { return }
    var lineStyle = style
    if focused { lineStyle.bold = true }
    let glyphs = focused ? BoxGlyphs.heavy : BoxGlyphs.light
    let top = rect.y
    let bottom = rect.maxY - 1
    let right = rect.maxX - 1
    for x in rect.x + 1..<right {
      self[x, top] = Cell(text: glyphs.horizontal, style: lineStyle)
      self[x, bottom] = Cell(text: glyphs.horizontal, style: lineStyle)
    }
    for y in top + 1..<bottom {
      self[rect.x, y] = Cell(text: glyphs.vertical, style: lineStyle)
      self[right, y] = Cell(text: glyphs.vertical, style: lineStyle)
    }
    self[rect.x, top] = Cell(text: glyphs.topLeft, style: lineStyle)
    self[right, top] = Cell(text: glyphs.topRight, style: lineStyle)
    self[rect.x, bottom] = Cell(text: glyphs.bottomLeft, style: lineStyle)
    self[right, bottom] = Cell(text: glyphs.bottomRight, style: lineStyle)

    // "┌ title ─┐": a space either side of the title, which may reach the right corner.
    if !title.isEmpty && rect.width >= 5 {
      let room = rect.width - 4
      put(" ", x: rect.x + 1, y: top, style: lineStyle)
      let written = putTruncated(title, x: rect.x + 2, y: top, width: room, style: lineStyle)
      put(" ", x: rect.x + 2 + written, y: top, style: lineStyle)
    }
    // "└─ footer ─┘": right-aligned, at least one line either side.
    if !footer.isEmpty && rect.width >= 7 {
      let room = rect.width - 6
      let text = DisplayWidth.truncate(footer, toColumns: room)
      let width = DisplayWidth.of(text)
      let start = right - 2 - width
      put(" ", x: start - 1, y: bottom, style: lineStyle)
      put(text, x: start, y: bottom, style: lineStyle)
      put(" ", x: start + width, y: bottom, style: lineStyle)
    }
  }
}

/// The six characters of a frame.
private struct BoxGlyphs {
  var horizontal: String
  var vertical: String
  var topLeft: String
  var topRight: String
  var bottomLeft: String
  var bottomRight: String

  static let light = BoxGlyphs(
    horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└",
    bottomRight: "┘")
  static let heavy = BoxGlyphs(
    horizontal: "━", vertical: "┃", topLeft: "┏", topRight: "┓", bottomLeft: "┗",
    bottomRight: "┛")
}
