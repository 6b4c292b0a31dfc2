import Testing

@testable import PreflightCore

@Suite struct DecimalNumberTests {
  static let equal: [(String, String)] = [
    ("1", "1.0"), ("100", "1e2"), ("0.5", "5e-1"), ("-0", "0"), ("0.0", "0e10"),
    ("12.3400", "1234e-2"), ("1E+3", "1000"),
  ]

  @Test(arguments: equal)
  func `the same number written differently is equal`(_ a: String, _ b: String) throws {
    let x = try #require(DecimalNumber(a))
    let y = try #require(DecimalNumber(b))
    #expect(x == y)
    #expect(x.compare(to: y) == 0)
  }

  static let ordered: [(String, String)] = [
    ("1", "2"), ("-2", "-1"), ("-1", "0"), ("0", "0.0001"), ("9.99", "10"), ("1e2", "1e3"),
    ("9007199254740992", "9007199254740993"), ("1e400", "1e401"), ("-1e401", "-1e400"),
    ("0.1", "0.11"), ("123", "123.000001"),
  ]

  @Test(arguments: ordered)
  func `numbers order by value`(_ a: String, _ b: String) throws {
    let x = try #require(DecimalNumber(a))
    let y = try #require(DecimalNumber(b))
    #expect(x.compare(to: y) == -1)
    #expect(y.compare(to: x) == 1)
  }

  @Test func `integers are numbers without a fraction`() throws {
    for text in ["1", "1.0", "-3", "1e2", "1.5e1", "1e400", "0", "-0.0"] {
      #expect(try #require(DecimalNumber(text)).isInteger, "\(text)")
    }
    for text in ["1.5", "1e-1", "-0.001", "1.05e1"] {
      #expect(try !#require(DecimalNumber(text)).isInteger, "\(text)")
    }
  }

  @Test func `multipleOf is exact`() throws {
    func multiple(_ a: String, _ b: String) throws -> Bool {
      try #require(DecimalNumber(a)).isMultiple(of: try #require(DecimalNumber(b)))
    }
    #expect(try multiple("0.3", "0.1"))
    #expect(try multiple("4.5", "1.5"))
    #expect(try multiple("1e30", "7e29") == false)
    #expect(try multiple("7e30", "7e29"))
    #expect(try multiple("0.0075", "0.0001"))
    #expect(try multiple("0.00751", "0.0001") == false)
    #expect(try multiple("1e1000000000", "3") == false)
    #expect(try multiple("123456789012345678901234567890", "3"))
  }

  @Test func `malformed text is not a number`() {
    for text in ["", "-", "1e", "abc", "1.2.3", "0x10", "1e+"] {
      #expect(DecimalNumber(text) == nil, "\(text)")
    }
  }

  @Test func `integers clamp to Int`() throws {
    #expect(try #require(DecimalNumber("42")).clampedInt == 42)
    #expect(try #require(DecimalNumber("1e2")).clampedInt == 100)
    #expect(try #require(DecimalNumber("1e40")).clampedInt == Int.max)
    #expect(try #require(DecimalNumber("-1e40")).clampedInt == Int.min)
  }
}
