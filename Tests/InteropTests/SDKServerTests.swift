import PreflightCore
import PreflightJSON
import Testing

/// Servers written with the official Python SDK, both lines (mcp 2.3.0 and mcp 1.30.0), over
/// the real stdio transport.
@Suite(Interop.gate, .timeLimit(.minutes(5)))
struct SDKServerTests {
  static let profiles = ["chatgpt", "chatgpt-2025", "full"]

  @Test(arguments: SDKLine.allCases, profiles)
  func `initialize negotiates the profile's version and reads serverInfo and instructions`(
    line: SDKLine, profileName: String
  ) async throws {
    let profile = try #require(ClientProfile.named(profileName))
    try await Interop.withConnectedSession(line.tasks, profile: profile) { session, info in
      #expect(info.protocolVersion == profile.protocolVersion)
      #expect(info.name == line.tasksName)
      #expect(info.version == line.tasksVersion)
      #expect(info.instructions == line.tasksInstructions)
      for capability in ["tools", "prompts", "resources"] {
        #expect(Interop.has(info.capabilities, capability), "capability \(capability)")
      }
      #expect(!Interop.has(info.capabilities, "logging"))
      #expect(await session.era == .legacy)
      #expect(await session.server == info)

      let log = session.log
      let offer = try #require(log.outbound("initialize").first?.message)
      #expect(offer["params"]?["protocolVersion"] == .string(profile.protocolVersion))
      #expect(offer["params"]?["clientInfo"] == profile.clientInfo)
      #expect(offer["params"]?["capabilities"] == profile.capabilities)
      let answer = try #require(log.response(to: offer["id"])?.message)
      #expect(answer["result"]?["protocolVersion"] == .string(profile.protocolVersion))
      #expect(info.raw == answer["result"])
      #expect(log.outbound("notifications/initialized").count == 1)
    }
  }

