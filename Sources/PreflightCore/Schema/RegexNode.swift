/// A parsed ECMA-262 regular expression, before it is compiled to instructions.
indirect enum RegexNode: Sendable {
  /// Matches the empty string.
  case empty
  /// One Unicode scalar.
  case scalar(UInt32)
  /// `.`: any scalar but a line terminator.
  case anyExceptLineTerminator
  /// A character class such as `[a-z]` or `\d`.
  case set(RegexCharacterSet)
  /// Items one after another.
  case sequence([RegexNode])
  /// `a|b|c`.
  case alternation([RegexNode])
  /// A quantified item; `max` nil means no upper bound.
  case repetition(RegexNode, min: Int, max: Int?)
  /// `^`.
  case inputStart
  /// `$`.
  case inputEnd
  /// `\b`, or `\B` when negated.
  case wordBoundary(negated: Bool)
  /// `(?=…)`, `(?!…)`, `(?<=…)` or `(?<!…)`.
  case lookaround(RegexNode, behind: Bool, negated: Bool)
}
