import PreflightJSON

/// One call as the model would make it: a tool name and its arguments (the shape of
/// `tools/call` params, which is also the shape of a scenario file's entries).
public struct ModelCall: Sendable, Hashable {
  /// The tool's name.
  public var name: String
  /// The arguments, usually an object; nil when the call has none.
  public var arguments: JSONValue?

  /// Makes a call.
  public init(name: String, arguments: JSONValue? = nil) {
    self.name = name
    self.arguments = arguments
  }

  /// Reads a call from a scenario entry: `{"name": "…", "arguments": {…}}`.
  public init(scenarioEntry entry: JSONValue, index: Int) throws(ScenarioError) {
    guard case .object(let o) = entry else {
      throw ScenarioError("entry \(index + 1) is \(entry.typeName), not an object")
    }
    guard let name = o["name"]?.stringValue else {
      throw ScenarioError("entry \(index + 1) has no \"name\" string")
    }
    if let arguments = o["arguments"], arguments.objectValue == nil, !arguments.isNull {
      throw ScenarioError(
        "entry \(index + 1) (\(name)): \"arguments\" must be an object, not \(arguments.typeName)")
    }
    self.name = name
    self.arguments = o["arguments"].flatMap { $0.isNull ? nil : $0 }
  }

  /// Reads a scenario file's contents: a JSON array of calls.
  public static func scenario(_ value: JSONValue) throws(ScenarioError) -> [ModelCall] {
    guard case .array(let entries) = value else {
      throw ScenarioError("a scenario is a JSON array of calls, not \(value.typeName)")
    }
    var calls: [ModelCall] = []
    for (index, entry) in entries.enumerated() {
      calls.append(try ModelCall(scenarioEntry: entry, index: index))
    }
    return calls
  }
}
