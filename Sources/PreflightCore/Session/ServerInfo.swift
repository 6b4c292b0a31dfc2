import PreflightJSON

/// What the server said about itself when the session started.
public struct ServerInfo: Sendable, Hashable {
  /// The negotiated protocol version.
  public var protocolVersion: String
  /// `serverInfo.name` (empty when missing).
  public var name: String
  /// `serverInfo.version` (empty when missing).
  public var version: String
  /// `serverInfo.title`, if any.
  public var title: String?
  /// `instructions`, if any.
  public var instructions: String?
  /// The server's `capabilities` as sent.
  public var capabilities: JSONValue
  /// The whole initialize result as sent.
  public var raw: JSONValue

  /// Reads the initialize result, generously.
  public init(initializeResult raw: JSONValue, protocolVersion: String) {
    self.raw = raw
    self.protocolVersion = protocolVersion
    name = raw["serverInfo"]?["name"]?.stringValue ?? ""
    version = raw["serverInfo"]?["version"]?.stringValue ?? ""
    title = raw["serverInfo"]?["title"]?.stringValue
    instructions = raw["instructions"]?.stringValue
    capabilities = raw["capabilities"] ?? .object(JSONObject())
  }

  /// The server as JSON for `--json` outputs: name, version, protocolVersion, instructions.
  public var json: JSONValue {
    var o = JSONObject()
    o["name"] = .string(name)
    o["version"] = .string(version)
    if let title { o["title"] = .string(title) }
    o["protocolVersion"] = .string(protocolVersion)
    if let instructions { o["instructions"] = .string(instructions) }
    return .object(o)
  }
}
