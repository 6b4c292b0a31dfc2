import ApprovalPolicy
import PreflightJSON

/// What a Refresh found, as ChatGPT's connector Refresh would pull it: the tool diff, each
/// change in words (description, schemas, annotations, `_meta`), every tool whose approval
/// decision flips under the current policy, and the server's `instructions` before and after.
public struct RefreshReport: Sendable, Hashable {
  /// One change to one tool, in words.
  public struct Change: Sendable, Hashable {
    /// The tool.
    public var tool: String
    /// What changed: `annotations.readOnlyHint: true → false`, `description changed`, …
    public var detail: String
  }

  /// One tool whose decision is not what it was.
  public struct Flip: Sendable, Hashable {
    /// The tool.
    public var tool: String
    /// `run`, `ask`, `refuse` or `new` before.
    public var before: String
    /// `run`, `ask`, `refuse` or `gone` after.
    public var after: String
    /// Why it decides as it does now.
    public var reason: String
  }

  /// The tool diff by name.
  public var diff: ToolDiff
  /// Each change in words, tool by tool.
  public var changes: [Change]
  /// Decisions that changed, and new tools that would stop for a card.
  public var flips: [Flip]
  /// The instructions at the snapshot.
  public var instructionsBefore: String?
  /// The instructions now.
  public var instructionsAfter: String?

  /// Whether the instructions changed.
  public var instructionsChanged: Bool { instructionsBefore != instructionsAfter }

  /// Whether nothing changed at all.
  public var isEmpty: Bool { diff.isEmpty && !instructionsChanged }

  /// Compares the snapshot with a new listing under `policy`.
  public static func between(
    _ old: [JSONValue], _ new: [JSONValue], server: String, policy: Policy,
    instructionsBefore: String?, instructionsAfter: String?
  ) -> RefreshReport {
    let diff = ToolDiff.between(old, new)
    func byName(_ tools: [JSONValue]) -> [String: JSONValue] {
      var map: [String: JSONValue] = [:]
      for tool in tools {
        if let name = tool["name"]?.stringValue, map[name] == nil { map[name] = tool }
      }
      return map
    }
    let before = byName(old)
    let after = byName(new)
    var changes: [Change] = []
    for (name, _) in diff.changed {
      guard let a = before[name], let b = after[name] else { continue }
      changes += describe(a, b).map { Change(tool: name, detail: $0) }
    }
    func kind(_ tool: JSONValue) -> ToolItem { ToolItem(raw: tool, server: server, policy: policy) }
    var flips: [Flip] = []
    for name in new.compactMap({ $0["name"]?.stringValue }) {
      guard let b = after[name] else { continue }
      let now = kind(b)
      if let a = before[name] {
        let then = kind(a)
        if then.decision != now.decision {
          flips.append(
            Flip(
              tool: name, before: then.decision.rawValue, after: now.decision.rawValue,
              reason: now.reason))
        }
      } else {
        flips.append(
          Flip(tool: name, before: "new", after: now.decision.rawValue, reason: now.reason))
      }
    }
    for name in diff.removed {
      if let a = before[name] {
        flips.append(
          Flip(
            tool: name, before: kind(a).decision.rawValue, after: "gone",
            reason: "the server no longer lists it"))
      }
    }
    return RefreshReport(
      diff: diff, changes: changes, flips: flips, instructionsBefore: instructionsBefore,
      instructionsAfter: instructionsAfter)
  }

  /// The differences between two versions of a tool, member by member; `annotations` and
  /// `_meta` are compared key by key.
  static func describe(_ a: JSONValue, _ b: JSONValue) -> [String] {
    var out: [String] = []
    var seen = Set<String>()
    let keys = ((a.objectValue?.keys ?? []) + (b.objectValue?.keys ?? [])).filter {
      seen.insert($0).inserted
    }
    for key in keys where a[key] != b[key] {
      switch key {
      case "annotations", "_meta":
        var inner = Set<String>()
        let innerKeys = ((a[key]?.objectValue?.keys ?? []) + (b[key]?.objectValue?.keys ?? []))
          .filter { inner.insert($0).inserted }
        for k in innerKeys where a[key]?[k] != b[key]?[k] {
          out.append("\(key).\(k): \(short(a[key]?[k])) → \(short(b[key]?[k]))")
        }
        if innerKeys.isEmpty { out.append("\(key): \(short(a[key])) → \(short(b[key]))") }
      case "description", "title":
        out.append("\(key): \(short(a[key])) → \(short(b[key]))")
      case "inputSchema", "outputSchema":
        out.append(
          a[key] == nil ? "\(key) added" : b[key] == nil ? "\(key) removed" : "\(key) changed")
      default:
        out.append("\(key): \(short(a[key])) → \(short(b[key]))")
      }
    }
    return out
  }

  private static func short(_ value: JSONValue?) -> String {
    guard let value else { return "(absent)" }
    let text = JSONPrinter.compact(value)
    return text.count > 48 ? String(text.prefix(47)) + "…" : text
  }
}
