import PreflightJSON
import TerminalGrid

/// A JSON Schema as readable lines: each property with its type, whether it is required, its
/// enum values, default and description; nested objects indented; `$ref`s resolved locally.
enum SchemaTree {
  static let maximumDepth = 6

  /// The lines for a schema (the root is usually an object).
  static func lines(_ schema: JSONValue, width: Int) -> [StyledLine] {
    var out: [StyledLine] = []
    walk(schema, root: schema, depth: 0, width: width, into: &out, seen: [])
    if out.isEmpty { out.append(StyledLine("  (no properties)", Palette.dim)) }
    return out
  }

  private static func walk(
    _ schema: JSONValue, root: JSONValue, depth: Int, width: Int, into out: inout [StyledLine],
    seen: Set<String>
  ) {
    let (resolved, seen) = resolve(schema, root: root, seen: seen)
    guard let properties = resolved["properties"]?.objectValue else { return }
    let required = Set(resolved["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
    let indent = String(repeating: "  ", count: depth + 1)
    let nameWidth = min(26, max(8, properties.keys.map { DisplayWidth.of($0) }.max() ?? 8) + 3)
    for member in properties.members {
      let (property, innerSeen) = resolve(member.value, root: root, seen: seen)
      var spans = [Span(indent)]
      let name = member.key + (required.contains(member.key) ? " *" : "")
      spans.append(
        Span(pad(name, nameWidth), required.contains(member.key) ? Palette.title : .plain))
      spans.append(Span(pad(typeText(member.value, root: root), 16), Palette.accent))
      var notes: [String] = []
      if let values = enumValues(property) { notes.append(values.joined(separator: " | ")) }
      if let def = property["default"] { notes.append("default " + JSONPrinter.compact(def)) }
      if let description = property["description"]?.stringValue
        ?? member.value["description"]?.stringValue
      {
        notes.append(description)
      }
      spans.append(Span(notes.joined(separator: " · "), Palette.dim))
      out.append(StyledLine(spans))
      if depth + 1 < maximumDepth {
        if property["properties"] != nil {
          walk(property, root: root, depth: depth + 1, width: width, into: &out, seen: innerSeen)
        } else if let items = property["items"] {
          let (item, itemSeen) = resolve(items, root: root, seen: innerSeen)
          if item["properties"] != nil {
            walk(item, root: root, depth: depth + 1, width: width, into: &out, seen: itemSeen)
          }
        }
      }
    }
  }

  /// Follows a local `$ref` (`#/$defs/X`, `#/definitions/X`), and unwraps `anyOf`/`oneOf` of
  /// one schema plus null; keeps track of refs seen to stop cycles.
  static func resolve(_ schema: JSONValue, root: JSONValue, seen: Set<String>) -> (
    JSONValue, Set<String>
  ) {
    var current = schema
    var seen = seen
    for _ in 0..<8 {
      if let ref = current["$ref"]?.stringValue, ref.hasPrefix("#"), !seen.contains(ref),
        let pointer = JSONPointer(String(ref.dropFirst())), let target = pointer.resolve(in: root)
      {
        seen.insert(ref)
        current = target
        continue
      }
      if let branches = (current["anyOf"] ?? current["oneOf"])?.arrayValue {
        let nonNull = branches.filter { $0["type"] != .string("null") }
        if nonNull.count == 1, branches.count == 2 {
          current = nonNull[0]
          continue
        }
      }
      break
    }
    return (current, seen)
  }

  /// `string`, `string·date`, `integer`, `string[]`, `Task` (a `$ref`'s name), `enum`,
  /// `string?` (nullable), `any`.
  static func typeText(_ schema: JSONValue, root: JSONValue) -> String {
    var nullable = false
    var s = schema
    if let branches = (s["anyOf"] ?? s["oneOf"])?.arrayValue {
      let nonNull = branches.filter { $0["type"] != .string("null") }
      nullable = nonNull.count < branches.count
      if nonNull.count == 1 {
        s = nonNull[0]
      } else if enumValues(schema) == nil {
        return nonNull.map { typeText($0, root: root) }.joined(separator: " | ")
          + (nullable ? "?" : "")
      }
    }
    if let ref = s["$ref"]?.stringValue {
      let name = ref.split(separator: "/").last.map(String.init) ?? ref
      return name + (nullable ? "?" : "")
    }
    if enumValues(s) != nil && s["type"] == nil { return "enum" + (nullable ? "?" : "") }
    var text: String
    switch s["type"] {
    case .string(let t)?: text = t
    case .array(let types)?:
      let names = types.compactMap(\.stringValue)
      nullable = nullable || names.contains("null")
      text = names.filter { $0 != "null" }.joined(separator: "|")
    default: text = s["properties"] != nil ? "object" : "any"
    }
    if text == "array", let items = s["items"] {
      text = typeText(items, root: root) + "[]"
    }
    if let format = s["format"]?.stringValue { text += "·" + format }
    if enumValues(s) != nil { text = "enum" }
    return text + (nullable ? "?" : "")
  }

  /// Enum values as text: `enum`, `oneOf`/`anyOf` of `const`, or array `items.enum`.
  static func enumValues(_ schema: JSONValue) -> [String]? {
    if let values = schema["enum"]?.arrayValue {
      return values.map { $0.stringValue ?? JSONPrinter.compact($0) }
    }
    if let branches = (schema["oneOf"] ?? schema["anyOf"])?.arrayValue,
      !branches.isEmpty, branches.allSatisfy({ $0["const"] != nil })
    {
      return branches.compactMap { b in b["const"].map { $0.stringValue ?? JSONPrinter.compact($0) }
      }
    }
    if let items = schema["items"], let values = enumValues(items) { return values }
    return nil
  }

  private static func pad(_ text: String, _ width: Int) -> String {
    let w = DisplayWidth.of(text)
    return w >= width ? text + " " : text + String(repeating: " ", count: width - w)
  }
}
