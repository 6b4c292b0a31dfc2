import Foundation
import PreflightCore
import PreflightJSON
import Testing

/// The rest of MCP against `Fixtures/sdk2_features.py` (official SDK 2.3.0), over stdio and
/// Streamable HTTP: resources, templates, subscriptions, prompts, completions, logging, ping,
/// elicitation (form, URL, -32042), sampling, roots, and a long call cancelled mid-way.
@Suite(Interop.gate) struct FeatureSessionTests {
  static let logo: [UInt8] = [
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 1, 2, 3, 4, 5, 6, 7,
  ]

  @Test(arguments: FeatureTransport.allCases)
  func `resources list, templates expand, and reads return text and bytes`(
    transport: FeatureTransport
  ) async throws {
    try await transport.withSession { session in
      let resources = try await session.listResources()
      #expect(
        resources.compactMap { $0["uri"]?.stringValue } == [
          "notes://welcome", "config://app", "images://logo", "ui://widget/board.html",
        ])
      #expect(
        resources.filter(WidgetResource.isWidget).map { $0["uri"] } == ["ui://widget/board.html"])
      let templates = try await session.listResourceTemplates()
      let patterns: [String] = templates.map { $0["uriTemplate"]?.stringValue ?? "(none)" }
      try #require(patterns == ["notes://by-name/{name}", "search://items{?q,limit}"])

      let welcome = ResourceContent.all(in: try await session.readResource("notes://welcome"))
      #expect(welcome.map(\.text) == ["Welcome to the features fixture."])
      let logo = ResourceContent.all(in: try await session.readResource("images://logo"))
      #expect(logo.first?.bytes == Self.logo)
      #expect(logo.first?.mimeType == "image/png")
      let board = ResourceContent.all(in: try await session.readResource("ui://widget/board.html"))
      #expect(board.first?.isWidget == true)
      #expect(board.first?.text?.contains("<div id='board'>") == true)

      let note = try URITemplate(patterns[0]).expand(["name": "ann"])
      #expect(note == "notes://by-name/ann")
      let noteText = ResourceContent.all(in: try await session.readResource(note)).first?.text
      #expect(noteText == "Note called ann.")
      let search = try URITemplate(patterns[1]).expand(["q": "tea", "limit": "3"])
      #expect(search == "search://items?q=tea&limit=3")
      let searchText = ResourceContent.all(in: try await session.readResource(search)).first?.text
      #expect(searchText == "Search for tea (limit 3).")

