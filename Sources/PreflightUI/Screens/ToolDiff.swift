import PreflightJSON

/// What changed between two tool lists: tools added, removed, and changed (with the fields
/// that differ), matched by name.
public struct ToolDiff: Sendable, Hashable {
  /// Names of tools that are new.
  public var added: [String] = []
  /// Names of tools that are gone.
  public var removed: [String] = []
  /// Tools whose definition changed, with the top-level fields that differ.
  public var changed: [(name: String, fields: [String])] {
    get { changedNames.map { ($0, changedFields[$0] ?? []) } }
    set {
      changedNames = newValue.map(\.name)
      changedFields = Dictionary(
        newValue.map { ($0.name, $0.fields) }, uniquingKeysWith: { a, _ in a })
    }
  }
  private var changedNames: [String] = []
  private var changedFields: [String: [String]] = [:]

  /// Makes an empty diff.
  public init() {}

  /// Whether nothing changed.
  public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changedNames.isEmpty }

  /// Compares two lists of raw tool objects.
  public static func between(_ old: [JSONValue], _ new: [JSONValue]) -> ToolDiff {
    func byName(_ tools: [JSONValue]) -> [String: JSONValue] {
      var map: [String: JSONValue] = [:]
      for tool in tools {
        if let name = tool["name"]?.stringValue, map[name] == nil { map[name] = tool }
      }
      return map
    }
    let before = byName(old)
    let after = byName(new)
    var diff = ToolDiff()
    let newNames = new.compactMap { $0["name"]?.stringValue }
    diff.added = newNames.filter { before[$0] == nil }
    diff.removed = old.compactMap { $0["name"]?.stringValue }.filter { after[$0] == nil }
    var changed: [(String, [String])] = []
    for name in newNames {
      guard let a = before[name], let b = after[name], a != b else { continue }
      let keys = (a.objectValue?.keys ?? []) + (b.objectValue?.keys ?? [])
      var seen = Set<String>()
      let fields = keys.filter { seen.insert($0).inserted && a[$0] != b[$0] }
      changed.append((name, fields.isEmpty ? ["order of members"] : fields))
    }
    diff.changed = changed
    return diff
  }

  /// One line for the log: `+new_tool −old_tool ~list_tasks (description, annotations)`.
  public var summary: String {
    var parts: [String] = []
    parts += added.map { "+" + $0 }
    parts += removed.map { "−" + $0 }
    parts += changed.map { "~\($0.name) (\($0.fields.joined(separator: ", ")))" }
    return parts.joined(separator: "  ")
  }

  /// Equal when the same tools were added, removed and changed in the same way.
  public static func == (lhs: ToolDiff, rhs: ToolDiff) -> Bool {
    lhs.added == rhs.added && lhs.removed == rhs.removed && lhs.changedNames == rhs.changedNames
      && lhs.changedFields == rhs.changedFields
  }

  /// Hashes the names involved.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(added)
    hasher.combine(removed)
    hasher.combine(changedNames)
  }
}
