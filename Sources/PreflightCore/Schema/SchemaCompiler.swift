import PreflightJSON

/// Turns a schema document into a table of ``SchemaNode``s: every subschema reachable from the
/// root (and every `$defs`/`definitions` entry) once, `$ref`s resolved to table indices, and
/// everything wrong with the schema itself written down as a problem rather than thrown.
///
/// It works from a queue rather than by recursion, so neither deep nesting nor long `$ref`
/// chains can exhaust the stack.
struct SchemaCompiler {
  private let root: JSONValue
  /// Draft-04, -06 and -07 ignore the siblings of `$ref`; 2019-09 and 2020-12 apply them.
  private let referencesReplaceSiblings: Bool
  private let rootID: String?

  /// The nodes being compiled; index 0 is the root.
  private var drafts: [SchemaNodeDraft] = []
  /// The compiled nodes (after ``compile()``); index 0 is the root.
  private(set) var nodes: [SchemaNode] = []
  /// Problems with the schema, each starting with the schema path it concerns.
  private(set) var problems: [String] = []

  private var indexByPointer: [JSONPointer: Int] = [:]
  /// Nodes reserved but not compiled yet, with their schema when the caller had it at hand.
  private var queue: [(index: Int, value: JSONValue?)] = []
  private var nextInQueue = 0
  private var pendingReferences: [PendingReference] = []
  private var anchors: [String: Int] = [:]
  private var resources: [String: JSONPointer] = [:]

  private struct PendingReference {
    var node: Int
    var reference: String
    var keyword: String
  }

  /// Prepares to compile `root`.
  init(root: JSONValue) {
    self.root = root
    let dialect = root["$schema"]?.stringValue ?? ""
    referencesReplaceSiblings = ["draft-03", "draft-04", "draft-05", "draft-06", "draft-07"]
      .contains { dialect.contains($0) }
    rootID = root["$id"]?.stringValue.map(Self.withoutEmptyFragment)
  }

  /// Compiles the whole document.
  mutating func compile() {
    _ = reserve(JSONPointer())
    drainQueue()
    var unresolved: [PendingReference] = []
    while true {
      unresolved += pendingReferences
      pendingReferences = []
      var progress = false
      var still: [PendingReference] = []
      for pending in unresolved {
        if let target = lookUp(pending.reference) {
          drafts[pending.node].reference = target
          progress = true
        } else {
          still.append(pending)
        }
      }
      unresolved = still
      drainQueue()
      if !progress && pendingReferences.isEmpty { break }
    }
    for pending in unresolved {
      problems.append(
        "\(drafts[pending.node].path(pending.keyword)): can't resolve \(quoted(pending.reference)) "
          + "(only references within this schema are followed), so it allows anything")
    }
    reportInPlaceCycles()
    nodes = drafts.map(SchemaNode.init)
  }

  // MARK: The queue

  private mutating func reserve(_ pointer: JSONPointer, value: JSONValue? = nil) -> Int {
    if let index = indexByPointer[pointer] { return index }
    let index = drafts.count
    drafts.append(SchemaNodeDraft(pointer: pointer, constant: true))
    indexByPointer[pointer] = index
    queue.append((index, value))
    return index
  }

  private mutating func drainQueue() {
    while nextInQueue < queue.count {
      let (index, value) = queue[nextInQueue]
      nextInQueue += 1
      compileNode(index, value: value ?? drafts[index].pointer.resolve(in: root))
    }
    queue.removeAll()
    nextInQueue = 0
  }

  private mutating func compileNode(_ index: Int, value: JSONValue?) {
    let pointer = drafts[index].pointer
    switch value {
    case .bool(let b):
      drafts[index].constant = b
    case .object(let object):
      drafts[index] = compileObject(object, index: index, at: pointer)
    case let other?:
      problems.append(
        "\(drafts[index].location): a schema must be an object or a boolean, not "
          + "\(other.typeName), so it allows anything")
    case nil:
      problems.append("\(drafts[index].location): there is no schema here, so it allows anything")
    }
  }

  // MARK: Keywords

