import DemoServer
import PreflightJSON
import Testing

@Suite struct HTTPValidationTests {
  @Test(arguments: ["1999-01-01", "2025-11-26", "latest"])
  func `an unsupported protocol version header is refused with 400`(version: String)
    async throws
  {
    try await withDemoHTTPServer { _, port in
      let client = try HTTPTestClient(port: port)
      let session = try await client.initializeSession()
      let response = try await client.request(
        "POST",
        headers: [
          ("Content-Type", "application/json"), ("Accept", HTTPTestClient.mcpAccept),
          ("Mcp-Session-Id", session), ("MCP-Protocol-Version", version),
        ],
        body: JSONPrinter.compactBytes(HTTPTestClient.requestMessage(id: 2, "ping")))
      #expect(response.status == 400)
      #expect(response.json?["error"]?["message"]?.stringValue?.contains(version) == true)
    }
  }

  @Test(arguments: DemoServer.supportedProtocolVersions)
  func `every supported protocol version header is accepted`(version: String) async throws {
    try await withDemoHTTPServer { _, port in
      let client = try HTTPTestClient(port: port)
      let session = try await client.initializeSession()
      let response = try await client.request(
        "POST",
        headers: [
          ("Content-Type", "application/json"), ("Accept", HTTPTestClient.mcpAccept),
          ("Mcp-Session-Id", session), ("mcp-protocol-version", version),
        ],
        body: JSONPrinter.compactBytes(HTTPTestClient.requestMessage(id: 2, "ping")))
      #expect(response.status == 200)
    }
  }

  @Test(arguments: [
    "https://evil.example", "null", "http://localhost.evil.example", "http://127.0.0.1.nip.io",
    "file://", "http://192.168.1.10:8080",
  ])
  func `a foreign Origin is refused with 403`(origin: String) async throws {
    try await withDemoHTTPServer { _, port in
      let client = try HTTPTestClient(port: port)
      let response = try await client.post(
        HTTPTestClient.requestMessage(id: 1, "initialize", HTTPTestClient.initializeParams()),
        session: nil, extra: [("Origin", origin)])
      #expect(response.status == 403)
      #expect(response.header("Mcp-Session-Id") == nil)
    }
  }

  @Test(arguments: [
    "http://localhost:6274", "http://127.0.0.1:3000", "https://localhost", "http://[::1]:8080",
    "HTTP://LOCALHOST",
  ])
  func `a local Origin is accepted`(origin: String) async throws {
    try await withDemoHTTPServer { _, port in
      let client = try HTTPTestClient(port: port)
      let response = try await client.post(
        HTTPTestClient.requestMessage(id: 1, "initialize", HTTPTestClient.initializeParams()),
        session: nil, extra: [("Origin", origin)])
      #expect(response.status == 200)
      #expect(response.header("Mcp-Session-Id") != nil)
    }
  }

  @Test func `a Host header naming another machine is refused with 421`() async throws {
    try await withDemoHTTPServer { _, port in
      let client = try HTTPTestClient(port: port)
      let body = JSONPrinter.compactBytes(
        HTTPTestClient.requestMessage(id: 1, "initialize", HTTPTestClient.initializeParams()))
      try await client.send(
        "POST /mcp HTTP/1.1\r\nHost: rebound.example:\(port)\r\nContent-Type: application/json\r\n"
          + "Content-Length: \(body.count)\r\n\r\n")
      try await client.send(body)
      let head = try await client.readHead()
      #expect(head.status == 421)
    }
  }

  @Test(arguments: ["/", "/mcp/", "/other", "/sse"])
  func `paths other than /mcp are 404`(path: String) async throws {
    try await withDemoHTTPServer { _, port in
      let client = try HTTPTestClient(port: port)
      let response = try await client.request(
        "POST", path: path, headers: [("Content-Type", "application/json")],
        body: JSONPrinter.compactBytes(
          HTTPTestClient.requestMessage(id: 1, "initialize", HTTPTestClient.initializeParams())))
      #expect(response.status == 404)
    }
  }

  @Test func `a query string does not change the endpoint`() async throws {
    try await withDemoHTTPServer { _, port in
      let client = try HTTPTestClient(port: port)
      let response = try await client.request(
        "POST", path: "/mcp?x=1", headers: [("Content-Type", "application/json")],
        body: JSONPrinter.compactBytes(
          HTTPTestClient.requestMessage(id: 1, "initialize", HTTPTestClient.initializeParams())))
      #expect(response.status == 200)
    }
  }

  @Test func `a body that is not JSON is refused with 400 and a parse error`() async throws {
    try await withDemoHTTPServer { _, port in
      let client = try HTTPTestClient(port: port)
      let response = try await client.request(
        "POST", headers: [("Content-Type", "application/json")], body: Array("{not json".utf8))
      #expect(response.status == 400)
      #expect(response.mediaType == "application/json")
      #expect(response.json?["error"]?["code"] == -32700)
      #expect(response.json?["id"] == .null)
    }
  }

  @Test(arguments: ["[]", "42", #"{"jsonrpc":"2.0"}"#, #"{"jsonrpc":"2.0","id":{},"method":"x"}"#])
  func `JSON that is not one message is refused with 400 and invalid request`(body: String)
    async throws
  {
    try await withDemoHTTPServer { _, port in
      let client = try HTTPTestClient(port: port)
      let response = try await client.request(
        "POST", headers: [("Content-Type", "application/json")], body: Array(body.utf8))
      #expect(response.status == 400)
      #expect(response.json?["error"]?["code"] == -32600)
    }
  }

  @Test func `other methods are 405 with Allow`() async throws {
    try await withDemoHTTPServer { _, port in
      let client = try HTTPTestClient(port: port)
      let response = try await client.request("PUT", body: Array("{}".utf8))
      #expect(response.status == 405)
      #expect(response.header("Allow") == "GET, POST, DELETE")
    }
  }

  @Test func `bytes that are not HTTP get 400 and the connection is closed`() async throws {
    try await withDemoHTTPServer { _, port in
      let client = try HTTPTestClient(port: port)
      try await client.send("HELLO\r\n\r\n")
      let head = try await client.readHead()
      #expect(head.status == 400)
      #expect(head.header("Connection") == "close")
      #expect(try await client.closesConnection(within: .seconds(5)))
    }
  }
}
