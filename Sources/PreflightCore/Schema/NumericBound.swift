/// A `minimum`, `maximum`, `exclusiveMinimum` or `exclusiveMaximum` (2020-12 numeric form, or
/// draft-04's boolean `exclusiveMinimum` folded into its `minimum`).
struct NumericBound: Sendable {
  /// The limit.
  var value: DecimalNumber
  /// The limit as the schema wrote it, for messages.
  var text: String
  /// Whether values must be above (rather than below) the limit.
  var isLower: Bool
  /// Whether the limit itself is excluded.
  var isExclusive: Bool
  /// The keyword, for the schema path.
  var keyword: String

  /// Whether `number` is within the bound.
  func admits(_ number: DecimalNumber) -> Bool {
    let order = number.compare(to: value)
    if isLower { return isExclusive ? order > 0 : order >= 0 }
    return isExclusive ? order < 0 : order <= 0
  }

  /// "at least 1", "greater than 0", "at most 10", "less than 10".
  var phrase: String {
    switch (isLower, isExclusive) {
    case (true, false): "at least \(text)"
    case (true, true): "greater than \(text)"
    case (false, false): "at most \(text)"
    case (false, true): "less than \(text)"
    }
  }
}
