import PreflightJSON

extension SchemaEvaluator {
  // MARK: Numbers

  /// `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`, `multipleOf`.
  func checkNumber(
    _ node: SchemaNode, _ text: String, at location: InstanceLocation,
    into out: inout [SchemaViolation]
  ) {
    guard !node.numericBounds.isEmpty || node.multipleOf != nil,
      let number = DecimalNumber(text)
    else { return }
    for bound in node.numericBounds where !bound.admits(number) {
      out.append(
        violation(location, node.path(bound.keyword), "\(location.name) must be \(bound.phrase)"))
    }
    if let (divisor, divisorText) = node.multipleOf, !number.isMultiple(of: divisor) {
      out.append(
        violation(
          location, node.path("multipleOf"),
          "\(location.name) must be a multiple of \(divisorText)"))
    }
  }

  // MARK: Strings

  /// `minLength`, `maxLength` (in code points), `pattern`, `format`.
  func checkString(
    _ node: SchemaNode, _ text: String, at location: InstanceLocation,
    into out: inout [SchemaViolation]
  ) {
    if node.minLength != nil || node.maxLength != nil {
      let length = text.unicodeScalars.count
      if let minimum = node.minLength, length < minimum {
        out.append(
          violation(
            location, node.path("minLength"),
            "\(location.name) must be at least \(SchemaWording.count(minimum, "character")) long"))
      }
      if let maximum = node.maxLength, length > maximum {
        out.append(
          violation(
            location, node.path("maxLength"),
            "\(location.name) must be at most \(SchemaWording.count(maximum, "character")) long"))
      }
    }
    if let pattern = node.pattern, pattern.matches(text) == false {
      out.append(
        violation(
          location, node.path("pattern"),
          "\(location.name) must match the pattern \(pattern.source)"))
    }
    if options.validateFormats, let format = node.format,
      SchemaFormat.check(format, text) == false, let phrase = SchemaFormat.phrase(format)
    {
      out.append(
        violation(location, node.path("format"), "\(location.name) must be \(phrase)"))
    }
  }

  // MARK: Objects

  /// `required`, `minProperties`, `maxProperties`, `dependentRequired`, `properties`,
  /// `patternProperties`, `additionalProperties`, `propertyNames`.
  mutating func checkObject(
    _ node: SchemaNode, _ object: JSONObject, at location: InstanceLocation, gather: Bool,
    into out: inout [SchemaViolation]
  ) -> EvaluatedMembers {
    var evaluated = EvaluatedMembers()
    let keys = Self.distinctKeys(object)
    // Large objects get a set, so a long `required` list stays linear.
    let keySet = keys.count > 16 ? Set(keys) : nil
    func has(_ name: String) -> Bool { keySet?.contains(name) ?? keys.contains(name) }
    for name in node.required where !has(name) {
      let member = location.member(name)
      out.append(violation(member, node.path("required"), "\(member.name) is required"))
    }
    if let minimum = node.minProperties, keys.count < minimum {
      out.append(
        violation(
          location, node.path("minProperties"),
          "\(location.name) must have at least \(SchemaWording.count(minimum, "field"))"))
    }
    if let maximum = node.maxProperties, keys.count > maximum {
      out.append(
        violation(
          location, node.path("maxProperties"),
          "\(location.name) must have at most \(SchemaWording.count(maximum, "field"))"))
    }
    for dependency in node.dependentRequired where has(dependency.name) {
      for need in dependency.needs where !has(need) {
        let member = location.member(need)
        out.append(
          violation(
            member, node.path(dependency.keyword, dependency.name),
            "\(member.name) is required when \(location.member(dependency.name).name) is present"
          ))
      }
    }
    let hasMemberKeywords =
      !node.properties.isEmpty || !node.patternProperties.isEmpty
      || node.additionalProperties != nil || node.propertyNames != nil
    guard hasMemberKeywords else { return evaluated }
    for key in keys {
      guard let value = object[key] else { continue }
      let member = location.member(key)
      var matched = false
      if let index = node.properties[key] {
        evaluateChild(index, value, at: member, into: &out)
        matched = true
      }
      for (regex, index) in node.patternProperties where regex.matches(key) == true {
        evaluateChild(index, value, at: member, into: &out)
        matched = true
      }
      if !matched, let extra = node.additionalProperties {
        if nodes[extra].constant == false {
          out.append(
            violation(member, node.path("additionalProperties"), notAllowed(member, in: node)))
        } else {
          evaluateChild(extra, value, at: member, into: &out)
        }
        matched = true
      }
      if matched && gather { evaluated.properties.insert(key) }
      if let names = node.propertyNames {
        evaluateChild(names, .string(key), at: location.memberName(key), into: &out)
      }
    }
    return evaluated
  }

  /// "due.zone is not allowed (known fields: date, time)".
  private func notAllowed(_ member: InstanceLocation, in node: SchemaNode) -> String {
    guard !node.propertyOrder.isEmpty else { return "\(member.name) is not allowed" }
    let names = node.propertyOrder.map(JSONValue.string)
    return "\(member.name) is not allowed (known fields: \(SchemaWording.valueList(names)))"
  }

  /// The object's keys, each once, in order of first appearance.
  static func distinctKeys(_ object: JSONObject) -> [String] {
    let members = object.members
    if members.count <= 16 {
      // Small objects: comparing with the earlier keys is cheaper than hashing.
      var keys: [String] = []
      keys.reserveCapacity(members.count)
      for member in members where !keys.contains(member.key) { keys.append(member.key) }
      return keys
    }
    var seen = Set<String>()
    return members.compactMap { seen.insert($0.key).inserted ? $0.key : nil }
  }

