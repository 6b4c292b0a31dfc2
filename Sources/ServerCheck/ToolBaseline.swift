import PreflightJSON

/// The tool snapshot `--save-baseline` writes and `--baseline` compares with: what ChatGPT
/// pulls on Refresh (tools, all pages, and the instructions).
public struct ToolBaseline: Sendable, Hashable {
  /// The file's `preflightBaseline` format number.
  public static let format = 1

  /// The server's name when the snapshot was taken.
  public var server: String
  /// The server instructions, if any.
  public var instructions: String?
  /// Every tool exactly as sent, in order.
  public var tools: [JSONValue]

  /// Makes a baseline.
  public init(server: String, instructions: String?, tools: [JSONValue]) {
    self.server = server
    self.instructions = instructions
    self.tools = tools
  }

  /// Reads a baseline file's JSON; nil with a reason when it is not one.
  public static func parse(_ value: JSONValue) -> Result<ToolBaseline, BaselineError> {
    guard value["preflightBaseline"]?.intValue == format else {
      return .failure(BaselineError("it is not a Preflight baseline (no \"preflightBaseline\": 1)"))
    }
    guard let tools = value["tools"]?.arrayValue else {
      return .failure(BaselineError("it has no \"tools\" array"))
    }
    return .success(
      ToolBaseline(
        server: value["server"]?.stringValue ?? "",
        instructions: value["instructions"]?.stringValue, tools: tools))
  }

  /// The file's JSON.
  public var json: JSONValue {
    var o = JSONObject()
    o["preflightBaseline"] = .int(Self.format)
    o["server"] = .string(server)
    o["instructions"] = instructions.map(JSONValue.string) ?? .null
    o["tools"] = .array(tools)
    return .object(o)
  }
}