  private mutating func compileObject(
    _ o: JSONObject, index: Int, at pointer: JSONPointer
  ) -> SchemaNodeDraft {
    var node = SchemaNodeDraft(pointer: pointer)
    node.title = o["title"]?.stringValue
    registerIdentifiers(o, index: index, at: pointer)
    for key in ["$defs", "definitions"] { _ = schemaMap(o, key, at: pointer) }

    var hasReference = false
    for key in ["$ref", "$dynamicRef", "$recursiveRef"] {
      guard let value = o[key] else { continue }
      guard let reference = value.stringValue else {
        problem(pointer, key, "must be a string, not \(preview(value))")
        continue
      }
      hasReference = true
      if key != "$ref" {
        problem(pointer, key, "is followed like $ref (dynamic scopes are not supported)")
      }
      node.referenceName = Self.referenceName(reference)
      pendingReferences.append(PendingReference(node: index, reference: reference, keyword: key))
      break
    }
    if hasReference && referencesReplaceSiblings { return node }
    for key in ["disallow", "extends", "divisibleBy"] where o[key] != nil {
      problem(pointer, key, "is a draft-03 keyword Preflight does not support, so it is ignored")
    }

    compileAssertions(o, into: &node, at: pointer)
    compileObjectKeywords(o, into: &node, at: pointer)
    compileArrayKeywords(o, into: &node, at: pointer)
    compileApplicators(o, into: &node, at: pointer)
    return node
  }

  private mutating func registerIdentifiers(_ o: JSONObject, index: Int, at pointer: JSONPointer) {
    for key in ["$anchor", "$dynamicAnchor"] {
      if let anchor = o[key]?.stringValue { anchors[anchor] = index }
    }
    guard let id = o["$id"]?.stringValue else { return }
    if id.hasPrefix("#") {
      anchors[String(id.dropFirst())] = index  // draft-06/07 plain-name fragment
      return
    }
    let bare = Self.withoutEmptyFragment(id)
    resources[bare] = pointer
    if let rootID, !bare.contains(":"), let slash = rootID.lastIndex(of: "/") {
      resources[String(rootID[...slash]) + bare] = pointer
    }
  }

  private mutating func compileAssertions(
    _ o: JSONObject, into node: inout SchemaNodeDraft, at pointer: JSONPointer
  ) {
    if let type = o["type"] { node.types = types(type, at: pointer) }
    node.isNullable = o["nullable"] == .bool(true)
    if let values = o["enum"] {
      if let list = values.arrayValue {
        node.enumValues = list
        node.enumKeys = Set(list.map(CanonicalJSON.init))
      } else {
        problem(pointer, "enum", "must be an array, not \(preview(values))")
      }
    }
    if let value = o["const"] {
      node.constValue = value
      node.constKey = CanonicalJSON(value)
    }
    compileNumericKeywords(o, into: &node, at: pointer)
    node.minLength = nonNegativeInteger(o, "minLength", at: pointer)
    node.maxLength = nonNegativeInteger(o, "maxLength", at: pointer)
    if let value = o["pattern"] {
      if let source = value.stringValue {
        node.pattern = regex(source, at: pointer, "pattern")
      } else {
        problem(pointer, "pattern", "must be a string, not \(preview(value))")
      }
    }
    node.format = o["format"]?.stringValue
  }

  private mutating func compileNumericKeywords(
    _ o: JSONObject, into node: inout SchemaNodeDraft, at pointer: JSONPointer
  ) {
    for (keyword, isLower) in [("minimum", true), ("maximum", false)] {
      guard let (value, text) = number(o, keyword, at: pointer) else { continue }
      var bound = NumericBound(
        value: value, text: text, isLower: isLower, isExclusive: false, keyword: keyword)
      // Draft-04: a boolean exclusiveMinimum/exclusiveMaximum modifies minimum/maximum.
      let modifier = isLower ? "exclusiveMinimum" : "exclusiveMaximum"
      if o[modifier] == .bool(true) {
        bound.isExclusive = true
        bound.keyword = modifier
      }
      node.numericBounds.append(bound)
    }
    for (keyword, isLower) in [("exclusiveMinimum", true), ("exclusiveMaximum", false)] {
      guard let value = o[keyword] else { continue }
      if value.boolValue != nil {
        let base = isLower ? "minimum" : "maximum"
        if value == .bool(true) && o[base] == nil {
          problem(pointer, keyword, "is true but there is no \(base), so it has no effect")
        }
        continue
      }
      guard let (limit, text) = number(o, keyword, at: pointer) else { continue }
      node.numericBounds.append(
        NumericBound(
          value: limit, text: text, isLower: isLower, isExclusive: true, keyword: keyword))
    }
    if let (value, text) = number(o, "multipleOf", at: pointer) {
      if value.isZero || value.isNegative {
        problem(pointer, "multipleOf", "must be greater than 0, not \(text)")
      } else {
        node.multipleOf = (value, text)
      }
    }
  }