      do {
        _ = try await session.readResource("nothing://here")
        Issue.record("reading an unknown resource succeeded")
      } catch let error as SessionError {
        guard case .rpc(let method, _) = error else {
          Issue.record("expected a JSON-RPC error, got \(error)")
          return
        }
        #expect(method == "resources/read")
      }
    }
  }

  @Test(arguments: FeatureTransport.allCases)
  func `a subscription surfaces notifications/resources/updated until unsubscribed`(
    transport: FeatureTransport
  ) async throws {
    try await transport.withSession { session in
      let uri = "notes://by-name/watched"
      try await session.subscribe(uri)
      #expect(try await session.callText("touch", ["uri": .string(uri)]) == "notified")
      let updates = await session.log.waitFor {
        $0.direction == .inbound && $0.method == "notifications/resources/updated"
      }
      #expect(updates.map { $0.message?["params"]?["uri"] } == [.string(uri)])
      try await session.unsubscribe(uri)
      #expect(try await session.callText("touch", ["uri": .string(uri)]) == "not subscribed")
    }
  }

  @Test(arguments: FeatureTransport.allCases)
  func `prompts list with arguments and get renders messages by role and type`(
    transport: FeatureTransport
  ) async throws {
    try await transport.withSession { session in
      let prompts = try await session.listPrompts()
      #expect(prompts.compactMap { $0["name"]?.stringValue } == ["greet", "review"])
      let greetArguments = prompts.first?["arguments"]?.arrayValue ?? []
      #expect(greetArguments.map { $0["name"] } == ["name", "style"])
      #expect(greetArguments.map { $0["required"] } == [true, false])

      let greet = try await session.getPrompt(
        "greet", arguments: ["name": "Ann", "style": "formal"])
      #expect(greet["messages"]?[0]?["role"] == "user")
      #expect(greet["messages"]?[0]?["content"]?["text"] == "Say hello to Ann in a formal way.")

      let review = try await session.getPrompt("review", arguments: ["code": "x = 1"])
      let messages = review["messages"]?.arrayValue ?? []
      #expect(messages.map { $0["role"] } == ["user", "assistant", "user"])
      #expect(messages.map { $0["content"]?["type"] } == ["text", "text", "resource"])
      #expect(messages[2]["content"]?["resource"]?["uri"] == "notes://welcome")
    }
  }

  @Test(arguments: FeatureTransport.allCases)
  func `completions offer values for prompt and template arguments`(
    transport: FeatureTransport
  ) async throws {
    try await transport.withSession { session in
      let styles = try await session.complete(
        reference: ["type": "ref/prompt", "name": "greet"], argument: "style", value: "f")
      #expect(styles == ["friendly", "formal"])
      let names = try await session.complete(
        reference: ["type": "ref/resource", "uri": "notes://by-name/{name}"], argument: "name",
        value: "al")
      #expect(names == ["alice", "albert"])
    }
  }

  @Test(arguments: FeatureTransport.allCases)
  func `logging/setLevel filters notifications/message, and ping measures a round trip`(
    transport: FeatureTransport
  ) async throws {
    try await transport.withSession { session in
      try await session.setLoggingLevel("warning")
      #expect(try await session.callText("log_levels") == "sent 2")
      let messages = await session.log.waitFor {
        $0.direction == .inbound && $0.method == "notifications/message"
          && $0.message?["params"]?["level"] == "error"
      }
      #expect(!messages.isEmpty)
      let levels = session.log.inbound("notifications/message").compactMap {
        $0.message?["params"]?["level"]?.stringValue
      }
      #expect(levels == ["warning", "error"])
      let line = LogMessageLine.text(
        session.log.inbound("notifications/message").first?.message?["params"])
      #expect(line == "server log [warning] features: a warning message")

      let rtt = try await session.ping()
      #expect(rtt > .zero)
      #expect(session.log.outbound("ping").count == 1)
    }
  }

  @Test(arguments: FeatureTransport.allCases)
  func `form elicitation reaches the handler and its answer reaches the tool`(
    transport: FeatureTransport
  ) async throws {
    let handler = ScriptedRequestHandler()
    handler.state.withLock {
      $0.elicitAnswer = .accept(["colour": "red", "shade": 3, "glossy": true])
    }
    try await transport.withSession(handler: handler) {
      (session: MCPClientSession) async throws -> Void in
      #expect(
        try await session.callText("ask_colour")
          == #"accepted: {"colour": "red", "glossy": true, "shade": 3}"#)
      handler.state.withLock { $0.elicitAnswer = .decline }
      #expect(try await session.callText("ask_colour") == "declined")
      handler.state.withLock { $0.elicitAnswer = .cancel }
      #expect(try await session.callText("ask_colour") == "cancelled")
    }
    let asked = handler.state.withLock { $0.elicitations }
    #expect(asked.count == 3)
    #expect(asked.first?.1 == "sdk2-features")
    let request = try #require(asked.first?.0)
    #expect(request.mode == .form)
    #expect(request.message == "Pick a colour for the board")
    #expect(request.requestedSchema?["properties"]?["shade"]?["maximum"] == 9)
    #expect(request.requestedSchema?["properties"]?["colour"]?["default"] == "blue")
  }

  @Test(arguments: FeatureTransport.allCases)
  func `URL elicitation shows the URL and its domain; -32042 names the URL to open`(
    transport: FeatureTransport
  ) async throws {
    let handler = ScriptedRequestHandler()
    handler.state.withLock { $0.elicitAnswer = .accept(nil) }
    try await transport.withSession(handler: handler) {
      (session: MCPClientSession) async throws -> Void in
      #expect(try await session.callText("open_link") == "accept")
      do {
        _ = try await session.callTool("need_url", arguments: [:])
        Issue.record("need_url succeeded")
      } catch let error as SessionError {
        guard case .rpc(_, let rpcError) = error, let required = URLElicitationRequired(rpcError)
        else {
          Issue.record("expected -32042, got \(error)")
          return
        }
        #expect(required.elicitations.map(\.url) == ["https://pay.example.com/x"])
        #expect(required.elicitations.first?.domain == "pay.example.com")
        #expect(error.description.contains("https://pay.example.com/x"))
      }
    }
    let request = try #require(handler.state.withLock { $0.elicitations.first?.0 })
    #expect(request.mode == .url)
    #expect(request.url == "https://auth.example.com/start?session=1")
    #expect(request.domain == "auth.example.com")
    #expect(request.elicitationID == "el-1")
  }

  @Test(arguments: FeatureTransport.allCases)
  func `sampling is answered by the handler or rejected with -1`(
    transport: FeatureTransport
  ) async throws {
    let handler = ScriptedRequestHandler()
    handler.state.withLock {
      $0.samplingAnswer = .success([
        "role": "assistant", "content": ["type": "text", "text": "short"],
        "model": "canned-model", "stopReason": "endTurn",
      ])
    }
    try await transport.withSession(handler: handler) {
      (session: MCPClientSession) async throws -> Void in
      #expect(
        try await session.callText("summarize", ["text": "a long text"])
          == "model canned-model said: short")
      handler.state.withLock {
        $0.samplingAnswer = .failure(
          JSONRPCErrorObject(code: -1, message: "User rejected sampling request"))
      }
      let rejected = try await session.callText("summarize", ["text": "again"])
      #expect(rejected.hasPrefix("sampling failed:"))
      #expect(rejected.contains("User rejected sampling request"))
    }
    let params = try #require(handler.state.withLock { $0.samplings.first })
    #expect(params["systemPrompt"] == "You summarize in one line.")
    #expect(params["messages"]?[0]?["content"]?["text"] == "a long text")
    #expect(params["modelPreferences"]?["hints"]?[0]?["name"] == "small")
  }

  @Test(arguments: FeatureTransport.allCases)
  func `roots are answered and a change is announced with roots/list_changed`(
    transport: FeatureTransport
  ) async throws {
    let handler = ScriptedRequestHandler()
    handler.state.withLock { $0.roots = [ClientRoot(path: "/tmp/first root")] }
    try await transport.withSession(handler: handler) {
      (session: MCPClientSession) async throws -> Void in
      #expect(try await session.callText("show_roots") == "file:///tmp/first%20root")
      handler.state.withLock {
        $0.roots = [ClientRoot(path: "/srv/a"), ClientRoot(path: "/srv/b")]
      }
      #expect(try await session.rootsChanged())
      #expect(session.log.outbound("notifications/roots/list_changed").count == 1)
      #expect(try await session.callText("show_roots") == "file:///srv/a\nfile:///srv/b")
    }
    #expect(handler.state.withLock { $0.rootsAsked } == 2)
  }

  @Test func `the ChatGPT profile declares none of them, so the handler is never asked`()
    async throws
  {
    let handler = ScriptedRequestHandler()
    handler.state.withLock { $0.elicitAnswer = .accept(["colour": "red"]) }
    try await FeatureTransport.stdio.withSession(profile: .chatgpt, handler: handler) {
      (session: MCPClientSession) async throws -> Void in
      #expect(try await !(session.rootsChanged()))
      let result = try? await session.callTool("ask_colour", arguments: [:])
      let text = result.flatMap { Interop.texts($0).first } ?? ""
      #expect(!text.hasPrefix("accepted"))
    }
    #expect(handler.state.withLock { $0.elicitations.isEmpty && $0.samplings.isEmpty })
  }

  @Test(arguments: FeatureTransport.allCases)
  func `a long call cancelled mid-way sends notifications/cancelled and the session goes on`(
    transport: FeatureTransport
  ) async throws {
    try await transport.withSession { session in
      let call = Task { try await session.callTool("long_task", arguments: ["seconds": 30]) }
      let progress = await session.log.waitFor {
        $0.direction == .inbound && $0.method == "notifications/progress"
      }
      #expect(!progress.isEmpty, "the long call reported progress before it was cancelled")
      call.cancel()
      do {
        _ = try await call.value
        Issue.record("the cancelled call returned a result")
      } catch let error as SessionError {
        #expect(error == .connection("tools/call was cancelled"))
      }
      let cancelled = session.log.outbound("notifications/cancelled")
      #expect(cancelled.count == 1)
      let callID = session.log.outbound("tools/call").last?.message?["id"]
      #expect(cancelled.first?.message?["params"]?["requestId"] == callID)
      #expect(session.log.records.contains { $0.localKind == "cancel-requested" })
      if transport == .stdio {
        let stderr = await session.log.waitFor { $0.stderrLine == "long_task cancelled" }
        #expect(!stderr.isEmpty, "the server saw the cancellation")
      }
      #expect(try await session.callText("log_levels") == "sent 4")
    }
  }
}
