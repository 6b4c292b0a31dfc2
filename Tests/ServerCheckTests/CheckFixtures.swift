import PreflightJSON
import ServerCheck

/// Observations and tools for the rule-engine tests.
enum CheckFixtures {
  /// A tool that breaks no rule.
  static func cleanTool(_ name: String = "list_notes", readOnly: Bool = true) -> JSONValue {
    [
      "name": .string(name),
      "description": "Lists the user's notes, newest first, with their ids.",
      "inputSchema": ["type": "object", "properties": [:]],
      "annotations": [
        "readOnlyHint": .bool(readOnly), "destructiveHint": false, "openWorldHint": false,
      ],
    ]
  }

  /// A tool with one member replaced (`value` nil removes it).
  static func tool(_ base: JSONValue = cleanTool(), setting key: String, to value: JSONValue?)
    -> JSONValue
  {
    var object = base.objectValue ?? JSONObject()
    if let value {
      object[key] = value
    } else {
      object = JSONObject(object.members.filter { $0.key != key })
    }
    return .object(object)
  }

  /// A clean tool whose annotations are `annotations`.
  static func annotated(_ annotations: JSONValue, name: String = "add_note") -> JSONValue {
    tool(cleanTool(name), setting: "annotations", to: annotations)
  }

  static let initialize: JSONValue = [
    "protocolVersion": "2025-11-25", "capabilities": ["tools": [:]],
    "serverInfo": ["name": "notes", "version": "1.0.0"],
  ]

  /// A connected stdio observation with one page of `tools`.
  static func observation(
    tools: [JSONValue] = [cleanTool()],
    target: CheckTarget = CheckTarget(kind: .stdio, transport: "stdio"),
    initialize: JSONValue = initialize
  ) -> CheckObservation {
    CheckObservation(
      target: target, initializeResult: initialize, initializeEvidence: [1, 2],
      toolPages: [["tools": .array(tools)]], toolsEvidence: [4])
  }

  /// An HTTP observation at `url`, connected over `transport`.
  static func http(
    _ url: String = "https://notes.example.com/mcp", transport: String = "http",
    tools: [JSONValue] = [cleanTool()]
  ) -> CheckObservation {
    observation(tools: tools, target: CheckTarget(kind: .url(url), transport: transport))
  }

  /// The findings of `rule` for `observation`.
  static func findings(_ rule: CheckRule, in observation: CheckObservation) -> [CheckFinding] {
    CheckEngine.run(observation).findings.filter { $0.rule == rule.id }
  }
}
