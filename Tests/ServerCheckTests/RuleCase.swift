import ServerCheck

/// One row of the rule table: an observation that breaks exactly the named rule.
struct RuleCase: Sendable, CustomStringConvertible {
  var rule: CheckRule
  var observation: CheckObservation
  /// The tool the finding must name, if any.
  var tool: String?
  /// Text the finding's message must contain.
  var says: String

  var description: String { rule.id + ": " + says }
}
