/// A set of Unicode scalars: a bracketed class, or an escape such as `\d` or `\p{L}`.
struct RegexCharacterSet: Sendable {
  /// Whether the set matches everything *not* listed (`[^…]`).
  var isNegated = false
  /// Scalar ranges, by value.
  var ranges: [ClosedRange<UInt32>] = []
  /// Class escapes inside the set.
  var classes: [RegexClassEscape] = []

  /// Whether `scalar` is in the set.
  func contains(_ scalar: UInt32) -> Bool {
    let listed =
      ranges.contains { $0.contains(scalar) } || classes.contains { $0.matches(scalar) }
    return listed != isNegated
  }
}
