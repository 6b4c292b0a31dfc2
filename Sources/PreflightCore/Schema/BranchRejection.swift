import PreflightJSON

/// Why an `anyOf`/`oneOf` branch is ruled out for a value before looking deeper.
enum BranchRejection: Equatable {
  /// The value has a type the branch does not take.
  case type
  /// The branch's `const` or `enum` excludes the value (or the branch is `false`).
  case value
  /// The value's member `name` is not among the values the branch allows for it.
  case member(String, allowed: [JSONValue])
}
