import DemoServer
import PreflightJSON
import Testing

@Suite struct HTTPSessionTests {
  @Test func `initialize over POST answers with JSON and a session id`() async throws {
    try await withDemoHTTPServer { _, port in
      let client = try HTTPTestClient(port: port)
      let response = try await client.post(
        HTTPTestClient.requestMessage(id: 1, "initialize", HTTPTestClient.initializeParams()),
        session: nil)
      #expect(response.status == 200)
      #expect(response.mediaType == "application/json")
      let session = try #require(response.header("Mcp-Session-Id"))
      #expect(session.count >= 16)
      #expect(session.unicodeScalars.allSatisfy { (0x21...0x7E).contains($0.value) })
      let message = try #require(response.json)
      #expect(message["jsonrpc"] == "2.0")
      #expect(message["id"] == 1)
      #expect(message["result"]?["protocolVersion"] == "2025-11-25")
      #expect(message["result"]?["serverInfo"]?["name"] == "preflight-demo")
    }
  }

  @Test func `each initialize opens a different session`() async throws {
    try await withDemoHTTPServer { _, port in
      let client = try HTTPTestClient(port: port)
      let first = try await client.initializeSession()
      let second = try await client.initializeSession()
      #expect(first != second)
    }
  }

  @Test func `an initialize the server rejects opens no session`() async throws {
    try await withDemoHTTPServer { _, port in
      let client = try HTTPTestClient(port: port)
      let response = try await client.post(
        HTTPTestClient.requestMessage(id: 1, "initialize", ["capabilities": [:]]), session: nil)
      #expect(response.status == 200)
      #expect(response.header("Mcp-Session-Id") == nil)
      #expect(response.json?["error"]?["code"] == -32602)
    }
  }

  @Test func `tools/list in a session gives the demo's tools`() async throws {
    try await withDemoHTTPServer { _, port in
      let client = try HTTPTestClient(port: port)
      let session = try await client.initializeSession()
      let result = try await client.resultOf("tools/list", session: session)
      let names = result["tools"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
      #expect(names == DemoServer.toolNames)
    }
  }

  @Test func `the page size applies to every session`() async throws {
    try await withDemoHTTPServer(pageSize: 2) { _, port in
      let client = try HTTPTestClient(port: port)
      let session = try await client.initializeSession()
      let result = try await client.resultOf("tools/list", session: session)
      #expect(result["tools"]?.arrayValue?.count == 2)
      #expect(result["nextCursor"]?.stringValue != nil)
    }
  }

  @Test func `a notification is accepted with 202 and no body`() async throws {
    try await withDemoHTTPServer { _, port in
      let client = try HTTPTestClient(port: port)
      let session = try await client.initializeSession()
      let response = try await client.post(
        HTTPTestClient.notificationMessage("notifications/roots/list_changed"), session: session)
      #expect(response.status == 202)
      #expect(response.body.isEmpty)
    }
  }

  @Test func `a response from the client is accepted with 202`() async throws {
    try await withDemoHTTPServer { _, port in
      let client = try HTTPTestClient(port: port)
      let session = try await client.initializeSession()
      let response = try await client.post(
        ["jsonrpc": "2.0", "id": "demo-1", "result": [:]], session: session)
      #expect(response.status == 202)
      #expect(response.body.isEmpty)
    }
  }

  @Test func `with one session a request without its id is served, as ChatGPT needs`()
    async throws
  {
    try await withDemoHTTPServer { _, port in
      let client = try HTTPTestClient(port: port)
      _ = try await client.initializeSession()
      let response = try await client.post(
        HTTPTestClient.requestMessage(id: 2, "tools/list"), session: nil)
      #expect(response.status == 200)
    }
  }

  @Test func `with several sessions a request without an id is refused with 400`() async throws {
    try await withDemoHTTPServer { _, port in
      let client = try HTTPTestClient(port: port)
      _ = try await client.initializeSession()
      let other = try HTTPTestClient(port: port)
      _ = try await other.initializeSession()
      let response = try await client.post(
        HTTPTestClient.requestMessage(id: 2, "tools/list"), session: nil)
      #expect(response.status == 400)
      #expect(response.json?["error"]?["message"]?.stringValue?.contains("Mcp-Session-Id") == true)
    }
  }

  @Test func `an unknown session id is refused with 404`() async throws {
    try await withDemoHTTPServer { _, port in
      let client = try HTTPTestClient(port: port)
      let response = try await client.post(
        HTTPTestClient.requestMessage(id: 2, "tools/list"), session: "0123456789abcdef")
      #expect(response.status == 404)
      #expect(response.json?["error"] != nil)
    }
  }

  @Test func `DELETE ends the session and later use gets 404`() async throws {
    try await withDemoHTTPServer { _, port in
      let client = try HTTPTestClient(port: port)
      let session = try await client.initializeSession()
      let deleted = try await client.request(
        "DELETE", headers: [("Mcp-Session-Id", session), ("MCP-Protocol-Version", "2025-11-25")])
      #expect(deleted.status == 200)
      let post = try await client.post(
        HTTPTestClient.requestMessage(id: 2, "tools/list"), session: session)
      #expect(post.status == 404)
      let get = try await client.request(
        "GET", headers: [("Accept", "text/event-stream"), ("Mcp-Session-Id", session)])
      #expect(get.status == 404)
      let again = try await client.request("DELETE", headers: [("Mcp-Session-Id", session)])
      #expect(again.status == 404)
    }
  }

  @Test func `DELETE without a session id is refused with 400`() async throws {
    try await withDemoHTTPServer { _, port in
      let client = try HTTPTestClient(port: port)
      let response = try await client.request("DELETE")
      #expect(response.status == 400)
    }
  }

  @Test func `two sessions keep separate tasks`() async throws {
    try await withDemoHTTPServer { _, port in
      let client = try HTTPTestClient(port: port)
      let first = try await client.initializeSession()
      let second = try await client.initializeSession()
      let created = try await client.resultOf(
        "tools/call", ["name": "create_task", "arguments": ["title": "Only in the first"]],
        session: first)
      let id = try #require(created["structuredContent"]?["task"]?["id"])
      let listArguments: JSONValue = ["name": "list_tasks", "arguments": ["status": "all"]]
      let inFirst = try await client.resultOf("tools/call", listArguments, session: first)
      let inSecond = try await client.resultOf("tools/call", listArguments, session: second)
      let firstIDs = inFirst["structuredContent"]?["tasks"]?.arrayValue?.compactMap { $0["id"] }
      let secondIDs = inSecond["structuredContent"]?["tasks"]?.arrayValue?.compactMap { $0["id"] }
      #expect(firstIDs?.contains(id) == true)
      #expect(secondIDs?.contains(id) == false)
      #expect((secondIDs?.count ?? 0) + 1 == firstIDs?.count)
    }
  }
}
