extension CellGrid {
  /// Writes `text` at (`x`, `y`) clipped to `clip` (default: the whole grid), and returns the
  /// number of columns written inside the clip.
  ///
  /// Text is measured by display width and never splits a wide character: one that does not
  /// fit, or straddles either edge of the clip, becomes a space. Untrusted text is made safe on
  /// the way: every unsafe scalar (`UntrustedText.isUnsafe`: C0 and C1 controls, DEL, bidi
  /// controls, zero-width characters) is shown as its escape, for example `\u{1B}` for ESC,
  /// the same spelling `UntrustedText.sanitize` uses; tabs become spaces to the next multiple
  /// of four columns from `x`; newlines are escaped too (write one line at a time, or use
  /// `DisplayWidth.wrap`). Cells before `x` or outside the clip are untouched, except that
  /// the other half of a wide character cut by the write becomes a space.
  @discardableResult
  public mutating func put(
    _ text: String, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil
  ) -> Int {
    let area = (clip ?? bounds).intersection(bounds)
    guard !area.isEmpty, y >= area.y, y < area.maxY else { return 0 }
    var column = x
    var written = 0
    GlyphScanner.scan(text) { glyph in
      let start = column
      let end = column + glyph.width
      column = end
      if end <= area.x { return true }
      if start >= area.maxX { return false }
      if start < area.x || end > area.maxX {
        for partial in max(start, area.x)..<min(end, area.maxX) {
          place(.space(style), x: partial, y: y)
          written += 1
        }
      } else {
        place(Cell(text: glyph.text, width: glyph.width, style: style), x: start, y: y)
        written += glyph.width
      }
      return end < area.maxX
    }
    return written
  }

  /// Like `put`, but cuts the text to `width` columns ending in "…" when it is longer;
  /// nothing is written beyond `x + width`. Returns the columns written.
  @discardableResult
  public mutating func putTruncated(
    _ text: String, x: Int, y: Int, width: Int, style: Style = .plain
  ) -> Int {
    guard width > 0 else { return 0 }
    let visible = DisplayWidth.truncate(text, toColumns: width)
    return put(visible, x: x, y: y, style: style, clip: Rect(x: x, y: y, width: width, height: 1))
  }
}
