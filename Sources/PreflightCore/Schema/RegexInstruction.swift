/// One step of a compiled regular expression.
enum RegexInstruction: Sendable {
  /// Consume this scalar.
  case scalar(UInt32)
  /// Consume any scalar but a line terminator.
  case anyExceptLineTerminator
  /// Consume a scalar in the set with this index.
  case set(Int)
  /// Try the first target, then the second.
  case split(Int, Int)
  /// Continue at the target.
  case jump(Int)
  /// Succeed only at the start of the text.
  case inputStart
  /// Succeed only at the end of the text.
  case inputEnd
  /// Succeed only at a word boundary (or, negated, anywhere else).
  case wordBoundary(negated: Bool)
  /// Succeed only if the lookaround with this index holds here.
  case lookaround(Int)
  /// The pattern (or a lookaround's body) has matched.
  case match
}
