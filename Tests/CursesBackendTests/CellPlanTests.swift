import Testing

@testable import CursesBackend

@Suite struct CellPlanTests {
  /// A stand-in for `wcwidth`: combining marks and VS16 0, CJK and some emoji 2, an
  /// "unknown" emoji -1, the rest 1.
  private static func measure(_ scalar: Unicode.Scalar) -> Int {
    switch scalar.value {
    case 0x300...0x36F, 0xFE0F, 0x20E3: 0
    case 0x4E00...0x9FFF, 0x1F300...0x1F64F: 2
    case 0x1FAE8: -1
    default: 1
    }
  }

  private static func plan(_ text: String, _ width: Int) -> [String] {
    CellPlan.units(text: text, width: width, measure: measure).map {
      "\(String(String.UnicodeScalarView($0.scalars))):\($0.width)"
    }
  }

  @Test func `text that ncurses measures as the grid does is written as is`() {
    #expect(Self.plan("a", 1) == ["a:1"])
    #expect(Self.plan("日", 2) == ["日:2"])
    #expect(Self.plan("e\u{301}", 1) == ["e\u{301}:1"])
    #expect(Self.plan("🇫🇷", 2) == ["🇫:1", "🇷:1"])
  }

  @Test func `a cell wcwidth calls narrower is padded with spaces`() {
    #expect(Self.plan("✔\u{FE0F}", 2) == ["✔\u{FE0F}:1", " :1"])
    #expect(Self.plan("1\u{FE0F}\u{20E3}", 2) == ["1\u{FE0F}\u{20E3}:1", " :1"])
  }

  @Test func `a sequence wcwidth calls wider keeps its first character`() {
    #expect(Self.plan("👍🏽", 2) == ["👍:2"])
  }

  @Test func `what wcwidth cannot measure becomes a replacement character`() {
    #expect(Self.plan("\u{1FAE8}", 2) == ["\u{FFFD}:1", " :1"])
    #expect(Self.plan("日", 1) == ["\u{FFFD}:1"])
    #expect(Self.plan("", 1) == ["\u{FFFD}:1"])
  }

  @Test func `at most four marks ride on one character`() {
    let text = "a" + String(repeating: "\u{301}", count: 7)
    #expect(CellPlan.units(text: text, width: 1, measure: Self.measure)[0].scalars.count == 5)
  }
}
