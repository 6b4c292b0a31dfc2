import Testing

@testable import TerminalGrid

@Suite struct DisplayWidthTests {
  @Test(
    arguments: [
      ("a", 1, "ASCII"),
      ("é", 1, "precomposed Latin"),
      ("e\u{301}", 1, "e and a combining acute"),
      ("日", 2, "CJK ideograph"),
      ("한", 2, "Hangul syllable"),
      ("\u{1100}\u{1161}\u{11A8}", 2, "Hangul jamo L V T"),
      ("ｱ", 1, "halfwidth katakana"),
      ("Ａ", 2, "fullwidth Latin"),
      ("✓", 1, "check mark (text presentation)"),
      ("─", 1, "box drawing"),
      ("🙂", 2, "emoji"),
      ("👍🏽", 2, "emoji with a skin tone"),
      ("👨‍👩‍👧", 2, "ZWJ family"),
      ("🇫🇷", 2, "flag"),
      ("✔\u{FE0F}", 2, "text symbol with VS16"),
      ("1\u{FE0F}\u{20E3}", 2, "keycap"),
      ("\u{1FAE8}", 2, "Unicode 15 emoji (shaking face)"),
      ("क\u{93E}", 2, "Devanagari consonant and spacing vowel sign"),
    ] as [(Character, Int, String)])
  func `characters have their display width`(character: Character, width: Int, name: String) {
    #expect(DisplayWidth.of(character) == width, "\(name)")
  }

  @Test(
    arguments: [
      (0x41, 1), (0xE9, 1), (0x65E5, 2), (0x2713, 1), (0x1F642, 2), (0x301, 0), (0x200B, 0),
      (0x200D, 0), (0x202E, 0), (0x1B, 0), (0x7F, 0), (0x9B, 0), (0xAD, 1), (0x1160, 0),
      (0x1F1EB, 1), (0x3000, 2), (0xFF01, 2), (0x20000, 2), (0xFE0F, 0),
    ] as [(UInt32, Int)])
  func `scalars have their display width`(value: UInt32, width: Int) {
    #expect(DisplayWidth.of(Unicode.Scalar(value)!) == width)
  }

  @Test func `strings are measured as put draws them`() {
    #expect(DisplayWidth.of("") == 0)
    #expect(DisplayWidth.of("abc") == 3)
    #expect(DisplayWidth.of("日本語") == 6)
    #expect(DisplayWidth.of("a🙂b") == 4)
    #expect(DisplayWidth.of("e\u{301}te\u{301}") == 3)
    // Escapes count as drawn: \u{1B} is 6 columns, \u{200B} is 8.
    #expect(DisplayWidth.of("\u{1B}") == 6)
    #expect(DisplayWidth.of("a\u{200B}b") == 10)
    // A tab goes to the next multiple of four.
    #expect(DisplayWidth.of("ab\tc") == 5)
  }

  @Test(arguments: [
    ("hello", 10, "hello"),
    ("hello", 5, "hello"),
    ("hello world", 8, "hello w…"),
    ("hello", 1, "…"),
    ("hello", 0, ""),
    ("日本語テキスト", 6, "日本…"),
    ("日本語テキスト", 5, "日本…"),
    ("a日本", 4, "a日…"),
    ("\u{1B}[2J", 5, "\\u{1…"),
    ("🙂🙂🙂", 5, "🙂🙂…"),
  ])
  func `truncation cuts by columns and ends in an ellipsis`(
    text: String, columns: Int, expected: String
  ) {
    let cut = DisplayWidth.truncate(text, toColumns: columns)
    #expect(cut == expected)
    #expect(DisplayWidth.of(cut) <= columns)
  }

  @Test func `truncation takes another ellipsis`() {
    #expect(DisplayWidth.truncate("abcdefgh", toColumns: 6, ellipsis: "...") == "abc...")
    #expect(DisplayWidth.truncate("abcdefgh", toColumns: 2, ellipsis: "...") == "ab")
  }

  @Test func `wrap breaks at spaces by display width`() {
    #expect(
      DisplayWidth.wrap("the quick brown fox jumps over the lazy dog", width: 10) == [
        "the quick", "brown fox", "jumps over", "the lazy", "dog",
      ])
    #expect(DisplayWidth.wrap("日本語の文章を折り返す", width: 8) == ["日本語の", "文章を折", "り返す"])
    #expect(DisplayWidth.wrap("ab 日本語", width: 5) == ["ab 日", "本語"])
  }

  @Test func `wrap hard-breaks long words after filling the line`() {
    #expect(DisplayWidth.wrap("abcdefghijkl", width: 5) == ["abcde", "fghij", "kl"])
    #expect(
      DisplayWidth.wrap("see https://example.com/x", width: 10) == [
        "see https:", "//example.", "com/x",
      ])
  }

  @Test func `wrap keeps newlines, blank lines and the first indent`() {
    #expect(DisplayWidth.wrap("one\n\ntwo", width: 10) == ["one", "", "two"])
    #expect(DisplayWidth.wrap("a\r\nb\n", width: 10) == ["a", "b", ""])
    #expect(DisplayWidth.wrap("", width: 10) == [""])
    #expect(DisplayWidth.wrap("  indented text here", width: 10) == ["  indented", "text here"])
    #expect(DisplayWidth.wrap("a    b", width: 3) == ["a", "b"])
    #expect(DisplayWidth.wrap("anything", width: 0) == [])
  }

  @Test func `wrap makes unsafe text visible and never exceeds the width`() {
    let lines = DisplayWidth.wrap("bad\u{1B}[2Jtext and \u{202E}more", width: 12)
    #expect(lines == ["bad\\u{1B}[2J", "text and", "\\u{202E}more"])
    for line in lines { #expect(DisplayWidth.of(line) <= 12) }
  }

  @Test func `a wide character sits alone on a one-column line`() {
    #expect(DisplayWidth.wrap("日本", width: 1) == ["日", "本"])
  }
}