  // MARK: Arrays

  /// `minItems`, `maxItems`, `uniqueItems`, `prefixItems`, `items`, `contains`,
  /// `minContains`, `maxContains`.
  mutating func checkArray(
    _ node: SchemaNode, _ elements: [JSONValue], at location: InstanceLocation, gather: Bool,
    into out: inout [SchemaViolation]
  ) -> EvaluatedMembers {
    var evaluated = EvaluatedMembers()
    if let minimum = node.minItems, elements.count < minimum {
      out.append(
        violation(
          location, node.path("minItems"),
          "\(location.name) must have at least \(SchemaWording.count(minimum, "item"))"))
    }
    if let maximum = node.maxItems, elements.count > maximum {
      out.append(
        violation(
          location, node.path("maxItems"),
          "\(location.name) must have at most \(SchemaWording.count(maximum, "item"))"))
    }
    if node.uniqueItems { checkUnique(node, elements, at: location, into: &out) }
    let prefix = min(node.prefixItems.count, elements.count)
    for i in 0..<prefix {
      evaluateChild(node.prefixItems[i], elements[i], at: location.element(i), into: &out)
    }
    evaluated.prefixCount = prefix
    if let rest = node.items, prefix < elements.count {
      for i in prefix..<elements.count {
        let element = location.element(i)
        if nodes[rest].constant == false {
          let most = SchemaWording.count(node.prefixItems.count, "item")
          out.append(
            violation(
              element, node.path(node.itemsKeyword),
              "\(element.name) is not allowed (\(location.name) takes at most \(most))"))
        } else {
          evaluateChild(rest, elements[i], at: element, into: &out)
        }
      }
      evaluated.allItems = true
    }
    if let contains = node.contains {
      checkContains(node, contains, elements, at: location, gather: gather, into: &out)
        .map { evaluated.items = $0 }
    }
    return evaluated
  }

  private func checkUnique(
    _ node: SchemaNode, _ elements: [JSONValue], at location: InstanceLocation,
    into out: inout [SchemaViolation]
  ) {
    var firstIndex: [CanonicalJSON: Int] = [:]
    for (i, element) in elements.enumerated() {
      let key = CanonicalJSON(element)
      if let first = firstIndex[key] {
        let here = location.element(i)
        out.append(
          violation(
            here, node.path("uniqueItems"),
            "\(here.name) repeats \(location.element(first).name); items must be unique"))
      } else {
        firstIndex[key] = i
      }
    }
  }

  /// Checks `contains`; returns the matching indices when gathering.
  private mutating func checkContains(
    _ node: SchemaNode, _ contains: Int, _ elements: [JSONValue], at location: InstanceLocation,
    gather: Bool, into out: inout [SchemaViolation]
  ) -> Set<Int>? {
    let minimum = node.minContains ?? 1
    var matches = 0
    var matched: Set<Int> = []
    for (i, element) in elements.enumerated() {
      var scratch: [SchemaViolation] = []
      evaluateChild(contains, element, at: location.element(i), into: &scratch)
      if scratch.isEmpty {
        matches += 1
        if gather { matched.insert(i) }
        if !gather && node.maxContains == nil && matches >= minimum { break }
      }
    }
    let description = describe(contains)
    func what(_ count: Int) -> String {
      guard description.isTypeLike || description.values != nil else {
        return "matching \(description.phrase)"
      }
      return "that \(count == 1 ? "is" : "are") \(description.phrase)"
    }
    if matches < minimum {
      let count = minimum == 1 ? "one item" : SchemaWording.count(minimum, "item")
      out.append(
        violation(
          location, node.path(node.minContains == nil ? "contains" : "minContains"),
          "\(location.name) must contain at least \(count) \(what(minimum))"))
    }
    if let maximum = node.maxContains, matches > maximum {
      let count = SchemaWording.count(maximum, "item")
      out.append(
        violation(
          location, node.path("maxContains"),
          "\(location.name) must contain at most \(count) \(what(maximum))"))
    }
    return gather ? matched : nil
  }

  // MARK: Unevaluated members

  /// `unevaluatedProperties` and `unevaluatedItems`, after everything else at this location.
  mutating func checkUnevaluated(
    _ node: SchemaNode, _ value: JSONValue, at location: InstanceLocation,
    evaluated: inout EvaluatedMembers, into out: inout [SchemaViolation]
  ) {
    if let rest = node.unevaluatedProperties, case .object(let object) = value {
      for key in Self.distinctKeys(object) where !evaluated.covers(property: key) {
        guard let member = object[key] else { continue }
        let here = location.member(key)
        if nodes[rest].constant == false {
          out.append(
            violation(here, node.path("unevaluatedProperties"), "\(here.name) is not allowed"))
        } else {
          evaluateChild(rest, member, at: here, into: &out)
        }
      }
      evaluated.allProperties = true
    }
    if let rest = node.unevaluatedItems, case .array(let elements) = value {
      for (i, element) in elements.enumerated() where !evaluated.covers(item: i) {
        let here = location.element(i)
        if nodes[rest].constant == false {
          out.append(violation(here, node.path("unevaluatedItems"), "\(here.name) is not allowed"))
        } else {
          evaluateChild(rest, element, at: here, into: &out)
        }
      }
      evaluated.allItems = true
    }
  }
}
