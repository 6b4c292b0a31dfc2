import DemoServer
import PreflightJSON
import Testing

@Suite struct HTTPStreamTests {
  /// The params of a `sync_tasks` call.
  static func syncParams(steps: Int, delayMs: Int, token: JSONValue? = nil) -> JSONValue {
    var params: JSONObject = [
      "name": "sync_tasks", "arguments": ["steps": .int(steps), "delayMs": .int(delayMs)],
    ]
    if let token { params["_meta"] = ["progressToken": token] }
    return .object(params)
  }

  /// Reads events until the stream ends, with the time each arrived.
  static func readAll(_ client: HTTPTestClient) async throws -> [(
    event: HTTPTestEvent, at: ContinuousClock.Instant
  )] {
    var events: [(event: HTTPTestEvent, at: ContinuousClock.Instant)] = []
    while let event = try await client.nextEvent() {
      if event.data != nil { events.append((event, ContinuousClock.now)) }
    }
    return events
  }

  @Test func `a slow tools/call streams its progress before the response`() async throws {
    try await withDemoHTTPServer { _, port in
      let client = try HTTPTestClient(port: port)
      let session = try await client.initializeSession()
      let call = HTTPTestClient.requestMessage(
        id: 7, "tools/call", Self.syncParams(steps: 3, delayMs: 150, token: "sync-1"))
      try await client.sendRequest(
        "POST", headers: HTTPTestClient.postHeaders(session: session),
        body: JSONPrinter.compactBytes(call))
      let head = try await client.readHead()
      #expect(head.status == 200)
      #expect(head.mediaType == "text/event-stream")
      #expect(head.header("Transfer-Encoding") == "chunked")
      let events = try await Self.readAll(client)
      let messages = events.compactMap { $0.event.message }
      let progress = messages.filter { $0["method"] == "notifications/progress" }
      #expect(progress.map { $0["params"]?["progress"] } == [1, 2, 3])
      #expect(progress.allSatisfy { $0["params"]?["progressToken"] == "sync-1" })
      #expect(messages.contains { $0["method"] == "notifications/message" })
      // The response comes last, once.
      #expect(messages.last?["id"] == 7)
      #expect(messages.last?["result"]?["structuredContent"]?["steps"] == 3)
      #expect(messages.dropLast().allSatisfy { $0["id"] == nil })
      // Every event is a `message` event with an id, and the ids differ.
      #expect(events.allSatisfy { $0.event.event == "message" && $0.event.id?.isEmpty == false })
      #expect(Set(events.compactMap(\.event.id)).count == events.count)
      // The first progress was on the wire well before the response: nothing waited for the end.
      let firstProgress = try #require(
        events.first { $0.event.message?["method"] == "notifications/progress" })
      let response = try #require(events.last)
      #expect(response.at - firstProgress.at >= .milliseconds(200))
    }
  }

  @Test func `a tools/call without text/event-stream in Accept is answered with JSON`()
    async throws
  {
    try await withDemoHTTPServer { _, port in
      let client = try HTTPTestClient(port: port)
      let session = try await client.initializeSession()
      let response = try await client.post(
        HTTPTestClient.requestMessage(
          id: 3, "tools/call", Self.syncParams(steps: 2, delayMs: 1, token: "t")),
        session: session, accept: "application/json")
      #expect(response.status == 200)
      #expect(response.mediaType == "application/json")
      #expect(response.json?["result"]?["structuredContent"]?["steps"] == 2)
    }
  }

  @Test func `requests other than tools/call are answered with JSON even when SSE is accepted`()
    async throws
  {
    try await withDemoHTTPServer { _, port in
      let client = try HTTPTestClient(port: port)
      let session = try await client.initializeSession()
      for method in ["ping", "tools/list", "resources/list"] {
        let response = try await client.post(
          HTTPTestClient.requestMessage(id: 4, method), session: session)
        #expect(response.mediaType == "application/json", "\(method)")
      }
    }
  }

  @Test func `a quick tools/call gets a stream with just the response`() async throws {
    try await withDemoHTTPServer { _, port in
      let client = try HTTPTestClient(port: port)
      let session = try await client.initializeSession()
      let response = try await client.post(
        HTTPTestClient.requestMessage(
          id: "e", "tools/call", ["name": "echo", "arguments": ["x": 1]]),
        session: session)
      #expect(response.mediaType == "text/event-stream")
      #expect(response.text.hasPrefix("event: message\nid: "))
      let data = response.text.split(separator: "\n").first { $0.hasPrefix("data: ") }
      let message = try JSONParser.parse(String(try #require(data).dropFirst(6)))
      #expect(message["id"] == "e")
      #expect(message["result"]?["structuredContent"] == ["x": 1])
    }
  }

  @Test func `notifications/cancelled ends the stream without a response`() async throws {
    try await withDemoHTTPServer { _, port in
      let streaming = try HTTPTestClient(port: port)
      let session = try await streaming.initializeSession()
      let call = HTTPTestClient.requestMessage(
        id: "slow", "tools/call", Self.syncParams(steps: 100, delayMs: 600, token: 1))
      try await streaming.sendRequest(
        "POST", headers: HTTPTestClient.postHeaders(session: session),
        body: JSONPrinter.compactBytes(call))
      #expect(try await streaming.readHead().status == 200)
      // Wait until the sync is under way.
      var first = try await streaming.nextEvent()
      while first?.message?["method"] != "notifications/progress" {
        first = try await streaming.nextEvent()
      }
      let other = try HTTPTestClient(port: port)
      let cancel = try await other.post(
        HTTPTestClient.notificationMessage(
          "notifications/cancelled", ["requestId": "slow", "reason": "test"]),
        session: session)
      #expect(cancel.status == 202)
      let clock = ContinuousClock()
      let start = clock.now
      let rest = try await Self.readAll(streaming)
      // Uncancelled, the sync would run for a minute; a loaded machine may take seconds.
      #expect(clock.now - start < .seconds(30))
      #expect(rest.allSatisfy { $0.event.message?["id"] == nil })
    }
  }

  @Test func `a cancelled request answered with JSON gets 202 and no body`() async throws {
    try await withDemoHTTPServer { _, port in
      let calling = try HTTPTestClient(port: port)
      let session = try await calling.initializeSession()
      let call = HTTPTestClient.requestMessage(
        id: 9, "tools/call", Self.syncParams(steps: 50, delayMs: 100))
      try await calling.sendRequest(
        "POST", headers: HTTPTestClient.postHeaders(session: session, accept: "application/json"),
        body: JSONPrinter.compactBytes(call))
      try await Task.sleep(for: .milliseconds(250))
      let other = try HTTPTestClient(port: port)
      let cancel = try await other.post(
        HTTPTestClient.notificationMessage("notifications/cancelled", ["requestId": 9]),
        session: session)
      #expect(cancel.status == 202)
      var head = try await calling.readHead()
      head.body = try await calling.readBody(of: head)
      #expect(head.status == 202)
      #expect(head.body.isEmpty)
    }
  }

  @Test func `the GET stream opens as text/event-stream and sends keep-alive comments`()
    async throws
  {
    try await withDemoHTTPServer(keepAlive: .milliseconds(100)) { _, port in
      let client = try HTTPTestClient(port: port)
      let session = try await client.initializeSession()
      try await client.sendRequest(
        "GET",
        headers: [
          ("Accept", "text/event-stream"), ("Mcp-Session-Id", session),
          ("MCP-Protocol-Version", "2025-11-25"),
        ])
      let head = try await client.readHead()
      #expect(head.status == 200)
      #expect(head.mediaType == "text/event-stream")
      #expect(head.header("Cache-Control") == "no-cache")
      let event = try #require(try await client.nextEvent())
      #expect(event.comments == ["keep-alive"])
      #expect(event.data == nil)
    }
  }

  @Test func `the GET stream needs Accept text/event-stream`() async throws {
    try await withDemoHTTPServer { _, port in
      let client = try HTTPTestClient(port: port)
      let session = try await client.initializeSession()
      let response = try await client.request(
        "GET", headers: [("Accept", "application/json"), ("Mcp-Session-Id", session)])
      #expect(response.status == 406)
    }
  }

  @Test func `the GET stream without a session id is refused with 400`() async throws {
    try await withDemoHTTPServer { _, port in
      let client = try HTTPTestClient(port: port)
      let response = try await client.request("GET", headers: [("Accept", "text/event-stream")])
      #expect(response.status == 400)
    }
  }

  @Test func `notifications of a request answered with JSON go to the GET stream`() async throws {
    try await withDemoHTTPServer { _, port in
      let listening = try HTTPTestClient(port: port)
      let session = try await listening.initializeSession()
      try await listening.sendRequest(
        "GET", headers: [("Accept", "text/event-stream"), ("Mcp-Session-Id", session)])
      #expect(try await listening.readHead().status == 200)
      let calling = try HTTPTestClient(port: port)
      let response = try await calling.post(
        HTTPTestClient.requestMessage(
          id: 5, "tools/call", Self.syncParams(steps: 2, delayMs: 0, token: "json")),
        session: session, accept: "application/json")
      #expect(response.mediaType == "application/json")
      var progress: [JSONValue] = []
      while progress.count < 2, let event = try await listening.nextEvent() {
        if let message = event.message, message["method"] == "notifications/progress" {
          progress.append(message)
        }
      }
      #expect(progress.map { $0["params"]?["progress"] } == [1, 2])
    }
  }

  @Test func `DELETE ends the session's open GET stream`() async throws {
    try await withDemoHTTPServer { _, port in
      let listening = try HTTPTestClient(port: port)
      let session = try await listening.initializeSession()
      try await listening.sendRequest(
        "GET", headers: [("Accept", "text/event-stream"), ("Mcp-Session-Id", session)])
      #expect(try await listening.readHead().status == 200)
      let other = try HTTPTestClient(port: port)
      let deleted = try await other.request("DELETE", headers: [("Mcp-Session-Id", session)])
      #expect(deleted.status == 200)
      #expect(try await listening.nextEvent() == nil)
    }
  }

  @Test func `a client that leaves mid-stream does not disturb the session`() async throws {
    try await withDemoHTTPServer { _, port in
      let other = try HTTPTestClient(port: port)
      let session = try await other.initializeSession()
      do {
        let leaving = try HTTPTestClient(port: port)
        let call = HTTPTestClient.requestMessage(
          id: 1, "tools/call", Self.syncParams(steps: 5, delayMs: 50, token: "gone"))
        try await leaving.sendRequest(
          "POST", headers: HTTPTestClient.postHeaders(session: session),
          body: JSONPrinter.compactBytes(call))
        #expect(try await leaving.readHead().status == 200)
        _ = try await leaving.nextEvent()
      }  // The connection closes here, mid-stream.
      try await Task.sleep(for: .milliseconds(400))
      let created = try await other.resultOf(
        "tools/call", ["name": "create_task", "arguments": ["title": "Still here"]], id: 2,
        session: session)
      #expect(created["structuredContent"]?["task"]?["title"] == "Still here")
    }
  }
}
