import ApprovalPolicy
import HostFlow
import PreflightCore
import PreflightJSON
import PreflightTestSupport
import Testing

@Suite struct ModelCallRunnerTests {
  let transport = MemoryTransport()
  let log = WireLog()

  static let readTool: JSONValue = [
    "name": "list_tasks", "inputSchema": ["type": "object"],
    "annotations": ["readOnlyHint": true, "destructiveHint": false, "openWorldHint": false],
  ]
  static let writeTool: JSONValue = [
    "name": "create_task",
    "inputSchema": [
      "type": "object", "properties": ["title": ["type": "string"]], "required": ["title"],
    ],
  ]

  /// A connected session whose server end answers initialize.
  func connected() async throws -> MCPClientSession {
    let session = MCPClientSession(
      transport: transport, profile: .chatgpt,
      settings: SessionSettings(connectTimeout: .seconds(60)), log: log)
    async let info = session.connect()
    let request = try #require(await transport.server.receive(method: "initialize"))
    transport.server.reply(
      to: request,
      result: [
        "protocolVersion": "2025-11-25", "capabilities": [:],
        "serverInfo": ["name": "tasks", "version": "1"],
      ])
    _ = try await info
    _ = await transport.server.receive(method: "notifications/initialized")
    return session
  }

  func localKinds() -> [String] {
    log.records.compactMap {
      if case .local(let kind, _, _) = $0.body { return kind }
      return nil
    }
  }

  func toolCallsSent() -> Int {
    log.records.filter { $0.direction == .outbound && $0.message?["method"] == "tools/call" }.count
  }

  /// Runs a call whose request the fake server answers with `result`.
  func runAnswered(
    _ runner: inout ModelCallRunner, _ call: ModelCall, tool: JSONValue,
    answer: ApprovalAnswer?, session: MCPClientSession, result: JSONValue = ["content": []]
  ) async -> CallRecord {
    let server = transport.server
    let responder = Task {
      if let request = await server.receive(method: "tools/call") {
        server.reply(to: request, result: result)
      }
    }
    let record = await runner.run(call, tool: tool, answer: answer, session: session)
    responder.cancel()
    return record
  }

  @Test func `a denied write call sends nothing and logs the denial`() async throws {
    let session = try await connected()
    var runner = ModelCallRunner(server: "tasks", policy: .chatgpt)
    let record = await runner.run(
      ModelCall(name: "create_task", arguments: ["title": "x"]), tool: Self.writeTool,
      answer: .deny, session: session)
    #expect(!record.sent)
    #expect(record.outcome.kind == .denied)
    #expect(record.json["approval"]?["decision"] == "denied")
    #expect(record.json["modelSees"]?["isError"] == true)
    #expect(toolCallsSent() == 0)
    #expect(localKinds() == ["approval-asked", "approval-denied"])
    let denial = try #require(log.records.last)
    if case .local(_, let text, _) = denial.body {
      #expect(text.contains("no request sent"))
    }
    await session.close()
  }

  @Test func `an unanswered card is denied`() async throws {
    let session = try await connected()
    var runner = ModelCallRunner(server: "tasks", policy: .chatgpt)
    let record = await runner.run(
      ModelCall(name: "create_task", arguments: ["title": "x"]), tool: Self.writeTool,
      answer: nil, session: session)
    #expect(!record.sent)
    #expect(record.wasStopped)
    #expect(toolCallsSent() == 0)
    await session.close()
  }

  @Test func `an approved write call is sent and its result kept`() async throws {
    let session = try await connected()
    var runner = ModelCallRunner(server: "tasks", policy: .chatgpt)
    let record = await runAnswered(
      &runner, ModelCall(name: "create_task", arguments: ["title": "x"]), tool: Self.writeTool,
      answer: .approve, session: session,
      result: ["content": [["type": "text", "text": "ok"]], "structuredContent": ["id": "t9"]])
    #expect(record.sent)
    #expect(record.approvalRequired)
    #expect(record.outcome.kind == .approved)
    #expect(record.result?["structuredContent"]?["id"] == "t9")
    #expect(record.requestSeq != nil)
    #expect(toolCallsSent() == 1)
    #expect(localKinds() == ["approval-asked", "approval-approved"])
    await session.close()
  }

