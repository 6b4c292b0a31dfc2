import PreflightJSON

extension CheckEngine {
  /// The members of the file object ChatGPT passes for a file parameter, and the two it
  /// always sends (chatgpt-approval.md §9.1).
  static let fileObjectMembers = ["download_url", "file_id", "mime_type", "file_name"]
  static let fileObjectRequired: Set = ["download_url", "file_id"]

  /// `_meta["openai/fileParams"]`: an array of top-level argument names, each an input
  /// property whose schema is the file object.
  static func fileParamsFindings(
    _ tool: JSONValue, name: String, evidence: [Int]
  ) -> [CheckFinding] {
    guard let value = tool["_meta"]?["openai/fileParams"] else { return [] }
    let path = pointer("_meta", "openai/fileParams")
    guard let items = value.arrayValue, items.allSatisfy({ $0.stringValue != nil }) else {
      let what = value.arrayValue != nil ? "an array with non-string items" : "a \(value.typeName)"
      return [
        CheckRules.fileParamsType.finding(
          "\(quoted(name))'s _meta[\"openai/fileParams\"] is \(what), not an array of "
            + "argument names.", tool: name, path: path, evidence: evidence)
      ]
    }
    var out: [CheckFinding] = []
    let properties = tool["inputSchema"]?["properties"]?.objectValue
    for (index, item) in items.enumerated() {
      let field = item.stringValue ?? ""
      guard let schema = properties?[field] else {
        let nested = field.contains(".") || field.contains("/") || field.contains("[")
        out.append(
          CheckRules.fileParamsName.finding(
            "\(quoted(name)) lists \(quoted(field)) in openai/fileParams, but "
              + (nested
                ? "it names a nested field, and only top-level arguments can take files."
                : "inputSchema.properties has no such property."),
            tool: name, path: path + "/\(index)", evidence: evidence))
        continue
      }
      let problems = fileSchemaProblems(schema)
      if !problems.isEmpty {
        out.append(
          CheckRules.fileParamsSchema.finding(
            "\(quoted(name))'s file parameter \(quoted(field)) is not the file object: "
              + problems.joined(separator: "; ") + ".", tool: name,
            path: pointer("inputSchema", "properties", field), evidence: evidence))
      }
    }
    return out
  }

  /// What keeps `schema` from being the file object ChatGPT sends.
  static func fileSchemaProblems(_ schema: JSONValue) -> [String] {
    guard schema.objectValue != nil else { return ["its schema is a \(schema.typeName)"] }
    var problems: [String] = []
    if let type = schema["type"], type.stringValue != "object" {
      problems.append("its type is \(JSONPrinter.compact(type)), not \"object\"")
    }
    let members = schema["properties"]?.objectValue
    let missing = fileObjectMembers.filter { members?[$0] == nil }
    if !missing.isEmpty {
      problems.append("it does not declare " + missing.joined(separator: ", "))
    }
    for member in fileObjectMembers {
      if let type = members?[member]?["type"], type.stringValue != "string" {
        problems.append("\(member) has type \(JSONPrinter.compact(type)), not \"string\"")
      }
    }
    let required = Set(schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
    let notRequired = fileObjectRequired.subtracting(required).sorted()
    if !notRequired.isEmpty {
      problems.append("it does not require " + notRequired.joined(separator: ", "))
    }
    let extra = required.subtracting(fileObjectRequired).sorted()
    if !extra.isEmpty {
      problems.append(
        "it requires " + extra.joined(separator: ", ")
          + ", which ChatGPT may not send (only download_url and file_id are always sent)")
    }
    return problems
  }
}
