/// Why a `pattern` is not a regular expression Preflight can check, and where.
struct RegexSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What is wrong, in plain words.
  var reason: String
  /// The offset of the problem, in Unicode scalars from the start of the pattern.
  var offset: Int

  /// `reason at character N`.
  var description: String { "\(reason) at character \(offset + 1)" }
}
