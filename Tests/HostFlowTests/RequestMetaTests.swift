import ApprovalPolicy
import HostFlow
import PreflightCore
import PreflightJSON
import PreflightTestSupport
import Testing

/// What a model-style `tools/call` carries in `_meta` under each profile, exactly as it goes on
/// the wire (issue 12 §1), and the refusal of widget-only tools (§2).
@Suite struct RequestMetaTests {
  /// A fixed identity: the subject is constant, each conversation's session names it.
  static let identity = RequestIdentity(subject: "v1/0123456789abcdef0123456789abcdef") {
    "v1/session-of-\($0)"
  }

  static let readTool: JSONValue = [
    "name": "list_tasks", "inputSchema": ["type": "object"],
    "annotations": ["readOnlyHint": true, "destructiveHint": false, "openWorldHint": false],
  ]

  /// A connected session over memory; the server answers initialize.
  static func connected(
    _ profile: ClientProfile, settings: SessionSettings
  ) async throws -> (MCPClientSession, MemoryTransport, WireLog) {
    let transport = MemoryTransport()
    let log = WireLog()
    let session = MCPClientSession(
      transport: transport, profile: profile, settings: settings, log: log)
    async let info = session.connect()
    let request = try #require(await transport.server.receive(method: "initialize"))
    transport.server.reply(
      to: request,
      result: [
        "protocolVersion": .string(profile.protocolVersion), "capabilities": [:],
        "serverInfo": ["name": "tasks", "version": "1"],
      ])
    _ = try await info
    _ = await transport.server.receive(method: "notifications/initialized")
    return (session, transport, log)
  }

  /// Runs calls through the host flow in `conversation`s and returns each `tools/call` frame as
  /// the wire log recorded it.
  static func sentCalls(
    _ profile: ClientProfile, settings: SessionSettings, conversations: [String],
    override: JSONObject? = nil
  ) async throws -> [JSONValue] {
    let (session, transport, log) = try await connected(profile, settings: settings)
    let server = transport.server
    let responder = Task {
      while let request = await server.receive(method: "tools/call") {
        server.reply(to: request, result: ["content": []])
      }
    }
    var records: [CallRecord] = []
    for conversation in conversations {
      var runner = ModelCallRunner(server: "tasks", policy: .chatgpt, conversation: conversation)
      let record = await runner.run(
        ModelCall(name: "list_tasks", arguments: ["limit": 5]), tool: readTool, answer: nil,
        session: session, metaOverride: override)
      #expect(record.sent && record.failure == nil)
      records.append(record)
    }
    responder.cancel()
    await session.close()
    let frames = log.records.filter {
      $0.direction == .outbound && $0.message?["method"] == "tools/call"
    }.compactMap(\.message)
    // Each record keeps the _meta its request carried (for the TUI's transcript export).
    #expect(records.map(\.requestMeta) == frames.map { $0["params"]?["_meta"] })
    return frames
  }

  @Test(arguments: ClientProfile.builtin.map(\.name))
  func `the tools call frame of each profile matches its snapshot`(profile name: String)
    async throws
  {
    let profile = try #require(ClientProfile.named(name))
    let frames = try await Self.sentCalls(
      profile, settings: SessionSettings(identity: Self.identity), conversations: ["conversation-1"]
    )
    let frame = try #require(frames.first)
    expectSnapshot(JSONPrinter.pretty(frame) + "\n", named: "tools-call-\(name)")
  }