  @Test func `a read-only call runs without a card`() async throws {
    let session = try await connected()
    var runner = ModelCallRunner(server: "tasks", policy: .chatgpt)
    let record = await runAnswered(
      &runner, ModelCall(name: "list_tasks"), tool: Self.readTool, answer: nil, session: session)
    #expect(record.sent)
    #expect(!record.approvalRequired)
    #expect(record.outcome.kind == .notRequired)
    #expect(localKinds().isEmpty)
    await session.close()
  }

  @Test func `a remembered approve skips the card for the next call of the same tool`()
    async throws
  {
    let session = try await connected()
    var runner = ModelCallRunner(server: "tasks", policy: .chatgpt)
    let call = ModelCall(name: "create_task", arguments: ["title": "x"])
    _ = await runAnswered(
      &runner, call, tool: Self.writeTool, answer: .approveRemember, session: session)
    #expect(runner.decide(tool: Self.writeTool).kind == .run)
    let second = await runAnswered(
      &runner, call, tool: Self.writeTool, answer: nil, session: session)
    #expect(second.outcome.kind == .rememberedApprove)
    #expect(second.sent)
    #expect(toolCallsSent() == 2)
    await session.close()
  }

  @Test func `a remembered deny stops later calls without sending`() async throws {
    let session = try await connected()
    var runner = ModelCallRunner(server: "tasks", policy: .chatgpt)
    let call = ModelCall(name: "create_task", arguments: ["title": "x"])
    _ = await runner.run(call, tool: Self.writeTool, answer: .denyRemember, session: session)
    let second = await runner.run(call, tool: Self.writeTool, answer: .approve, session: session)
    #expect(second.outcome.kind == .rememberedDeny)
    #expect(!second.sent)
    #expect(toolCallsSent() == 0)
    #expect(localKinds().last == "remembered-deny")
    await session.close()
  }

  @Test func `the read-only policy refuses writes without asking`() async throws {
    let session = try await connected()
    var runner = ModelCallRunner(server: "tasks", policy: .readOnly)
    let record = await runner.run(
      ModelCall(name: "create_task", arguments: ["title": "x"]), tool: Self.writeTool,
      answer: .approve, session: session)
    #expect(record.outcome.kind == .refused)
    #expect(!record.sent)
    #expect(localKinds() == ["approval-refused"])
    await session.close()
  }

  @Test func `a tool error and a protocol error are told apart`() async throws {
    let session = try await connected()
    var runner = ModelCallRunner(server: "tasks", policy: .neverAsk)
    let toolError = await runAnswered(
      &runner, ModelCall(name: "create_task"), tool: Self.writeTool, answer: nil,
      session: session, result: ["isError": true, "content": [["type": "text", "text": "bad"]]])
    #expect(toolError.isToolError)
    #expect(toolError.error == nil)

    let server = transport.server
    let responder = Task {
      if let request = await server.receive(method: "tools/call") {
        server.replyError(to: request, code: -32602, message: "Unknown tool")
      }
    }
    let rpcError = await runner.run(
      ModelCall(name: "create_task"), tool: Self.writeTool, answer: nil, session: session)
    responder.cancel()
    #expect(rpcError.error?["code"] == -32602)
    #expect(rpcError.endedInError)
    #expect(rpcError.json["result"] == .null)
    await session.close()
  }

  @Test func `scenario files are read as tools call params`() throws {
    let calls = try ModelCall.scenario(
      [["name": "list_tasks"], ["name": "create_task", "arguments": ["title": "x"]]])
    #expect(
      calls == [
        ModelCall(name: "list_tasks"), ModelCall(name: "create_task", arguments: ["title": "x"]),
      ])
    #expect(throws: ScenarioError.self) { try ModelCall.scenario(["name": "x"]) }
    #expect(throws: ScenarioError.self) { try ModelCall.scenario([["arguments": [:]]]) }
    #expect(throws: ScenarioError.self) {
      try ModelCall.scenario([["name": "x", "arguments": [1]]])
    }
  }
}
