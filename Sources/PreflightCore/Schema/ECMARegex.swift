/// A regular expression in the ECMA-262 dialect JSON Schema uses, matched on Unicode scalars.
///
/// Preflight matches patterns itself rather than with Swift's `Regex`: a schema comes from the
/// server, and a backtracking engine lets a pattern such as `^(a+)+$` hang the client on a short
/// string. This engine never explores a state twice, so matching takes time proportional to the
/// pattern's size times the text's length. It does not support backreferences.
struct ECMARegex: Sendable {
  /// The pattern as written.
  let source: String
  private let program: RegexProgram

  /// Compiles `source`; throws when it is not a pattern Preflight can check.
  init(_ source: String) throws(RegexSyntaxError) {
    self.source = source
    var parser = RegexParser(source)
    program = try RegexProgram(try parser.parse())
  }

  /// Whether the pattern matches somewhere in `text` (patterns are not anchored unless they say
  /// `^` or `$`); nil when the text is too long to check against this pattern.
  func matches(_ text: String) -> Bool? {
    var matcher = RegexMatcher(program: program, text: text.unicodeScalars.map(\.value))
    return matcher.search()
  }
}
