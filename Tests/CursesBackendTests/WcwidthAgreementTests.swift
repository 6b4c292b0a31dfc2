import CNcursesw
import CursesBackend
import TerminalGrid
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `DisplayWidth` against glibc's `wcwidth` (which ncurses uses) in C.UTF-8.
///
/// They agree on every scalar checked except two kinds, both expected:
/// - controls (C0, DEL, C1) and the line and paragraph separators: `wcwidth` says -1
///   (unprintable), `DisplayWidth` 0; `CellGrid.put` shows them as escapes, so neither is used;
/// - code points glibc 2.36 (Unicode 14.0) does not know: those assigned in Unicode 15.0–17.0
///   (Swift's tables are newer) and unassigned ones, noncharacters included. `wcwidth` says -1;
///   `DisplayWidth` gives new emoji and new wide ideographic characters 2, which is right for
///   terminals with current tables, and everything else 1. The backend draws such cells as
///   U+FFFD padded to the grid's width, so ncurses' columns still match the grid.
@Suite struct WcwidthAgreementTests {
  /// Latin, combining marks, Greek, Cyrillic, Hebrew, Arabic, Devanagari, Hangul Jamo,
  /// punctuation, letterlike symbols to miscellaneous symbols and arrows, CJK radicals to
  /// compatibility, Yijing and some CJK ideographs, Hangul Jamo extended and syllables,
  /// variation selectors to specials, the emoji and symbol planes, CJK extension B, tags.
  static let ranges: [ClosedRange<UInt32>] = [
    0x0...0x52F, 0x590...0x6FF, 0x900...0x97F, 0x1100...0x11FF, 0x2000...0x206F,
    0x2100...0x2BFF, 0x2E80...0x33FF, 0x4DC0...0x4FFF, 0xA960...0xA97F, 0xAC00...0xAFFF,
    0xD7B0...0xD7FF, 0xFE00...0xFFFF, 0x1_F000...0x1_FAFF, 0x2_0000...0x2_00FF,
    0xE_0000...0xE_007F,
  ]

  /// Whether glibc 2.36's Unicode 14.0 tables know `scalar`.
  static func knownToGlibc(_ scalar: Unicode.Scalar) -> Bool {
    guard scalar.properties.generalCategory != .unassigned,
      let age = scalar.properties.age
    else { return false }
    return age.major < 15
  }

  @Test func `display width agrees with glibc wcwidth on thousands of scalars`() throws {
    let locale = try #require(preflight_utf8_ctype_locale())
    let previous = uselocale(locale)
    defer {
      uselocale(previous)
      freelocale(locale)
    }
    var checked = 0
    var unprintable: [String] = []
    var newer: [String] = []
    var wrong: [String] = []
    for range in Self.ranges {
      for value in range {
        guard let scalar = Unicode.Scalar(value) else { continue }
        checked += 1
        let glibc = Int(wcwidth(wchar_t(bitPattern: value)))
        let ours = DisplayWidth.of(scalar)
        guard glibc != ours else { continue }
        let line = "U+\(String(value, radix: 16, uppercase: true)) ours \(ours) glibc \(glibc)"
        let category = scalar.properties.generalCategory
        if glibc == -1 && ours == 0
          && [.control, .lineSeparator, .paragraphSeparator].contains(category)
        {
          unprintable.append(line)
        } else if glibc == -1 && !Self.knownToGlibc(scalar) {
          newer.append(line)
        } else {
          wrong.append(line)
        }
      }
    }
    #expect(checked > 10_000)
    #expect(wrong.isEmpty, "disagreements: \(wrong.joined(separator: ", "))")
    #expect(unprintable.count == 66)
    // Unicode 15+ emoji are wide for us and unknown to glibc 2.36.
    #expect(newer.contains("U+1FAE8 ours 2 glibc -1"))
  }

  @Test(arguments: [
    "plain ascii", "é e\u{301} ü", "日本語 テキスト", "한국어 \u{1100}\u{1161}\u{11A8}", "✓ ✗ → ← ─│┌┐",
    "🙂👍🇫🇷", "क\u{93E}", "\u{600}123", "Ａｂｃ ｱｲｳ",
  ])
  func `common text reaches ncurses without replacement characters`(text: String) throws {
    let locale = try #require(preflight_utf8_ctype_locale())
    let previous = uselocale(locale)
    defer {
      uselocale(previous)
      freelocale(locale)
    }
    var grid = CellGrid(size: Size(width: 40, height: 1))
    grid.put(text, x: 0, y: 0)
    for x in 0..<40 where !grid[x, 0].isContinuation {
      let cell = grid[x, 0]
      var total = 0
      for scalar in cell.text.unicodeScalars {
        let width = Int(wcwidth(wchar_t(bitPattern: scalar.value)))
        #expect(width >= 0, "\(cell.text) at \(x)")
        total += max(0, width)
      }
      #expect(total == cell.width, "\(cell.text) at \(x)")
    }
  }
}
