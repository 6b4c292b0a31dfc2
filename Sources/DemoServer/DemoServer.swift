import PreflightJSON

/// The built-in "tasks" MCP server: answers requests with in-memory state.
///
/// It knows nothing about transports; a runner reads JSON-RPC frames, calls `handle` for each
/// request (concurrently, cancelling the task when the client cancels) and writes the replies.
public actor DemoServer {
  /// The protocol versions this server speaks, newest first.
  public static let supportedProtocolVersions = DemoServerInfo.supportedVersions

  /// The names of the tools, in the order `tools/list` gives them.
  public static let toolNames = DemoTools.names

  /// Tools per `tools/list` page, or nil for one page.
  let pageSize: Int?
  /// The tasks.
  var store = DemoTaskStore()
  /// The least severe log level sent; `logging/setLevel` changes it.
  var logLevel = DemoLogLevel.info

  /// The protocol version agreed in `initialize`, or nil before it.
  public private(set) var protocolVersion: String?

  /// Whether the client has sent `notifications/initialized`.
  public private(set) var isInitialized = false

  /// Makes a server with the seeded tasks; `pageSize` N splits `tools/list` into pages of N
  /// with an opaque `nextCursor`, nil answers one page.
  public init(pageSize: Int? = nil) {
    self.pageSize = pageSize.flatMap { $0 > 0 ? $0 : nil }
  }

  /// Answers one request; an unknown method is error -32601.
  public func handle(method: String, params: JSONValue?, context: DemoRequestContext) async
    -> DemoReply
  {
    switch method {
    case "initialize": return initialize(params)
    case "ping": return .empty
    case "logging/setLevel": return setLevel(params)
    case "tools/list": return listTools(params)
    case "tools/call": return await callTool(params, context: context)
    case "resources/list": return listResources(params)
    case "resources/templates/list": return listResourceTemplates(params)
    case "resources/read": return readResource(params)
    default:
      return .error(
        code: DemoReply.methodNotFoundCode, message: "Method not found: \(method)", data: nil)
    }
  }

  /// Handles a notification: `notifications/initialized` is recorded, others are ignored
  /// (the runner turns `notifications/cancelled` into task cancellation).
  public func handleNotification(method: String, params: JSONValue?) async {
    if method == "notifications/initialized" { isInitialized = true }
  }

  /// `initialize`: negotiates the version and describes the server.
  private func initialize(_ params: JSONValue?) -> DemoReply {
    guard let p = params?.objectValue else {
      return .invalidParams("initialize needs params with protocolVersion")
    }
    guard let requested = p["protocolVersion"]?.stringValue else {
      return .invalidParams("initialize needs params.protocolVersion, a string")
    }
    for key in ["capabilities", "clientInfo"] {
      if let value = p[key], value.objectValue == nil {
        return .invalidParams("initialize params.\(key) must be an object")
      }
    }
    let version = DemoServerInfo.negotiate(requested)
    protocolVersion = version
    return .result([
      "protocolVersion": .string(version),
      "capabilities": DemoServerInfo.capabilities,
      "serverInfo": DemoServerInfo.implementation,
      "instructions": .string(DemoServerInfo.instructions),
    ])
  }

  /// `logging/setLevel`: sets the least severe level sent.
  private func setLevel(_ params: JSONValue?) -> DemoReply {
    let names = DemoLogLevel.allCases.map(\.name)
    guard let name = params?["level"]?.stringValue, let level = DemoLogLevel(name: name) else {
      return .invalidParams(
        "logging/setLevel needs params.level, one of \(names.joined(separator: ", "))")
    }
    logLevel = level
    return .empty
  }

  /// Sends a `notifications/message` if `level` is at or above the set level.
  func log(
    _ level: DemoLogLevel, logger: String, _ data: String, context: DemoRequestContext
  ) async {
    guard level >= logLevel else { return }
    await context.notify(
      "notifications/message",
      ["level": .string(level.name), "logger": .string(logger), "data": .string(data)])
  }
}
