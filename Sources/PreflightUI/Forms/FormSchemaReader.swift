import PreflightJSON

/// Reads a JSON Schema into form fields: follows local `$ref`s (`#/$defs/…`, `#/definitions/…`)
/// with a cycle guard, unwraps `anyOf`/`oneOf` of one schema plus null, single-schema `allOf`
/// and `type: [T, "null"]`, and turns what a form cannot express into raw JSON fields.
struct FormSchemaReader {
  /// How deeply objects and lists nest before the rest is edited as raw JSON.
  static let maximumDepth = 8

  /// The whole schema, for resolving `$ref`s.
  let root: JSONValue

  /// The field for `schema` at `path`. `refs` are the `$ref`s being expanded above this field:
  /// meeting one again (a recursive schema) makes the field raw.
  func field(
    _ schema: JSONValue, name: String, path: JSONPointer, required: Bool, depth: Int,
    refs: Set<String> = []
  ) -> FormField {
    var field = FormField(path: path, name: name, required: required, kind: .raw)
    var current = schema
    var refs = refs
    var followedRef = false
    var nullable = false
    var cycle = false
    for _ in 0..<32 {
      if !followedRef, let title = current["title"]?.stringValue, field.label == name {
        field.label = title
      }
      if field.description == nil { field.description = current["description"]?.stringValue }
      if field.defaultValue == nil { field.defaultValue = current["default"] }
      if let ref = current["$ref"]?.stringValue {
        guard ref.hasPrefix("#"), let pointer = JSONPointer(String(ref.dropFirst())),
          let target = pointer.resolve(in: root)
        else { break }
        if refs.contains(ref) {
          cycle = true
          break
        }
        refs.insert(ref)
        followedRef = true
        current = target
        continue
      }
      if let all = current["allOf"]?.arrayValue, all.count == 1 {
        current = all[0]
        continue
      }
      if let branches = (current["anyOf"] ?? current["oneOf"])?.arrayValue {
        let nonNull = branches.filter { !Self.isNull($0) }
        if nonNull.count < branches.count { nullable = true }
        if nonNull.count == 1 {
          current = nonNull[0]
          continue
        }
      }
      break
    }
    field.nullable = nullable
    if cycle || depth > Self.maximumDepth { return field }
    field.kind = kind(of: current, field: field, depth: depth, refs: refs)
    if case .array(let types) = current["type"], types.contains(.string("null")) {
      field.nullable = true
    }
    if case .choice(let options) = field.kind, options.contains(where: { $0.value == .null }) {
      field.nullable = true
    }
    return field
  }

  private func kind(of schema: JSONValue, field: FormField, depth: Int, refs: Set<String>)
    -> FormFieldKind
  {
    if let options = Self.options(schema) { return .choice(options: options) }
    if let branches = (schema["anyOf"] ?? schema["oneOf"])?.arrayValue,
      branches.filter({ !Self.isNull($0) }).count > 1
    {
      return .raw
    }
    if schema["allOf"] != nil { return .raw }
    var type = schema["type"]?.stringValue
    if case .array(let types) = schema["type"] {
      let nonNull = types.compactMap(\.stringValue).filter { $0 != "null" }
      guard nonNull.count == 1 else { return .raw }
      type = nonNull[0]
    }
    if type == nil {
      if schema["properties"] != nil {
        type = "object"
      } else if schema["items"] != nil {
        type = "array"
      } else if depth == 0 {
        type = "object"  // `{}` as a tool's input schema: a form with no fields
      }
    }
    switch type {
    case "string":
      return .text(
        format: schema["format"]?.stringValue, pattern: schema["pattern"]?.stringValue)
    case "number": return .number
    case "integer": return .integer
    case "boolean": return .boolean
    case "object":
      guard let properties = schema["properties"]?.objectValue else {
        // A map (`additionalProperties`) or an object of any shape; the root is a form
        // with no fields instead.
        let extra = schema["additionalProperties"]
        let isMap = (extra != nil && extra != .bool(false)) || schema["patternProperties"] != nil
        return depth == 0 && !isMap ? .object(fields: []) : .raw
      }
      let required = Set(schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
      var seen = Set<String>()
      var fields: [FormField] = []
      for member in properties.members where seen.insert(member.key).inserted {
        fields.append(
          self.field(
            member.value, name: member.key, path: field.path.appending(member.key),
            required: required.contains(member.key), depth: depth + 1, refs: refs))
      }
      return .object(fields: fields)
    case "array":
      guard let items = schema["items"], items.objectValue != nil else { return .raw }
      let item = self.field(
        items, name: field.name, path: field.path.appending("-"), required: true,
        depth: depth + 1, refs: refs)
      if case .choice(let options) = item.kind, !item.nullable {
        return .multiChoice(options: options)
      }
      return .list(item: item)
    default:
      return .raw
    }
  }

  /// Whether a branch only allows null (`{"type": "null"}`, `{"const": null}`).
  static func isNull(_ schema: JSONValue) -> Bool {
    schema["type"] == .string("null") || schema["const"] == .null
      || schema["enum"] == .array([.null])
  }

  /// The options of a choice: `enum` (titles from legacy `enumNames`), a lone `const`, or
  /// `oneOf`/`anyOf` whose branches are all `const` (titles from each branch's `title`), null
  /// branches left out.
  static func options(_ schema: JSONValue) -> [FormOption]? {
    if let values = schema["enum"]?.arrayValue, !values.isEmpty {
      let names = schema["enumNames"]?.arrayValue?.compactMap(\.stringValue)
      return values.enumerated().map { index, value in
        if let names, names.count == values.count {
          return FormOption(value: value, title: names[index])
        }
        return FormOption(value: value)
      }
    }
    if let value = schema["const"] { return [FormOption(value: value)] }
    if let branches = (schema["oneOf"] ?? schema["anyOf"])?.arrayValue {
      let nonNull = branches.filter { !isNull($0) }
      guard !nonNull.isEmpty, nonNull.allSatisfy({ $0["const"] != nil }) else { return nil }
      return nonNull.compactMap { branch in
        guard let value = branch["const"] else { return nil }
        guard let title = branch["title"]?.stringValue else { return FormOption(value: value) }
        return FormOption(value: value, title: title)
      }
    }
    return nil
  }
}
