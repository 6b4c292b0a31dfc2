import PreflightJSON

extension SchemaEvaluator {
  /// How far `$ref` chains are followed when describing or ruling out a branch.
  private static var referenceHops: Int { 16 }

  /// Why branch `index` is ruled out for `value` at a glance, or nil when it is not: by `type`,
  /// by `const` or `enum` (or `false`), or by a member whose subschema has a `const` or `enum`
  /// the value's member misses (a discriminator such as `"kind": {"const": "task"}`).
  func rejection(_ index: Int, _ value: JSONValue) -> BranchRejection? {
    var budget = 256
    return rejection(index, value, hops: 0, budget: &budget)
  }

  private func rejection(
    _ index: Int, _ value: JSONValue, hops: Int, budget: inout Int
  ) -> BranchRejection? {
    // Only a glance: a short `$ref`/`allOf` walk with a small budget, so that no schema can make
    // an error message expensive.
    budget -= 1
    guard hops < Self.referenceHops, budget >= 0 else { return nil }
    let node = nodes[index]
    if let constant = node.constant { return constant ? nil : .value }
    if node.isNullable && value.isNull { return nil }
    if let types = node.types, !types.contains(where: { $0.matches(value) }) { return .type }
    if node.constKey != nil || node.enumValues != nil {
      let key = CanonicalJSON(value)
      if let constKey = node.constKey, constKey != key { return .value }
      if node.enumValues != nil && !node.enumKeys.contains(key) { return .value }
    }
    if case .object(let object) = value {
      for name in node.propertyOrder {
        guard let member = object[name], let property = node.properties[name],
          let allowed = allowedValues(property)
        else { continue }
        if !allowed.keys.contains(CanonicalJSON(member)) {
          return .member(name, allowed: allowed.values)
        }
      }
    }
    if let reference = node.reference,
      let reason = rejection(reference, value, hops: hops + 1, budget: &budget)
    {
      return reason
    }
    for index in node.allOf {
      if let reason = rejection(index, value, hops: hops + 1, budget: &budget) { return reason }
    }
    return nil
  }

  /// The values a `const` or `enum` subschema allows (following `$ref`s); nil for others.
  private func allowedValues(
    _ index: Int, hops: Int = 0
  ) -> (values: [JSONValue], keys: Set<CanonicalJSON>)? {
    guard hops < Self.referenceHops else { return nil }
    let node = nodes[index]
    if let value = node.constValue, let key = node.constKey { return ([value], [key]) }
    if let values = node.enumValues { return (values, node.enumKeys) }
    if let reference = node.reference { return allowedValues(reference, hops: hops + 1) }
    return nil
  }

  /// A short description of node `index` for messages.
  func describe(_ index: Int, hops: Int = 0) -> BranchDescription {
    let node = nodes[index]
    if let constant = node.constant {
      return BranchDescription(phrase: constant ? "anything" : "nothing", isTypeLike: false)
    }
    var description = describeOwnKeywords(node, hops: hops)
    if node.isNullable && description.isTypeLike && !description.types.contains(.null) {
      description.types.append(.null)
      description.phrase += " or null"
    }
    return description
  }

  private func describeOwnKeywords(_ node: SchemaNode, hops: Int) -> BranchDescription {
    if let value = node.constValue {
      return BranchDescription(
        phrase: SchemaWording.preview(value), values: [value], isTypeLike: false)
    }
    if let values = node.enumValues {
      let phrase =
        values.count == 1
        ? SchemaWording.preview(values[0]) : "one of \(SchemaWording.valueList(values))"
      return BranchDescription(phrase: phrase, values: values, isTypeLike: false)
    }
    if let types = node.types {
      if types == [.object], let name = node.title ?? node.referenceName {
        return BranchDescription(
          phrase: Self.objectPhrase(name), isTypeLike: true, types: types)
      }
      if types == [.null] {
        return BranchDescription(phrase: "null", values: [.null], isTypeLike: true, types: types)
      }
      var phrases = types.map(\.phrase)
      if types == [.string], let format = node.format, options.validateFormats,
        let phrase = SchemaFormat.phrase(format)
      {
        phrases = [phrase]
      }
      return BranchDescription(
        phrase: SchemaWording.orList(phrases), isTypeLike: true, types: types)
    }
    if let reference = node.reference, hops < Self.referenceHops {
      var target = describe(reference, hops: hops + 1)
      if target.types == [.object], target.isTypeLike, let name = node.referenceName {
        target.phrase = Self.objectPhrase(name)
      }
      return target
    }
    if !node.properties.isEmpty || !node.required.isEmpty {
      return BranchDescription(phrase: "an object", isTypeLike: false, types: [.object])
    }
    if !node.prefixItems.isEmpty || node.items != nil {
      return BranchDescription(phrase: "an array", isTypeLike: false, types: [.array])
    }
    if let title = node.title {
      return BranchDescription(phrase: title, isTypeLike: false)
    }
    return BranchDescription(phrase: "the schema at \(node.location)", isTypeLike: false)
  }

  /// "a Task object", "an Item object".
  private static func objectPhrase(_ name: String) -> String {
    let vowel = name.first.map { "AEIOUaeiou".contains($0) } ?? false
    return "\(vowel ? "an" : "a") \(name) object"
  }
}
