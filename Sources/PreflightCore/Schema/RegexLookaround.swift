/// A compiled lookaround: where its body starts and how its result is used.
struct RegexLookaround: Sendable {
  /// The instruction index where the body starts; the body ends with ``RegexInstruction/match``.
  var start: Int
  /// Whether it looks behind (the body must end where the lookaround stands).
  var behind: Bool
  /// Whether it succeeds when the body does *not* match.
  var negated: Bool
}
