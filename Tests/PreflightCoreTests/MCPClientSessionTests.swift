import PreflightCore
import PreflightJSON
import PreflightTestSupport
import Testing

@Suite struct MCPClientSessionTests {
  let transport = MemoryTransport()
  let log = WireLog()

  func session(
    _ profile: ClientProfile = .chatgpt, settings: SessionSettings = Self.patient
  ) -> MCPClientSession {
    MCPClientSession(transport: transport, profile: profile, settings: settings, log: log)
  }

  /// The default settings with a connect timeout for a loaded machine: the fake server runs
  /// on the same cooperative pool as every other test in the process.
  static let patient = SessionSettings(connectTimeout: .seconds(60))

  /// `settings` with the patient connect timeout.
  static func patient(_ settings: SessionSettings) -> SessionSettings {
    var settings = settings
    settings.connectTimeout = .seconds(60)
    return settings
  }

  /// Answers initialize with `version` and returns the initialize request as sent.
  func answerInitialize(version: String = "2025-11-25", extra: JSONObject = JSONObject()) async
    -> JSONValue?
  {
    guard let request = await transport.server.receive(method: "initialize") else { return nil }
    var result: JSONObject = [
      "protocolVersion": .string(version),
      "capabilities": ["tools": [:]],
      "serverInfo": ["name": "fake", "version": "9"],
    ]
    for m in extra.members { result[m.key] = m.value }
    transport.server.reply(to: request, result: .object(result))
    return request
  }

  @Test(arguments: [
    (
      ClientProfile.chatgpt,
      #"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25","#
        + #""capabilities":{"experimental":{"openai/visibility":{"enabled":true}},"extensions":"#
        + #"{"io.modelcontextprotocol/ui":{"mimeTypes":["text/html;profile=mcp-app"]}}},"#
        + #""clientInfo":{"name":"openai-mcp","version":"1.0.0"},"_meta":{"openai/locale":"en-US"}}}"#
    ),
    (
      ClientProfile.chatgpt2025,
      #"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","#
        + #""capabilities":{},"clientInfo":{"name":"openai-mcp","version":"1.0.0"},"#
        + #""_meta":{"openai/locale":"en-US"}}}"#
    ),
    (
      ClientProfile.full,
      #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","#
        + #""capabilities":{"roots":{"listChanged":true},"sampling":{},"#
        + #""elicitation":{"form":{},"url":{}}},"clientInfo":{"name":"preflight","version":"0.1.0"}}}"#
    ),
  ])
  func `each profile's initialize goes out byte for byte`(profile: ClientProfile, expected: String)
    async throws
  {
    let session = session(profile)
    async let info = session.connect()
    let bytes = try #require(await transport.server.receiveBytes())
    #expect(String(decoding: bytes, as: UTF8.self) == expected)
    let request = try JSONParser.parse(bytes)
    transport.server.reply(
      to: request,
      result: [
        "protocolVersion": .string(profile.protocolVersion), "capabilities": [:],
        "serverInfo": ["name": "s", "version": "1"],
      ])
    let server = try await info
    #expect(server.protocolVersion == profile.protocolVersion)
    let initialized = try #require(await transport.server.receiveBytes())
    #expect(
      String(decoding: initialized, as: UTF8.self)
        == #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#)
  }

  @Test func `an older version the build knows is accepted`() async throws {
    let session = session()
    async let info = session.connect()
    _ = await answerInitialize(version: "2025-03-26")
    #expect(try await info.protocolVersion == "2025-03-26")
    #expect(await session.era == .legacy)
  }

  @Test func `an unknown version disconnects with a clear error`() async throws {
    let session = session()
    let connect = Task { try await session.connect() }
    _ = await answerInitialize(version: "2099-01-01")
    do {
      _ = try await connect.value
      Issue.record("expected a failure")
    } catch let error as SessionError {
      #expect(error.exitCode == 3)
      #expect(error.description.contains("2099-01-01"))
      #expect(error.description.contains("disconnected"))
    }
  }

