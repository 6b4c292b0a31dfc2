extension DisplayWidth {
  /// `text` made visible (as `CellGrid.put` would show it) and word-wrapped to `width`
  /// columns.
  ///
  /// Explicit newlines (`\n`, `\r\n`) start new lines and empty lines are kept; leading
  /// spaces of a paragraph are kept as its indent; spaces at a wrap are dropped; a word
  /// longer than the width is broken. No line is wider than `width`, except that a wide
  /// character is put alone on a line when `width` is 1. Returns `[""]` for empty text and
  /// no lines when `width` is not positive.
  public static func wrap(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    var paragraph = ""
    for character in text {
      if character == "\n" || character == "\r\n" {
        wrapParagraph(paragraph, width: width, into: &lines)
        paragraph = ""
      } else {
        paragraph.append(character)
      }
    }
    wrapParagraph(paragraph, width: width, into: &lines)
    return lines
  }

  private static func wrapParagraph(_ text: String, width: Int, into lines: inout [String]) {
    var glyphs: [Glyph] = []
    GlyphScanner.scan(text) { glyph in
      glyphs.append(glyph)
      return true
    }
    var line: [Glyph] = []
    var lineWidth = 0
    var spaces = 0
    var startOfParagraph = true
    var index = 0

    func finishLine() {
      while line.last?.text == " " { line.removeLast() }
      lines.append(line.map(\.text).joined())
      line = []
      lineWidth = 0
      startOfParagraph = false
    }

    while index < glyphs.count {
      if glyphs[index].text == " " {
        while index < glyphs.count && glyphs[index].text == " " {
          spaces += 1
          index += 1
        }
        if line.isEmpty && !startOfParagraph { spaces = 0 }
        continue
      }
      var end = index
      var wordWidth = 0
      while end < glyphs.count && glyphs[end].text != " " {
        wordWidth += glyphs[end].width
        end += 1
      }
      let word = glyphs[index..<end]
      index = end
      if lineWidth + spaces + wordWidth <= width {
        line += Array(repeating: Glyph(text: " ", width: 1), count: spaces)
        line += word
        lineWidth += spaces + wordWidth
        spaces = 0
        continue
      }
      if !line.isEmpty && (wordWidth <= width || lineWidth + spaces >= width) {
        finishLine()
        spaces = 0
      }
      if line.isEmpty && startOfParagraph {
        // Keep as much of the indent as leaves room for the word (or one column of it).
        spaces = min(spaces, max(0, width - (wordWidth <= width ? wordWidth : 1)))
      }
      if lineWidth + spaces + wordWidth <= width {
        line += Array(repeating: Glyph(text: " ", width: 1), count: spaces)
        line += word
        lineWidth += spaces + wordWidth
        spaces = 0
        continue
      }
      // A word longer than the room left: break it, filling the current line first.
      line += Array(repeating: Glyph(text: " ", width: 1), count: spaces)
      lineWidth += spaces
      spaces = 0
      for glyph in word {
        if lineWidth + glyph.width > width && !line.isEmpty {
          finishLine()
        }
        line.append(glyph)
        lineWidth += glyph.width
      }
    }
    if !line.isEmpty || startOfParagraph {
      finishLine()
    }
  }
}