  private mutating func compileObjectKeywords(
    _ o: JSONObject, into node: inout SchemaNodeDraft, at pointer: JSONPointer
  ) {
    for (name, index) in schemaMap(o, "properties", at: pointer) {
      node.properties[name] = index
      node.propertyOrder.append(name)
    }
    if let patterns = o["patternProperties"]?.objectValue {
      for member in patterns.members {
        let child = pointer.appending("patternProperties").appending(member.key)
        guard isSchema(member.value, at: child),
          let regex = regex(member.key, at: pointer, "patternProperties", member.key)
        else { continue }
        node.patternProperties.append((regex, reserve(child, value: member.value)))
      }
    } else if let value = o["patternProperties"] {
      problem(pointer, "patternProperties", "must be an object, not \(preview(value))")
    }
    node.additionalProperties = schema(o, "additionalProperties", at: pointer)
    node.propertyNames = schema(o, "propertyNames", at: pointer)
    node.unevaluatedProperties = schema(o, "unevaluatedProperties", at: pointer)
    if let value = o["required"] {
      if let names = value.arrayValue, names.allSatisfy({ $0.stringValue != nil }) {
        node.required = names.compactMap(\.stringValue)
      } else {
        problem(pointer, "required", "must be an array of property names, not \(preview(value))")
      }
    }
    node.minProperties = nonNegativeInteger(o, "minProperties", at: pointer)
    node.maxProperties = nonNegativeInteger(o, "maxProperties", at: pointer)
    for keyword in ["dependentRequired", "dependencies"] {
      guard let value = o[keyword] else { continue }
      guard let map = value.objectValue else {
        problem(pointer, keyword, "must be an object, not \(preview(value))")
        continue
      }
      for member in map.members {
        if let names = member.value.arrayValue, names.allSatisfy({ $0.stringValue != nil }) {
          node.dependentRequired.append(
            (member.key, names.compactMap(\.stringValue), keyword))
        } else if keyword == "dependencies",
          isSchema(member.value, at: pointer.appending(keyword).appending(member.key))
        {
          let child = reserve(pointer.appending(keyword).appending(member.key), value: member.value)
          node.dependentSchemas.append((member.key, child))
        } else if keyword == "dependentRequired" {
          problem(
            pointer, keyword, member.key,
            "must be an array of property names, not \(preview(member.value))")
        }
      }
    }
    for (name, index) in schemaMap(o, "dependentSchemas", at: pointer) {
      node.dependentSchemas.append((name, index))
    }
  }

  private mutating func compileArrayKeywords(
    _ o: JSONObject, into node: inout SchemaNodeDraft, at pointer: JSONPointer
  ) {
    node.prefixItems = schemaList(o, "prefixItems", at: pointer)
    if let value = o["items"], value.arrayValue != nil {
      // Draft-07's tuple form: items is the prefix and additionalItems the rest.
      if o["prefixItems"] == nil {
        node.prefixItems = schemaList(o, "items", at: pointer)
        node.prefixKeyword = "items"
        node.items = schema(o, "additionalItems", at: pointer)
        node.itemsKeyword = "additionalItems"
      } else {
        problem(pointer, "items", "is an array next to prefixItems, so it is ignored")
      }
    } else {
      node.items = schema(o, "items", at: pointer)
    }
    node.contains = schema(o, "contains", at: pointer)
    node.minContains = nonNegativeInteger(o, "minContains", at: pointer)
    node.maxContains = nonNegativeInteger(o, "maxContains", at: pointer)
    node.minItems = nonNegativeInteger(o, "minItems", at: pointer)
    node.maxItems = nonNegativeInteger(o, "maxItems", at: pointer)
    if let value = o["uniqueItems"] {
      if let flag = value.boolValue {
        node.uniqueItems = flag
      } else {
        problem(pointer, "uniqueItems", "must be a boolean, not \(preview(value))")
      }
    }
    node.unevaluatedItems = schema(o, "unevaluatedItems", at: pointer)
  }

  private mutating func compileApplicators(
    _ o: JSONObject, into node: inout SchemaNodeDraft, at pointer: JSONPointer
  ) {
    node.allOf = schemaList(o, "allOf", at: pointer, nonEmpty: true)
    node.anyOf = schemaList(o, "anyOf", at: pointer, nonEmpty: true)
    node.oneOf = schemaList(o, "oneOf", at: pointer, nonEmpty: true)
    node.not = schema(o, "not", at: pointer)
    node.ifNode = schema(o, "if", at: pointer)
    node.thenNode = schema(o, "then", at: pointer)
    node.elseNode = schema(o, "else", at: pointer)
  }