  @Test func `a 2026-07-28 answer is named as the stateless revision`() async throws {
    let session = session()
    let connect = Task { try await session.connect() }
    _ = await answerInitialize(version: "2026-07-28")
    await #expect {
      try await connect.value
    } throws: { error in
      (error as? SessionError)?.description.contains("stateless 2026 revision") == true
    }
  }

  @Test func `a refusal listing modern versions says so`() async throws {
    let session = session()
    let connect = Task { try await session.connect() }
    let request = try #require(await transport.server.receive(method: "initialize"))
    transport.server.send([
      "jsonrpc": "2.0", "id": request["id"] ?? nil,
      "error": [
        "code": -32602, "message": "Unsupported protocol version",
        "data": ["supported": ["2026-07-28"], "requested": "2025-11-25"],
      ],
    ])
    await #expect {
      try await connect.value
    } throws: { error in
      let text = (error as? SessionError)?.description ?? ""
      return text.contains("2026-07-28") && text.contains("not yet supported")
    }
  }

  @Test func `the protocol version override is offered`() async throws {
    let session = session(settings: Self.patient(SessionSettings(protocolVersion: "2025-03-26")))
    async let info = session.connect()
    let request = await answerInitialize(version: "2025-03-26")
    #expect(request?["params"]?["protocolVersion"] == "2025-03-26")
    _ = try await info
  }

  @Test func `tools are listed across pages in order`() async throws {
    let session = session()
    async let info = session.connect()
    _ = await answerInitialize()
    _ = try await info
    async let listing = session.listTools()
    let first = try #require(await transport.server.receive(method: "tools/list"))
    #expect(first["params"] == nil)
    transport.server.reply(
      to: first, result: ["tools": [["name": "a"], ["name": "b"]], "nextCursor": "c1"])
    let second = try #require(await transport.server.receive(method: "tools/list"))
    #expect(second["params"]?["cursor"] == "c1")
    transport.server.reply(
      to: second, result: ["tools": [["name": "c", "x-unknown": [1, 2]]], "nextCursor": nil])
    let result = try await listing
    #expect(result.pages == 2)
    #expect(result.tools.compactMap { $0["name"]?.stringValue } == ["a", "b", "c"])
    #expect(result.tools[2]["x-unknown"] == [1, 2])
  }

  @Test func `a pagination loop is reported, not followed forever`() async throws {
    let session = session()
    async let info = session.connect()
    _ = await answerInitialize()
    _ = try await info
    let listing = Task { try await session.listTools() }
    for _ in 0..<2 {
      let request = try #require(await transport.server.receive(method: "tools/list"))
      transport.server.reply(to: request, result: ["tools": [], "nextCursor": "same"])
    }
    await #expect {
      try await listing.value
    } throws: { error in
      (error as? SessionError)?.description.contains("pagination loops") == true
    }
  }

  @Test func `a list result without tools is an invalid response`() async throws {
    let session = session()
    async let info = session.connect()
    _ = await answerInitialize()
    _ = try await info
    let listing = Task { try await session.listTools() }
    let request = try #require(await transport.server.receive(method: "tools/list"))
    transport.server.reply(to: request, result: ["items": []])
    await #expect(
      throws: SessionError.invalidResponse(
        method: "tools/list", reason: "page 1 has no \"tools\" array")
    ) { try await listing.value }
  }

  @Test func `tool calls carry the profile's request meta and no progress token under chatgpt`()
    async throws
  {
    let session = session()
    async let info = session.connect()
    _ = await answerInitialize()
    _ = try await info
    async let result = session.callTool("create_task", arguments: ["title": "x"])
    let call = try #require(await transport.server.receive(method: "tools/call"))
    let meta = try #require(call["params"]?["_meta"]?.objectValue)
    #expect(meta["openai/subject"] == "v1/preflight-subject")
    #expect(meta["openai/locale"] == "en-US")
    #expect(meta["progressToken"] == nil)
    #expect(call["params"]?["arguments"] == ["title": "x"])
    transport.server.reply(to: call, result: ["content": [], "isError": true])
    #expect(try await result["isError"] == true)
  }

  @Test func `the full profile sends a progress token and request meta from the user`()
    async throws
  {
    let session = session(
      .full, settings: Self.patient(SessionSettings(requestMeta: ["openai/locale": "fr-FR"])))
    async let info = session.connect()
    _ = await answerInitialize()
    _ = try await info
    async let result = session.callTool("echo", arguments: nil)
    let call = try #require(await transport.server.receive(method: "tools/call"))
    #expect(call["params"]?["_meta"]?["progressToken"] == "preflight-1")
    #expect(call["params"]?["_meta"]?["openai/locale"] == "fr-FR")
    #expect(call["params"]?["arguments"] == nil)
    transport.server.reply(to: call, result: ["content": []])
    _ = try await result
  }

  @Test func `a server that exits before answering is a connection failure with its stderr`()
    async throws
  {
    let session = session()
    let connect = Task { try await session.connect() }
    _ = await transport.server.receive(method: "initialize")
    transport.server.close(.processExited(status: 3, signal: nil, lastStderr: ["fatal: no key"]))
    await #expect {
      try await connect.value
    } throws: { error in
      let text = (error as? SessionError)?.description ?? ""
      return text.contains("status 3") && text.contains("fatal: no key")
    }
  }

  @Test func `a JSON-RPC error on a call maps to exit code 1`() async throws {
    let session = session()
    async let info = session.connect()
    _ = await answerInitialize()
    _ = try await info
    let call = Task { try await session.callTool("nope", arguments: [:]) }
    let request = try #require(await transport.server.receive(method: "tools/call"))
    transport.server.replyError(to: request, code: -32602, message: "Unknown tool: nope")
    await #expect {
      try await call.value
    } throws: { error in
      (error as? SessionError)?.exitCode == 1
    }
  }
}
