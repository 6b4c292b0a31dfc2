import PreflightJSON

/// Applies compiled schema nodes to one instance and collects violations.
///
/// Every application counts towards ``JSONSchemaValidator/Options/maximumSteps`` and nesting
/// towards ``JSONSchemaValidator/Options/maximumDepth``, and a node already being applied to the
/// same value (a `$ref` cycle) is skipped, so no schema can make it run forever or overflow the
/// stack.
struct SchemaEvaluator {
  let nodes: [SchemaNode]
  let options: JSONSchemaValidator.Options

  private var steps = 0
  private var depth = 0
  /// Set once the step budget is spent; every later application returns at once.
  private(set) var isStopped = false
  /// The first "too deep" or "too complex" violation, which must reach the caller even when it
  /// happened inside an `anyOf` branch whose violations were dropped.
  private(set) var limitViolation: SchemaViolation?
  /// Nodes being applied, innermost last; those from `inPlaceBase` on apply to the current
  /// instance location.
  private var inPlace: [Int] = []
  private var inPlaceBase = 0

  /// Prepares to apply `nodes`.
  init(nodes: [SchemaNode], options: JSONSchemaValidator.Options) {
    self.nodes = nodes
    self.options = options
  }

  // MARK: Entry points

  /// Applies node `index` to a value one level down (a member, an element, a member name).
  mutating func evaluateChild(
    _ index: Int, _ value: JSONValue, at location: InstanceLocation,
    into out: inout [SchemaViolation]
  ) {
    let savedBase = inPlaceBase
    inPlaceBase = inPlace.count
    inPlace.append(index)
    _ = evaluate(index, value, at: location, collect: false, into: &out)
    inPlace.removeLast()
    inPlaceBase = savedBase
  }

  /// Applies node `index` to the same value (`$ref`, `allOf`, `anyOf`, …); a node that is
  /// already being applied to this value is a cycle and is skipped.
  mutating func evaluateInPlace(
    _ index: Int, _ value: JSONValue, at location: InstanceLocation, collect: Bool,
    into out: inout [SchemaViolation]
  ) -> EvaluatedMembers {
    if inPlace[inPlaceBase...].contains(index) { return EvaluatedMembers() }
    inPlace.append(index)
    defer { inPlace.removeLast() }
    return evaluate(index, value, at: location, collect: collect, into: &out)
  }

  // MARK: One node

  /// Applies node `index` to `value`; with `collect`, also reports which members and elements
  /// its keywords looked at.
  private mutating func evaluate(
    _ index: Int, _ value: JSONValue, at location: InstanceLocation, collect: Bool,
    into out: inout [SchemaViolation]
  ) -> EvaluatedMembers {
    guard admitStep(index, at: location, into: &out) else { return EvaluatedMembers() }
    depth += 1
    defer { depth -= 1 }
    let node = nodes[index]
    if let constant = node.constant {
      if !constant {
        out.append(violation(location, node.location, "\(location.name) is not allowed"))
      }
      return EvaluatedMembers()
    }
    if node.isNullable && value.isNull { return EvaluatedMembers() }
    if let types = node.types, !types.contains(where: { $0.matches(value) }) {
      out.append(typeViolation(node, types, value, at: location))
      return EvaluatedMembers()
    }
    checkValue(node, value, at: location, into: &out)
    let gather = collect || node.needsEvaluatedMembers
    var evaluated = EvaluatedMembers()
    switch value {
    case .number(let text):
      checkNumber(node, text, at: location, into: &out)
    case .string(let text):
      checkString(node, text, at: location, into: &out)
    case .object(let object):
      evaluated = checkObject(node, object, at: location, gather: gather, into: &out)
    case .array(let elements):
      evaluated = checkArray(node, elements, at: location, gather: gather, into: &out)
    case .null, .bool:
      break
    }
    evaluated.merge(applyInPlace(node, value, at: location, gather: gather, into: &out))
    if node.needsEvaluatedMembers {
      checkUnevaluated(node, value, at: location, evaluated: &evaluated, into: &out)
    }
    return evaluated
  }

  /// Counts one step; false (after recording why) when the budget or the depth is exhausted.
  private mutating func admitStep(
    _ index: Int, at location: InstanceLocation, into out: inout [SchemaViolation]
  ) -> Bool {
    if isStopped { return false }
    steps += 1
    if steps > options.maximumSteps {
      isStopped = true
      let v = violation(
        InstanceLocation(rootName: options.rootName), "#",
        "\(options.rootName) is too large or complex to check completely (more than "
          + "\(options.maximumSteps) steps)")
      out.append(v)
      limitViolation = limitViolation ?? v
      return false
    }
    if depth >= options.maximumDepth {
      let v = violation(
        location, nodes[index].location,
        "\(location.name) is nested too deeply to check (more than \(options.maximumDepth) "
          + "levels of schema)")
      out.append(v)
      limitViolation = limitViolation ?? v
      return false
    }
    return true
  }

  // MARK: Helpers shared by the keyword checks

  /// A violation at `location`.
  func violation(
    _ location: InstanceLocation, _ schemaPath: String, _ message: String
  ) -> SchemaViolation {
    SchemaViolation(path: location.pointer, schemaPath: schemaPath, message: message)
  }

  private func typeViolation(
    _ node: SchemaNode, _ types: [SchemaType], _ value: JSONValue, at location: InstanceLocation
  ) -> SchemaViolation {
    var phrases = types.map(\.phrase)
    if node.isNullable && !types.contains(.null) { phrases.append("null") }
    let actual = SchemaWording.actual(value, expected: types)
    return violation(
      location, node.path("type"),
      "\(location.name) must be \(SchemaWording.orList(phrases)), not \(actual)")
  }

  /// `const` and `enum`.
  private func checkValue(
    _ node: SchemaNode, _ value: JSONValue, at location: InstanceLocation,
    into out: inout [SchemaViolation]
  ) {
    guard node.constKey != nil || node.enumValues != nil else { return }
    let key = CanonicalJSON(value)
    if let constKey = node.constKey, let constValue = node.constValue, key != constKey {
      out.append(
        violation(
          location, node.path("const"),
          "\(location.name) must be \(SchemaWording.preview(constValue))"))
    }
    if let values = node.enumValues, !node.enumKeys.contains(key) {
      let message =
        switch values.count {
        case 0: "\(location.name) is not allowed (the enum lists no values)"
        case 1: "\(location.name) must be \(SchemaWording.preview(values[0]))"
        default: "\(location.name) must be one of \(SchemaWording.valueList(values))"
        }
      out.append(violation(location, node.path("enum"), message))
    }
  }
}
