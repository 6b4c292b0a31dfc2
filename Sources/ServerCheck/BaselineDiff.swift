import ApprovalPolicy
import PreflightJSON

/// Compares the tools now with a saved ``ToolBaseline`` as ChatGPT's Refresh would see them:
/// added, removed, renamed and changed tools, flagging changes that flip the approval decision
/// or break callers.
public enum BaselineDiff {
  /// The findings of the comparison.
  public static func findings(
    baseline: ToolBaseline, tools: [JSONValue], instructions: String?, policy: Policy = .chatgpt
  ) -> [CheckFinding] {
    let old = index(baseline.tools)
    let new = index(tools)
    var removed = baseline.tools.compactMap { name($0) }.filter { new[$0] == nil }
    var added = tools.compactMap { name($0) }.filter { old[$0] == nil }
    var out: [CheckFinding] = []
    for oldName in removed {
      guard let before = old[oldName],
        let match = added.first(where: { looksRenamed(before, new[$0]!) })
      else { continue }
      out.append(
        CheckRules.baselineRenamed.finding(
          "\"\(oldName)\" seems renamed to \"\(match)\" (same description or schema).",
          tool: match, path: "/name"))
      removed.removeAll { $0 == oldName }
      added.removeAll { $0 == match }
    }
    for n in removed {
      out.append(
        CheckRules.baselineRemoved.finding("\"\(n)\" is gone since the baseline.", tool: n))
    }
    for n in added {
      out.append(CheckRules.baselineAdded.finding("\"\(n)\" is new since the baseline.", tool: n))
    }
    for tool in tools {
      guard let n = name(tool), let before = old[n], before != tool else { continue }
      out += changes(name: n, before: before, after: tool, server: baseline.server, policy: policy)
    }
    if baseline.instructions != instructions {
      out.append(
        CheckRules.baselineChanged.finding(
          "The server instructions changed since the baseline.", path: "/instructions"))
    }
    return out
  }

  static func changes(
    name: String, before: JSONValue, after: JSONValue, server: String, policy: Policy
  ) -> [CheckFinding] {
    var out: [CheckFinding] = []
    let was = ApprovalPolicy.decide(ToolFacts(tool: before, server: server), policy: policy)
    let now = ApprovalPolicy.decide(ToolFacts(tool: after, server: server), policy: policy)
    if was.kind != now.kind {
      out.append(
        CheckRules.baselineApproval.finding(
          "\"\(name)\": ChatGPT used to \(words(was.kind)) and now would \(words(now.kind)) "
            + "(\(now.reason)).", tool: name, path: "/annotations"))
    }
    let oldRequired = required(before)
    let oldProperties = Set(before["inputSchema"]?["properties"]?.objectValue?.keys ?? [])
    for argument in required(after) where !oldRequired.contains(argument) {
      let how = oldProperties.contains(argument) ? "is now required" : "is a new required argument"
      out.append(
        CheckRules.baselineRequired.finding(
          "\"\(name)\": \"\(argument)\" \(how); callers that omit it fail.", tool: name,
          path: "/inputSchema/required"))
    }
    let keys = Set((before.objectValue?.keys ?? []) + (after.objectValue?.keys ?? []))
    let changed = keys.sorted().filter { before[$0] != after[$0] }
    if !changed.isEmpty {
      out.append(
        CheckRules.baselineChanged.finding(
          "\"\(name)\" changed: " + changed.joined(separator: ", ") + ".", tool: name))
    }
    return out
  }

  static func words(_ kind: Decision.Kind) -> String {
    switch kind {
    case .run: "run it at once"
    case .ask: "ask first"
    case .refuse: "refuse it"
    }
  }

  static func name(_ tool: JSONValue) -> String? { tool["name"]?.stringValue }

  static func index(_ tools: [JSONValue]) -> [String: JSONValue] {
    var out: [String: JSONValue] = [:]
    for tool in tools {
      if let n = name(tool), out[n] == nil { out[n] = tool }
    }
    return out
  }

  static func required(_ tool: JSONValue) -> [String] {
    tool["inputSchema"]?["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
  }

  /// Same non-empty description, or same non-trivial input schema.
  static func looksRenamed(_ a: JSONValue, _ b: JSONValue) -> Bool {
    if let d = a["description"]?.stringValue, !d.isEmpty, d == b["description"]?.stringValue {
      return true
    }
    let schema = a["inputSchema"]
    let trivial = (schema?["properties"]?.objectValue?.isEmpty ?? true)
    return !trivial && schema == b["inputSchema"]
  }
}