  @Test func `the chatgpt profile sends every documented key`() async throws {
    let frames = try await Self.sentCalls(
      .chatgpt, settings: SessionSettings(identity: Self.identity), conversations: ["c"])
    let meta = try #require(frames.first?["params"]?["_meta"]?.objectValue)
    #expect(
      meta.keys == [
        "openai/locale", "openai/userAgent", "openai/userLocation", "openai/subject",
        "openai/session", "openai/organization",
      ])
    let location = try #require(meta["openai/userLocation"]?.objectValue)
    #expect(
      Set(location.keys) == ["city", "region", "country", "timezone", "longitude", "latitude"])
    #expect(location["latitude"]?.doubleValue != nil && location["longitude"]?.doubleValue != nil)
    #expect(meta["openai/organization"]?.stringValue?.hasPrefix("org-") == true)
  }

  @Test func `the session is new for each conversation and the subject stays`() async throws {
    let frames = try await Self.sentCalls(
      .chatgpt, settings: SessionSettings(identity: Self.identity),
      conversations: ["conversation-1", "conversation-1", "conversation-2"])
    let sessions = frames.map { $0["params"]?["_meta"]?["openai/session"]?.stringValue }
    #expect(
      sessions == [
        "v1/session-of-conversation-1", "v1/session-of-conversation-1",
        "v1/session-of-conversation-2",
      ])
    let subjects = Set(frames.map { $0["params"]?["_meta"]?["openai/subject"] })
    #expect(subjects == [.string(Self.identity.subject)])
  }

  @Test func `the chatgpt-2025 profile gets a subject but no session`() async throws {
    let frames = try await Self.sentCalls(
      .chatgpt2025, settings: SessionSettings(identity: Self.identity), conversations: ["c"])
    let meta = try #require(frames.first?["params"]?["_meta"]?.objectValue)
    #expect(meta["openai/subject"] == .string(Self.identity.subject))
    #expect(meta["openai/session"] == nil)
    #expect(meta["openai/organization"] == nil)
  }

  @Test func `request-meta overrides key by key and replaces nested objects whole`()
    async throws
  {
    let user: JSONObject = [
      "openai/locale": "fr-FR", "openai/session": "mine",
      "openai/userLocation": ["country": "FR"], "x-extra": true,
    ]
    let frames = try await Self.sentCalls(
      .chatgpt, settings: SessionSettings(requestMeta: user, identity: Self.identity),
      conversations: ["c1", "c2"])
    for frame in frames {
      let meta = try #require(frame["params"]?["_meta"])
      #expect(meta["openai/locale"] == "fr-FR")
      #expect(meta["openai/session"] == "mine", "the user's value wins in every conversation")
      #expect(meta["openai/userLocation"] == ["country": "FR"])
      #expect(meta["x-extra"] == true)
      #expect(meta["openai/subject"] == .string(Self.identity.subject), "kept from the profile")
      #expect(meta["openai/userAgent"]?.stringValue?.hasPrefix("Mozilla/5.0") == true)
    }
  }

  @Test func `callTool with overrides sends exactly the merged meta`() async throws {
    // The TUI's edits over --request-meta over the profile: set, add, and null to remove.
    let frames = try await Self.sentCalls(
      .chatgpt,
      settings: SessionSettings(
        requestMeta: ["openai/organization": "org-cli", "openai/locale": "fr-FR"],
        identity: Self.identity),
      conversations: ["conversation-1", "conversation-2"],
      override: [
        "openai/locale": "de-DE", "openai/userAgent": .null, "x-tenant": ["id": 7],
      ])
    let profile = try #require(ClientProfile.chatgpt.toolCallMeta.objectValue)
    for (frame, conversation) in zip(frames, ["conversation-1", "conversation-2"]) {
      let expected: JSONObject = [
        "openai/locale": "de-DE",
        "openai/userLocation": try #require(profile["openai/userLocation"]),
        "openai/subject": .string(Self.identity.subject),
        "openai/session": .string("v1/session-of-\(conversation)"),
        "openai/organization": "org-cli",
        "x-tenant": ["id": 7],
      ]
      #expect(frame["params"]?["_meta"] == .object(expected))
    }
    #expect(frames.count == 2)
  }

  @Test func `an override of openai session pins it in every conversation`() async throws {
    let frames = try await Self.sentCalls(
      .chatgpt, settings: SessionSettings(identity: Self.identity),
      conversations: ["conversation-1", "conversation-2"],
      override: ["openai/session": "v1/pinned"])
    #expect(frames.map { $0["params"]?["_meta"]?["openai/session"] } == ["v1/pinned", "v1/pinned"])
  }

  @Test func `a null in request-meta or an override that removes everything sends no meta`()
    async throws
  {
    let nulls = JSONObject(
      (ClientProfile.chatgpt2025.toolCallMeta.objectValue?.keys ?? []).map {
        JSONMember(key: $0, value: .null)
      })
    let fromFile = try await Self.sentCalls(
      .chatgpt2025, settings: SessionSettings(requestMeta: nulls, identity: Self.identity),
      conversations: ["c"])
    #expect(fromFile.first?["params"]?["_meta"] == nil)
    let fromOverride = try await Self.sentCalls(
      .chatgpt2025, settings: SessionSettings(identity: Self.identity), conversations: ["c"],
      override: nulls)
    #expect(fromOverride.first?["params"]?["_meta"] == nil)
    #expect(fromOverride.first?["params"]?["arguments"] == ["limit": 5])
  }

  @Test func `the full profile sends only the override's keys`() async throws {
    let frames = try await Self.sentCalls(
      .full, settings: SessionSettings(identity: Self.identity), conversations: ["c"],
      override: ["openai/locale": "en-GB", "openai/session": .null])
    let meta = try #require(frames.first?["params"]?["_meta"]?.objectValue)
    #expect(
      meta.keys == ["progressToken", "openai/locale"]
        || meta.keys == ["openai/locale", "progressToken"])
    #expect(meta["openai/locale"] == "en-GB")
  }

  @Test func `without an identity the profile's placeholders go out unchanged`() async throws {
    let frames = try await Self.sentCalls(
      .chatgpt, settings: SessionSettings(), conversations: ["c"])
    #expect(frames.first?["params"]?["_meta"] == ClientProfile.chatGPTPlaceholderMeta)
  }

  @Test func `the derived subject is stable, opaque and differs per seed`() {
    let a = RequestIdentity.subject(userSeed: "machine\n1000\nana")
    #expect(a == RequestIdentity.subject(userSeed: "machine\n1000\nana"))
    #expect(a != RequestIdentity.subject(userSeed: "machine\n1001\nbob"))
    #expect(a.hasPrefix("v1/") && a.count == 35)
    #expect(a.dropFirst(3).allSatisfy { $0.isHexDigit && !$0.isUppercase })
    #expect(!a.contains("ana") && !a.contains("machine"))
    let s1 = RequestIdentity.randomSession()
    let s2 = RequestIdentity.randomSession()
    #expect(s1 != s2 && s1.hasPrefix("v1/") && s1.count == 35)
  }

  @Test func `SHA-256 matches the FIPS 180-4 test vectors`() {
    #expect(
      SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(
      SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(
      SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    #expect(
      SHA256.hex(String(repeating: "a", count: 1000))
        == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
  }

  // MARK: - Visibility

  @Test(arguments: [
    ["ui": ["visibility": ["app"]]] as JSONValue, ["openai/visibility": "private"],
  ])
  func `a widget-only tool is refused before the policy and nothing is sent`(meta: JSONValue)
    async throws
  {
    let (session, _, log) = try await Self.connected(.chatgpt, settings: SessionSettings())
    var tool = try #require(Self.readTool.objectValue)
    tool["name"] = "refresh_widget"
    tool["_meta"] = meta
    // Even never-ask, which runs everything, does not offer a hidden tool to the model.
    var runner = ModelCallRunner(server: "tasks", policy: .neverAsk)
    #expect(runner.decide(tool: .object(tool)).kind == .refuse)
    let record = await runner.run(
      ModelCall(name: "refresh_widget"), tool: .object(tool), answer: .approve, session: session)
    await session.close()
    #expect(!record.sent)
    #expect(record.outcome.kind == .refused)
    #expect(!record.approvalRequired)
    #expect(record.json["approval"]?["reason"]?.stringValue?.contains("widget-only") == true)
    #expect(!log.records.contains { $0.message?["method"] == "tools/call" })
    let local = try #require(
      log.records.first {
        if case .local(let kind, _, _) = $0.body { return kind == "approval-refused" }
        return false
      })
    guard case .local(_, let text, let details) = local.body else { return }
    #expect(text.contains("no request sent"))
    #expect(details?["hiddenBy"]?.stringValue != nil)
  }
}
