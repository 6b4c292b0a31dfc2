import DemoServer
import PreflightJSON
import Testing

/// A failure already recorded as an issue; thrown to stop the test.
struct DemoTestFailure: Error {}

/// Collects the notifications a server sends through its context.
actor NotificationLog {
  /// Every notification, in the order sent.
  private(set) var entries: [(method: String, params: JSONValue)] = []

  /// Records one notification.
  func record(_ method: String, _ params: JSONValue) {
    entries.append((method, params))
  }

  /// The params of the notifications with this method.
  func params(of method: String) -> [JSONValue] {
    entries.filter { $0.method == method }.map(\.params)
  }
}

/// A context that records notifications into `log` (or drops them) with an optional token.
func context(token: JSONValue? = nil, log: NotificationLog? = nil) -> DemoRequestContext {
  DemoRequestContext(progressToken: token) { method, params in
    await log?.record(method, params)
  }
}

/// The result of a reply, or an issue and a thrown failure when it is an error.
func result(of reply: DemoReply, sourceLocation: SourceLocation = #_sourceLocation) throws
  -> JSONValue
{
  switch reply {
  case .result(let value):
    return value
  case .error(let code, let message, _):
    Issue.record("expected a result, got error \(code) \(message)", sourceLocation: sourceLocation)
    throw DemoTestFailure()
  }
}

/// The error of a reply, or an issue and a thrown failure when it is a result.
func error(of reply: DemoReply, sourceLocation: SourceLocation = #_sourceLocation) throws
  -> (code: Int, message: String, data: JSONValue?)
{
  switch reply {
  case .result(let value):
    Issue.record("expected an error, got \(value)", sourceLocation: sourceLocation)
    throw DemoTestFailure()
  case .error(let code, let message, let data):
    return (code, message, data)
  }
}

extension DemoServer {
  /// Sends a request with a context that drops notifications.
  func request(_ method: String, _ params: JSONValue? = nil) async -> DemoReply {
    await handle(method: method, params: params, context: context())
  }

  /// Calls a tool and returns the `tools/call` result.
  func call(
    _ tool: String, _ arguments: JSONValue = [:], sourceLocation: SourceLocation = #_sourceLocation
  ) async throws -> JSONValue {
    let reply = await request("tools/call", ["name": .string(tool), "arguments": arguments])
    return try result(of: reply, sourceLocation: sourceLocation)
  }

  /// Every tool descriptor, from one unpaged `tools/list`.
  func tools() async throws -> [JSONValue] {
    try result(of: await request("tools/list"))["tools"]?.arrayValue ?? []
  }

  /// The descriptor of one tool.
  func tool(_ name: String) async throws -> JSONValue {
    try #require(try await tools().first { $0["name"] == .string(name) })
  }

  /// The tasks `list_tasks` returns for a status filter.
  func listedTasks(status: String = "all") async throws -> [JSONValue] {
    let listed = try await call("list_tasks", ["status": .string(status)])
    return listed["structuredContent"]?["tasks"]?.arrayValue ?? []
  }
}

/// The `id`s of task objects.
func ids(_ tasks: [JSONValue]) -> [String] {
  tasks.compactMap { $0["id"]?.stringValue }
}

/// The text of a result's first content item.
func firstText(_ result: JSONValue) -> String? {
  result["content"]?[0]?["text"]?.stringValue
}
