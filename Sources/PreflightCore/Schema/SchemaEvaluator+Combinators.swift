import PreflightJSON

extension SchemaEvaluator {
  /// `$ref`, `allOf`, `anyOf`, `oneOf`, `not`, `if`/`then`/`else`, `dependentSchemas`: the
  /// keywords that apply more schemas to the same value.
  mutating func applyInPlace(
    _ node: SchemaNode, _ value: JSONValue, at location: InstanceLocation, gather: Bool,
    into out: inout [SchemaViolation]
  ) -> EvaluatedMembers {
    var evaluated = EvaluatedMembers()
    if let reference = node.reference {
      evaluated.merge(
        evaluateInPlace(reference, value, at: location, collect: gather, into: &out))
    }
    for index in node.allOf {
      evaluated.merge(evaluateInPlace(index, value, at: location, collect: gather, into: &out))
    }
    if !node.anyOf.isEmpty {
      evaluated.merge(
        applyAlternatives(
          node, "anyOf", node.anyOf, value, at: location, gather: gather, into: &out))
    }
    if !node.oneOf.isEmpty {
      evaluated.merge(
        applyAlternatives(
          node, "oneOf", node.oneOf, value, at: location, gather: gather, into: &out))
    }
    if let not = node.not {
      var scratch: [SchemaViolation] = []
      _ = evaluateInPlace(not, value, at: location, collect: false, into: &scratch)
      if scratch.isEmpty && !isStopped {
        out.append(violation(location, node.path("not"), mustNot(location, describe(not))))
      }
    }
    if let condition = node.ifNode {
      var scratch: [SchemaViolation] = []
      let seen = evaluateInPlace(condition, value, at: location, collect: gather, into: &scratch)
      if scratch.isEmpty {
        evaluated.merge(seen)
        if let then = node.thenNode {
          evaluated.merge(evaluateInPlace(then, value, at: location, collect: gather, into: &out))
        }
      } else if let otherwise = node.elseNode {
        evaluated.merge(
          evaluateInPlace(otherwise, value, at: location, collect: gather, into: &out))
      }
    }
    if case .object(let object) = value {
      for dependency in node.dependentSchemas where object.contains(dependency.name) {
        evaluated.merge(
          evaluateInPlace(dependency.node, value, at: location, collect: gather, into: &out))
      }
    }
    return evaluated
  }

  /// `anyOf` or `oneOf`: the branches are tried quietly, and a failure becomes one message,
  /// unless all branches but one are ruled out by `type`, `const` or `enum` (or a
  /// discriminating property), in which case that branch's own violations are reported.
  private mutating func applyAlternatives(
    _ node: SchemaNode, _ keyword: String, _ branches: [Int], _ value: JSONValue,
    at location: InstanceLocation, gather: Bool, into out: inout [SchemaViolation]
  ) -> EvaluatedMembers {
    var results: [[SchemaViolation]] = []
    var passing: [Int] = []
    var evaluated = EvaluatedMembers()
    for (i, branch) in branches.enumerated() {
      var scratch: [SchemaViolation] = []
      let seen = evaluateInPlace(branch, value, at: location, collect: gather, into: &scratch)
      results.append(scratch)
      guard scratch.isEmpty else { continue }
      passing.append(i)
      evaluated.merge(seen)
      if keyword == "anyOf" && !gather { break }
      if keyword == "oneOf" && passing.count > 1 { break }
    }
    if passing.isEmpty {
      reportNoMatch(node, keyword, branches, results, value, at: location, into: &out)
    } else if keyword == "oneOf" && passing.count > 1 {
      let all = branches.map { describe($0).phrase }
      let matched = passing.map { all[$0] }
      out.append(
        violation(
          location, node.path(keyword),
          "\(location.name) must match exactly one of: \(Self.unique(all).joined(separator: ", "))"
            + " (it matches \(SchemaWording.list(matched, "and")))"))
    }
    return evaluated
  }

  private func reportNoMatch(
    _ node: SchemaNode, _ keyword: String, _ branches: [Int], _ results: [[SchemaViolation]],
    _ value: JSONValue, at location: InstanceLocation, into out: inout [SchemaViolation]
  ) {
    let rejections = branches.map { rejection($0, value) }
    let remaining = rejections.indices.filter { rejections[$0] == nil }
    if remaining.count == 1 {
      out += results[remaining[0]]
      return
    }
    let descriptions = branches.map { describe($0) }
    let phrases = Self.unique(descriptions.map(\.phrase))
    var target = location
    var message = "\(location.name) must match one of: \(phrases.joined(separator: ", "))"
    let allValues = descriptions.compactMap(\.values)
    let typeCompatible = rejections.filter { $0 != .type }
    if allValues.count == descriptions.count {
      message = mustBe(Self.unique(allValues.flatMap { $0 }), at: location)
    } else if remaining.isEmpty && typeCompatible.isEmpty
      && descriptions.allSatisfy(\.isTypeLike)
    {
      let actual = SchemaWording.actual(value, expected: descriptions.flatMap(\.types))
      message = "\(location.name) must be \(SchemaWording.orList(phrases)), not \(actual)"
    } else if remaining.isEmpty, let (name, values) = Self.sharedDiscriminator(typeCompatible) {
      // Every branch that takes this type is told apart by one member: name that member.
      target = location.member(name)
      message = mustBe(Self.unique(values), at: target)
    }
    out.append(violation(target, node.path(keyword), message))
  }

  /// "x must be "a"" or "x must be one of a, b, c".
  private func mustBe(_ values: [JSONValue], at location: InstanceLocation) -> String {
    values.count == 1
      ? "\(location.name) must be \(SchemaWording.preview(values[0]))"
      : "\(location.name) must be one of \(SchemaWording.valueList(values))"
  }

  /// The member name and the values it may take, when every rejection is by that member.
  private static func sharedDiscriminator(
    _ rejections: [BranchRejection?]
  ) -> (String, [JSONValue])? {
    var name: String?
    var values: [JSONValue] = []
    for rejection in rejections {
      guard case .member(let member, let allowed)? = rejection, name == nil || name == member
      else { return nil }
      name = member
      values += allowed
    }
    return name.map { ($0, values) }
  }

  private func mustNot(_ location: InstanceLocation, _ description: BranchDescription) -> String {
    if let values = description.values, values.count > 1 {
      return "\(location.name) must not be one of \(SchemaWording.valueList(values))"
    }
    if description.isTypeLike || description.values != nil {
      return "\(location.name) must not be \(description.phrase)"
    }
    return "\(location.name) must not match \(description.phrase)"
  }

  static func unique<T: Hashable>(_ items: [T]) -> [T] {
    var seen = Set<T>()
    return items.filter { seen.insert($0).inserted }
  }
}