  // MARK: Keyword values

  private mutating func types(_ value: JSONValue, at pointer: JSONPointer) -> [SchemaType]? {
    let names: [JSONValue]
    switch value {
    case .string: names = [value]
    case .array(let list) where !list.isEmpty: names = list
    default:
      problem(
        pointer, "type", "must be a type name or a non-empty array of them, not \(preview(value))")
      return nil
    }
    var result: [SchemaType] = []
    for name in names {
      guard let text = name.stringValue else {
        problem(pointer, "type", "must list type names, not \(preview(name))")
        continue
      }
      if text == "any" { return nil }  // draft-03
      guard let type = SchemaType(rawValue: text) else {
        problem(pointer, "type", "names an unknown type \(quoted(text)), which is ignored")
        continue
      }
      result.append(type)
    }
    return result.isEmpty ? nil : result
  }

  private mutating func isSchema(_ value: JSONValue, at pointer: JSONPointer) -> Bool {
    switch value {
    case .object, .bool:
      return true
    default:
      problems.append(
        "\(SchemaPointerText.fragment(pointer.tokens)): must be a schema (an object or a boolean), not "
          + "\(preview(value)), so it is ignored")
      return false
    }
  }

  private mutating func schema(_ o: JSONObject, _ key: String, at pointer: JSONPointer) -> Int? {
    guard let value = o[key], isSchema(value, at: pointer.appending(key)) else { return nil }
    return reserve(pointer.appending(key), value: value)
  }

  private mutating func schemaList(
    _ o: JSONObject, _ key: String, at pointer: JSONPointer, nonEmpty: Bool = false
  ) -> [Int] {
    guard let value = o[key] else { return [] }
    guard let list = value.arrayValue, !(nonEmpty && list.isEmpty) else {
      problem(pointer, key, "must be a non-empty array of schemas, not \(preview(value))")
      return []
    }
    var result: [Int] = []
    for (i, element) in list.enumerated() {
      let child = pointer.appending(key).appending(i)
      if isSchema(element, at: child) { result.append(reserve(child, value: element)) }
    }
    return result
  }

  private mutating func schemaMap(
    _ o: JSONObject, _ key: String, at pointer: JSONPointer
  ) -> [(String, Int)] {
    guard let value = o[key] else { return [] }
    guard let map = value.objectValue else {
      problem(pointer, key, "must be an object, not \(preview(value))")
      return []
    }
    var result: [(String, Int)] = []
    var seen = Set<String>()
    // The last of repeated names wins, as with any lookup; keep the first one's position.
    for member in map.members where seen.insert(member.key).inserted {
      let child = pointer.appending(key).appending(member.key)
      if let last = map[member.key], isSchema(last, at: child) {
        result.append((member.key, reserve(child, value: last)))
      }
    }
    return result
  }

  private mutating func number(
    _ o: JSONObject, _ key: String, at pointer: JSONPointer
  ) -> (DecimalNumber, String)? {
    guard let value = o[key] else { return nil }
    guard let text = value.numberText, let number = DecimalNumber(text) else {
      problem(pointer, key, "must be a number, not \(preview(value))")
      return nil
    }
    return (number, text)
  }

  private mutating func nonNegativeInteger(
    _ o: JSONObject, _ key: String, at pointer: JSONPointer
  ) -> Int? {
    guard let value = o[key] else { return nil }
    guard let text = value.numberText, let number = DecimalNumber(text), number.isInteger,
      !number.isNegative
    else {
      problem(pointer, key, "must be a non-negative integer, not \(preview(value))")
      return nil
    }
    return number.clampedInt
  }

  private mutating func regex(
    _ source: String, at pointer: JSONPointer, _ tokens: String...
  ) -> ECMARegex? {
    do {
      return try ECMARegex(source)
    } catch {
      problems.append(
        "\(SchemaPointerText.fragment(pointer.tokens + tokens)): \(quoted(source)) is "
          + "not a regular expression Preflight can check (\(error)), so it is not checked")
      return nil
    }
  }

  // MARK: References

