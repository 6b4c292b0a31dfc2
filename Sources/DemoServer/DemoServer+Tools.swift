import PreflightJSON

extension DemoServer {
  /// `tools/list`: every tool, or one page of them when the server pages.
  func listTools(_ params: JSONValue?) -> DemoReply {
    let tools = DemoTools.all
    let cursor: String?
    switch params?["cursor"] {
    case nil, .null?: cursor = nil
    case .string(let s)?: cursor = s
    case let other?: return .invalidParams("cursor must be a string, not \(other.typeName)")
    }
    guard let pageSize else {
      if let cursor { return invalidCursor(cursor) }
      return .result(["tools": .array(tools)])
    }
    var offset = 0
    if let cursor {
      guard let decoded = DemoCursor.decode(cursor, count: tools.count) else {
        return invalidCursor(cursor)
      }
      offset = decoded
    }
    let end = min(offset + pageSize, tools.count)
    var result = JSONObject()
    result["tools"] = .array(Array(tools[offset..<end]))
    if end < tools.count { result["nextCursor"] = .string(DemoCursor.encode(offset: end)) }
    return .result(.object(result))
  }

  /// The error for a cursor this server did not issue.
  func invalidCursor(_ cursor: String) -> DemoReply {
    .invalidParams("Invalid cursor", data: ["cursor": .string(cursor)])
  }

  /// `tools/call`: runs a tool. An unknown tool is a JSON-RPC error; bad arguments and missing
  /// tasks are results with `isError: true`.
  func callTool(_ params: JSONValue?, context: DemoRequestContext) async -> DemoReply {
    guard let name = params?["name"]?.stringValue else {
      return .invalidParams("tools/call needs params.name, a string")
    }
    guard DemoTools.names.contains(name) else {
      return .invalidParams("Unknown tool: \(name)", data: ["name": .string(name)])
    }
    let args: DemoArguments
    do {
      args = try DemoArguments(params?["arguments"])
    } catch {
      return .result(DemoToolResult.failure(error.message))
    }
    if name == "sync_tasks" { return await syncTasks(args, context: context) }
    do {
      return .result(try runTaskTool(name, args))
    } catch {
      return .result(DemoToolResult.failure(error.message))
    }
  }

  /// Runs one of the quick tools and builds its result.
  private func runTaskTool(_ name: String, _ args: DemoArguments) throws(DemoToolError)
    -> JSONValue
  {
    let structured: JSONValue
    switch name {
    case "list_tasks":
      structured = try DemoTaskTools.listTasks(args, store: store)
      return DemoToolResult.success(
        structured, meta: ["preflight.demo/allTags": DemoTaskTools.allTags(in: store)])
    case "get_task": structured = try DemoTaskTools.getTask(args, store: store)
    case "echo": structured = args.value
    case "create_task": structured = try DemoTaskTools.createTask(args, store: &store)
    case "update_task": structured = try DemoTaskTools.updateTask(args, store: &store)
    case "complete_task": structured = try DemoTaskTools.completeTask(args, store: &store)
    case "delete_task": structured = try DemoTaskTools.deleteTask(args, store: &store)
    case "share_task": structured = try DemoTaskTools.shareTask(args, store: store)
    case "archive_done": structured = try DemoTaskTools.archiveDone(args, store: &store)
    default: throw DemoToolError("\(name) has no implementation")
    }
    return DemoToolResult.success(structured)
  }
}
