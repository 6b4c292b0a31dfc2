/// How many terminal columns text takes, in pure Swift, agreeing with glibc's `wcwidth` (which
/// ncurses uses) except where a test documents why not.
///
/// - East Asian Wide and Fullwidth, and emoji presentation: 2.
/// - Combining and enclosing marks, format characters (zero-width space and joiners, bidi
///   controls), Hangul medial vowels and final consonants, line and paragraph separators, and
///   control characters: 0.
///   `CellGrid.put` escapes controls and invisible characters before measuring, so they never
///   reach the screen as zero-width text.
/// - Everything else, including ambiguous-width characters, the soft hyphen, the Arabic
///   number signs (prepended concatenation marks), lone regional indicators and unassigned
///   code points: 1.
public enum DisplayWidth {
  /// The width of one scalar on its own: 0, 1 or 2.
  public static func of(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    switch value {
    case 0x20..<0x7F: return 1
    case 0..<0x20, 0x7F..<0xA0: return 0
    case 0xAD: return 1
    // Prepended concatenation marks: format characters drawn as signs over the digits after.
    case 0x600...0x605, 0x6DD, 0x70F, 0x890...0x891, 0x8E2, 0x110BD, 0x110CD: return 1
    case 0x1160...0x11FF, 0xD7B0...0xD7C6, 0xD7CB...0xD7FB: return 0
    case 0x1F1E6...0x1F1FF: return 1
    default: break
    }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format, .lineSeparator, .paragraphSeparator: return 0
    default: break
    }
    if value >= 0x1100 && (isEastAsianWide(value) || scalar.properties.isEmojiPresentation) {
      return 2
    }
    return 1
  }

  /// The width of a grapheme cluster.
  ///
  /// An emoji sequence (a regional-indicator flag; an emoji followed by VS16, a zero-width
  /// joiner, a skin-tone modifier, a keycap or tag characters) is 2. Any other cluster is the
  /// sum of its scalars: its base plus any spacing marks, which terminals give columns of
  /// their own (so `e` + U+0301 is 1, and a Devanagari consonant with a vowel sign is 2).
  public static func of(_ character: Character) -> Int {
    let scalars = character.unicodeScalars
    guard let first = scalars.first else { return 0 }
    if scalars.count == 1 { return of(first) }
    if isEmojiSequence(scalars) { return 2 }
    var total = 0
    for scalar in scalars { total += of(scalar) }
    return total
  }

  /// The columns `text` takes on screen as `CellGrid.put` draws it: unsafe scalars count as
  /// their visible escapes (`\u{1B}` is 6 columns) and tabs as spaces to the next multiple
  /// of four.
  public static func of(_ text: String) -> Int {
    var total = 0
    GlyphScanner.scan(text) { glyph in
      total += glyph.width
      return true
    }
    return total
  }

  /// `text` made visible (as `CellGrid.put` would show it) and cut to `toColumns` columns,
  /// ending in `ellipsis` when it was longer. A wide character never straddles the cut.
  /// When `ellipsis` itself does not fit, the text is cut without one.
  public static func truncate(_ text: String, toColumns columns: Int, ellipsis: String = "…")
    -> String
  {
    guard columns > 0 else { return "" }
    let ellipsisWidth = of(ellipsis)
    let keepWidth = ellipsisWidth <= columns ? columns - ellipsisWidth : columns
    var kept = ""
    var keptWidth = 0
    var whole = ""
    var wholeWidth = 0
    var overflowed = false
    var keeping = true
    GlyphScanner.scan(text) { glyph in
      if wholeWidth + glyph.width > columns {
        overflowed = true
        return false
      }
      whole += glyph.text
      wholeWidth += glyph.width
      if keeping && keptWidth + glyph.width <= keepWidth {
        kept += glyph.text
        keptWidth += glyph.width
      } else {
        keeping = false
      }
      return true
    }
    guard overflowed else { return whole }
    return ellipsisWidth <= columns ? kept + ellipsis : kept
  }

  static func isEmojiSequence(_ scalars: Character.UnicodeScalarView) -> Bool {
    guard let first = scalars.first else { return false }
    if (0x1F1E6...0x1F1FF).contains(first.value) {
      return scalars.dropFirst().contains { (0x1F1E6...0x1F1FF).contains($0.value) }
    }
    guard first.properties.isEmoji else { return false }
    return scalars.dropFirst().contains { scalar in
      switch scalar.value {
      case 0xFE0F, 0x200D, 0x20E3, 0x1F3FB...0x1F3FF, 0xE0020...0xE007F: true
      default: false
      }
    }
  }
}