  private mutating func lookUp(_ reference: String) -> Int? {
    let hash = reference.firstIndex(of: "#")
    let base = hash.map { String(reference[..<$0]) } ?? reference
    let fragment =
      hash.map { Self.percentDecoded(String(reference[reference.index(after: $0)...])) } ?? ""
    let resource: JSONPointer
    if base.isEmpty || base == rootID {
      resource = JSONPointer()
    } else if let known = resources[base] {
      resource = known
    } else {
      return nil
    }
    if fragment.isEmpty { return reserve(resource) }
    if fragment.hasPrefix("/") {
      guard let relative = JSONPointer(fragment) else { return nil }
      let target = JSONPointer(tokens: resource.tokens + relative.tokens)
      guard target.resolve(in: root) != nil else { return nil }
      return reserve(target)
    }
    return anchors[fragment]
  }

  /// `Task` for `#/$defs/Task`; nil for `#`.
  private static func referenceName(_ reference: String) -> String? {
    guard let hash = reference.firstIndex(of: "#") else { return nil }
    let fragment = percentDecoded(String(reference[reference.index(after: hash)...]))
    if fragment.hasPrefix("/") {
      return JSONPointer(fragment)?.tokens.last.flatMap { $0.isEmpty ? nil : $0 }
    }
    return fragment.isEmpty ? nil : fragment
  }

  private static func withoutEmptyFragment(_ id: String) -> String {
    id.hasSuffix("#") ? String(id.dropLast()) : id
  }

  private static func percentDecoded(_ text: String) -> String {
    guard text.contains("%") else { return text }
    var bytes: [UInt8] = []
    let utf8 = Array(text.utf8)
    var i = 0
    while i < utf8.count {
      if utf8[i] == 0x25, i + 2 < utf8.count, let high = hexDigit(utf8[i + 1]),
        let low = hexDigit(utf8[i + 2])
      {
        bytes.append(high << 4 | low)
        i += 3
      } else {
        bytes.append(utf8[i])
        i += 1
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func hexDigit(_ b: UInt8) -> UInt8? {
    switch b {
    case 0x30...0x39: b - 0x30
    case 0x41...0x46: b - 0x41 + 10
    case 0x61...0x66: b - 0x61 + 10
    default: nil
    }
  }

  // MARK: Cycles

  /// Finds loops of `$ref`/`allOf`/`anyOf`/… that apply schemas to the same value forever; the
  /// validator cuts them off, and the schema's author should hear about them.
  private mutating func reportInPlaceCycles() {
    var state = Array(repeating: 0, count: drafts.count)  // 0 new, 1 on the path, 2 done
    var reported = Set<Set<Int>>()
    for start in drafts.indices where state[start] == 0 {
      var path: [Int] = [start]
      var edgeStack: [[Int]] = [inPlaceEdges(start)]
      state[start] = 1
      while let top = edgeStack.indices.last {
        guard let next = edgeStack[top].popLast() else {
          state[path.removeLast()] = 2
          edgeStack.removeLast()
          continue
        }
        switch state[next] {
        case 0:
          state[next] = 1
          path.append(next)
          edgeStack.append(inPlaceEdges(next))
        case 1:
          let loop = Array(path[path.lastIndex(of: next)!...])
          if reported.insert(Set(loop)).inserted {
            let names = (loop + [next]).map { drafts[$0].location }.joined(separator: " → ")
            problems.append(
              "\(drafts[next].location): $ref cycle \(names) never moves into the value, so it "
                + "is cut off")
          }
        default:
          break
        }
      }
    }
  }

  private func inPlaceEdges(_ index: Int) -> [Int] {
    let node = drafts[index]
    var edges = node.allOf + node.anyOf + node.oneOf + node.dependentSchemas.map(\.node)
    for single in [node.reference, node.not, node.ifNode, node.thenNode, node.elseNode] {
      if let single { edges.append(single) }
    }
    return edges.reversed()
  }

  // MARK: Problems

  private mutating func problem(_ pointer: JSONPointer, _ tokens: String..., text: String) {
    let path = SchemaPointerText.fragment(pointer.tokens + tokens)
    problems.append("\(path): \(tokens.first ?? "") \(text)")
  }

  private mutating func problem(_ pointer: JSONPointer, _ keyword: String, _ text: String) {
    problem(pointer, keyword, text: text)
  }

  private mutating func problem(
    _ pointer: JSONPointer, _ keyword: String, _ key: String, _ text: String
  ) {
    problem(pointer, keyword, key, text: text)
  }

  private func preview(_ value: JSONValue) -> String {
    SchemaWording.preview(value)
  }

  private func quoted(_ text: String) -> String {
    JSONPrinter.compact(.string(text))
  }
}
