import Testing

@testable import PreflightCore

/// One pattern, one text, and whether the pattern should match somewhere in it.
struct RegexCase: Sendable, CustomTestStringConvertible {
  let pattern: String
  let text: String
  let matches: Bool

  init(_ pattern: String, _ text: String, _ matches: Bool) {
    self.pattern = pattern
    self.text = text
    self.matches = matches
  }

  var testDescription: String { "/\(pattern)/ on \(text.debugDescription) → \(matches)" }
}

@Suite struct ECMARegexTests {
  static let cases: [RegexCase] = [
    RegexCase("^t[0-9]+$", "t12", true),
    RegexCase("^t[0-9]+$", "t", false),
    RegexCase("^t[0-9]+$", "xt1", false),
    RegexCase("abc", "xxabcxx", true),
    RegexCase("^abc$", "abc\n", false),
    RegexCase("^a|b$", "xb", true),
    RegexCase("^(a|b)$", "xb", false),
    RegexCase("colou?r", "color", true),
    RegexCase("^a{2,3}$", "aaaa", false),
    RegexCase("^a{2,3}$", "aaa", true),
    RegexCase("^a{2,}$", "aaaaaa", true),
    RegexCase("^a{2}$", "a", false),
    RegexCase("^.$", "é", true),
    RegexCase("^.$", "\n", false),
    RegexCase("^.$", "🙂", true),
    RegexCase("^.$", "e\u{301}", false),
    RegexCase("\\d", "٣", false),
    RegexCase("\\w", "é", false),
    RegexCase("^\\s$", "\u{A0}", true),
    RegexCase("^\\S+$", "a b", false),
    RegexCase("^\\p{L}+$", "héllo", true),
    RegexCase("^\\p{Lu}", "hello", false),
    RegexCase("^\\P{L}+$", "123", true),
    RegexCase("^[^]$", "x", true),
    RegexCase("[]", "x", false),
    RegexCase("^[\\w-]+$", "a-b_c", true),
    RegexCase("^[a\\-z]+$", "-", true),
    RegexCase("^[\\d-z]+$", "1-z", true),
    RegexCase("a{", "a{", true),
    RegexCase("{foo}", "{foo}", true),
    RegexCase("x]", "x]", true),
    RegexCase("\\/", "/", true),
    RegexCase("\\u0041\\x42\\u{43}", "ABC", true),
    RegexCase("\\uD83D\\uDE00", "😀", true),
    RegexCase("\\cJ", "\n", true),
    RegexCase("\\bfoo\\b", "a foo b", true),
    RegexCase("\\bfoo\\b", "afoob", false),
    RegexCase("\\Bfoo", "afoo", true),
    RegexCase("^(?:ab)+$", "ababab", true),
    RegexCase("^(?<year>\\d{4})-\\d{2}$", "2025-01", true),
    RegexCase("^(?=.*\\d)(?=.*[a-z]).{8,}$", "password1", true),
    RegexCase("^(?=.*\\d)(?=.*[a-z]).{8,}$", "password", false),
    RegexCase("^(?!admin$).*$", "admin", false),
    RegexCase("^(?!admin$).*$", "administrator", true),
    RegexCase("(?<=\\$)\\d+", "cost $42", true),
    RegexCase("(?<=\\$)\\d+", "cost 42", false),
    RegexCase("(?<!-)\\b\\d+", "-5", false),
    RegexCase("^(a*)*$", "aaaa", true),
    RegexCase("^(a*)*b$", "aaaa", false),
    RegexCase("^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$", "a.b@example.com", true),
    RegexCase("^([01][0-9]|2[0-3]):[0-5][0-9]$", "24:00", false),
    RegexCase("", "anything", true),
    RegexCase("^$", "", true),
  ]

  @Test(arguments: cases)
  func `patterns match as ECMA-262 says`(_ row: RegexCase) throws {
    let regex = try ECMARegex(row.pattern)
    #expect(regex.matches(row.text) == row.matches)
  }

  static let invalid: [String] = [
    "[a-", "(abc", "abc)", "*a", "a**", "x{2,1}", "[z-a]", "(a)\\1", "\\k<name>", "(?i)abc",
    "\\p{Nope}", "^*", "(a{1000}){1000}", "a{1000}{1000}",
  ]

  @Test(arguments: invalid)
  func `an unusable pattern is a syntax error`(_ pattern: String) {
    #expect(throws: RegexSyntaxError.self) { try ECMARegex(pattern) }
  }

  @Test func `catastrophic patterns still match in linear time`() throws {
    let evil = try ECMARegex("^(a+)+$")
    let text = String(repeating: "a", count: 5_000) + "!"
    let clock = ContinuousClock()
    let elapsed = clock.measure { #expect(evil.matches(text) == false) }
    #expect(elapsed < .seconds(30))
    #expect(try ECMARegex("^(a|aa)*c$").matches(String(repeating: "a", count: 2_000)) == false)
    #expect(try ECMARegex("(x+x+)+y").matches(String(repeating: "x", count: 2_000)) == false)
  }
}