  @Test(arguments: SDKLine.allCases)
  func `lists all 25 tools across 3 pages in order`(line: SDKLine) async throws {
    try await Interop.withConnectedSession(line.paginated) { session, info in
      #expect(info.name == line.paginatedName)
      #expect(info.version == "1.0.0")
      #expect(info.instructions == nil)

      let listing = try await session.listTools()
      #expect(listing.pages == 3)
      let names = listing.tools.compactMap { $0["name"]?.stringValue }
      let twoDigits = (0..<25).map { $0 < 10 ? "0\($0)" : "\($0)" }
      #expect(names == twoDigits.map { "tool_\($0)" })
      for (n, tool) in listing.tools.enumerated() {
        #expect(tool["description"] == .string("Fixture tool \(n) of 25."))
        #expect(Interop.members(tool["inputSchema"]) == ["type": "object", "properties": [:]])
      }

      // The cursors went back exactly as the server sent them; the last page had none.
      let requests = session.log.outbound("tools/list")
      #expect(requests.count == 3)
      #expect(requests.first?.message?["params"]?["cursor"] == nil)
      #expect(
        requests.dropFirst().map { $0.message?["params"]?["cursor"] } == [
          "b2Zmc2V0PTEw", "b2Zmc2V0PTIw",
        ])
      let pages = requests.map { session.log.response(to: $0.message?["id"])?.message?["result"] }
      #expect(pages.map { $0?["tools"]?.arrayValue?.count } == [10, 10, 5])
      #expect(pages.map { $0?["nextCursor"] } == ["b2Zmc2V0PTEw", "b2Zmc2V0PTIw", nil])
      #expect(!Interop.has(pages.last ?? nil, "nextCursor"))

      let result = try await session.callTool("tool_24", arguments: [:])
      #expect(Interop.texts(result) == ["tool_24 called"])
      #expect(result["isError"] != true)
      #expect(!Interop.has(result, "structuredContent"))
    }
  }

  @Test(arguments: SDKLine.allCases)
  func `a bad cursor sent by hand gets error -32602 and the session carries on`(
    line: SDKLine
  ) async throws {
    try await Interop.withConnectedSession(line.paginated) { session, _ in
      for cursor: JSONValue in ["bogus", ""] {
        do throws(SessionError) {
          let result = try await session.request("tools/list", params: ["cursor": cursor])
          Issue.record("cursor \(cursor) was accepted: \(result)")
        } catch {
          guard case .rpc(let method, let rpcError) = error else {
            Issue.record("expected SessionError.rpc, got \(error)")
            continue
          }
          #expect(method == "tools/list")
          #expect(rpcError.code == JSONRPCErrorObject.invalidParamsCode)
          #expect(rpcError.message == "Invalid cursor")
          #expect(error.exitCode == 1)
        }
      }
      let count = try await session.listTools().tools.count
      #expect(count == 25)
    }
  }

  @Test(arguments: SDKLine.allCases)
  func `tool annotations and schemas are kept exactly as sent`(line: SDKLine) async throws {
    let tap = TappedTransport(Interop.stdio(line.tasks))
    try await Interop.withSession(transport: tap, profile: .full) { session in
      _ = try await session.connect()
      let listing = try await session.listTools()
      #expect(listing.pages == 1)
      let names = listing.tools.compactMap { $0["name"]?.stringValue }
      #expect(names == ["list_tasks", "add_task", "echo", "sync_tasks"])

      // The listing holds the tool objects of the inbound frame, unchanged: re-encoded, each is
      // byte for byte what the server wrote (the SDKs write compact JSON), member order and all.
      let request = try #require(session.log.outbound("tools/list").first?.message)
      let page = session.log.response(to: request["id"])?.message?["result"]?["tools"]
      #expect(page == .array(listing.tools))
      let frames = tap.inbound.map { String(decoding: $0, as: UTF8.self) }
      let frame = try #require(frames.first { $0.contains("\"list_tasks\"") })
      for tool in listing.tools {
        #expect(frame.contains(JSONPrinter.compact(tool)), "\(tool["name"] ?? nil)")
      }

      let listTasks = try #require(listing.tool(named: "list_tasks"))
      #expect(
        Interop.members(listTasks["annotations"]) == ["readOnlyHint": true, "idempotentHint": true])
      let addTask = try #require(listing.tool(named: "add_task"))
      #expect(
        Interop.members(addTask["annotations"]) == [
          "readOnlyHint": false, "destructiveHint": false,
        ])
      for name in ["echo", "sync_tasks"] {
        #expect(!Interop.has(listing.tool(named: name), "annotations"), "\(name)")
      }
      let readOnly = listing.tools.filter { $0["annotations"]?["readOnlyHint"] == true }
      #expect(readOnly.compactMap { $0["name"]?.stringValue } == ["list_tasks"])

      #expect(listTasks["outputSchema"]?["title"] == "TaskList")
      #expect(listTasks["inputSchema"]?["required"] == nil)
      #expect(addTask["outputSchema"]?["title"] == "Task")
      #expect(addTask["inputSchema"]?["required"] == ["title"])
      let echo = try #require(listing.tool(named: "echo"))
      #expect(echo["inputSchema"]?["required"] == ["text"])
      #expect(!Interop.has(echo, "outputSchema"))
      let sync = try #require(listing.tool(named: "sync_tasks"))
      #expect(sync["outputSchema"]?["properties"]?["result"] != nil)
    }
  }

  @Test(arguments: SDKLine.allCases)
  func `tool calls return structuredContent and content`(line: SDKLine) async throws {
    try await Interop.withConnectedSession(line.tasks) { session, _ in
      let listed = try await session.callTool("list_tasks", arguments: [:])
      let tasks: JSONValue = [
        "tasks": [
          ["id": 1, "title": "Write the README", "done": false],
          ["id": 2, "title": "Ship it", "done": true],
        ]
      ]
      #expect(listed["structuredContent"] == tasks)
      let listedText = try #require(Interop.texts(listed).first)
      #expect(Interop.texts(listed).count == 1)
      #expect(try JSONParser.parse(listedText) == tasks)
      #expect(listedText.contains("\n  "), "the text block is indented JSON")
      #expect(listed["isError"] != true)

      let added = try await session.callTool("add_task", arguments: ["title": "Try Preflight"])
      #expect(added["structuredContent"] == ["id": 3, "title": "Try Preflight", "done": false])
      let again = try await session.callTool("add_task", arguments: ["title": "And again"])
      #expect(again["structuredContent"]?["id"] == 4)

      let echoed = try await session.callTool("echo", arguments: ["text": "héllo, interop ✓"])
      #expect(Interop.texts(echoed) == ["héllo, interop ✓"])
      #expect(echoed["content"]?.arrayValue?.count == 1)
      #expect(!Interop.has(echoed, "structuredContent"))
      #expect(echoed["isError"] != true)

      let unknown = try await session.callTool("no_such_tool", arguments: [:])
      #expect(unknown["isError"] == true)
      #expect(Interop.texts(unknown).first?.contains("Unknown tool: no_such_tool") == true)
    }
  }

  @Test(arguments: SDKLine.allCases)
  func `sync_tasks with the full profile sends progress and log notifications`(
    line: SDKLine
  ) async throws {
    let session = try await Interop.withConnectedSession(line.tasks, profile: .full) {
      session, _ in
      let result = try await session.callTool("sync_tasks", arguments: ["steps": 3])
      #expect(Interop.texts(result) == ["synced 3 steps"])
      #expect(result["structuredContent"] == ["result": "synced 3 steps"])
      return session
    }
    let log = session.log
    let call = try #require(log.outbound("tools/call").first)
    let token = try #require(call.message?["params"]?["_meta"]?["progressToken"])
    #expect(token == "preflight-1")
    let response = try #require(log.response(to: call.message?["id"]))

    let progress = log.inbound("notifications/progress")
    #expect(progress.count == 3)
    for (k, record) in progress.enumerated() {
      let params = record.message?["params"]
      #expect(params?["progressToken"] == token)
      // 2.x writes integers, 1.x floats: the numbers, not their text, must match.
      #expect(params?["progress"]?.doubleValue == Double(k + 1))
      #expect(params?["total"]?.doubleValue == 3)
      #expect(params?["message"] == .string("step \(k + 1) of 3"))
      #expect(record.seq > call.seq && record.seq < response.seq)
    }
    if line == .mcp2 {
      #expect(progress.first?.message?["params"]?["progress"]?.numberText == "1")
    } else {
      #expect(progress.first?.message?["params"]?["progress"]?.numberText == "1.0")
    }

    let messages = log.inbound("notifications/message")
    #expect(messages.count == 3)
    for (k, record) in messages.enumerated() {
      let params = record.message?["params"]
      #expect(params?["level"] == "info")
      #expect(params?["data"] == .string("synced step \(k + 1)"))
      #expect(!Interop.has(params, "logger"))
      #expect(record.seq > call.seq && record.seq < response.seq)
    }

    // The peer reported the same notifications, with the same records.
    let events = await Interop.events(of: session)
    let progressEvents = events.filter { $0.notificationMethod == "notifications/progress" }
    let messageEvents = events.filter { $0.notificationMethod == "notifications/message" }
    #expect(progressEvents.map(\.seq) == progress.map(\.seq))
    #expect(messageEvents.map(\.seq) == messages.map(\.seq))
  }

  @Test(arguments: SDKLine.allCases)
  func `sync_tasks with the chatgpt profile sends no progress notifications`(
    line: SDKLine
  ) async throws {
    let session = try await Interop.withConnectedSession(line.tasks, profile: .chatgpt) {
      session, _ in
      let result = try await session.callTool("sync_tasks", arguments: ["steps": 3])
      #expect(result["structuredContent"] == ["result": "synced 3 steps"])
      return session
    }
    let log = session.log
    let call = try #require(log.outbound("tools/call").first?.message)
    let meta = call["params"]?["_meta"]
    #expect(!Interop.has(meta, "progressToken"))
    #expect(meta?["openai/locale"] == "en-US")
    #expect(log.inbound("notifications/progress").isEmpty)
    #expect(log.inbound("notifications/message").count == 3)
    let events = await Interop.events(of: session)
    #expect(!events.contains { $0.notificationMethod == "notifications/progress" })
    #expect(events.filter { $0.notificationMethod == "notifications/message" }.count == 3)
  }
}
