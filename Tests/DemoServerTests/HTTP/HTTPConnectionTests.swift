import DemoServer
import PreflightJSON
import Testing

@Suite struct HTTPConnectionTests {
  @Test func `one connection carries several requests`() async throws {
    try await withDemoHTTPServer { _, port in
      let client = try HTTPTestClient(port: port)
      let session = try await client.initializeSession()
      for id in 1...5 {
        let result = try await client.resultOf("ping", id: .int(id), session: session)
        #expect(result == [:])
      }
      let listed = try await client.resultOf("tools/list", id: 6, session: session)
      #expect(listed["tools"]?.arrayValue?.isEmpty == false)
      // A streamed answer ends with its last chunk; the connection goes on.
      let streamed = try await client.post(
        HTTPTestClient.requestMessage(id: 7, "tools/call", ["name": "echo", "arguments": [:]]),
        session: session)
      #expect(streamed.mediaType == "text/event-stream")
      #expect(streamed.header("Connection") == nil)
      let after = try await client.resultOf("ping", id: 8, session: session)
      #expect(after == [:])
    }
  }

  @Test func `pipelined requests are answered in order`() async throws {
    try await withDemoHTTPServer { _, port in
      let client = try HTTPTestClient(port: port)
      let session = try await client.initializeSession()
      var bytes: [UInt8] = []
      for id in 1...3 {
        let body = JSONPrinter.compactBytes(HTTPTestClient.requestMessage(id: .int(id), "ping"))
        var head = "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        head += "Mcp-Session-Id: \(session)\r\nContent-Length: \(body.count)\r\n\r\n"
        bytes += Array(head.utf8) + body
      }
      try await client.send(bytes)
      for id in 1...3 {
        var response = try await client.readHead()
        response.body = try await client.readBody(of: response)
        #expect(response.json?["id"] == .int(id))
      }
    }
  }

  @Test func `Connection close is honoured`() async throws {
    try await withDemoHTTPServer { _, port in
      let client = try HTTPTestClient(port: port)
      let response = try await client.post(
        HTTPTestClient.requestMessage(id: 1, "initialize", HTTPTestClient.initializeParams()),
        session: nil, extra: [("Connection", "close")])
      #expect(response.status == 200)
      #expect(response.header("Connection") == "close")
      #expect(try await client.closesConnection(within: .seconds(5)))
    }
  }

  @Test func `a chunked request body is read`() async throws {
    try await withDemoHTTPServer { _, port in
      let client = try HTTPTestClient(port: port)
      let body = JSONPrinter.compact(
        HTTPTestClient.requestMessage(id: 1, "initialize", HTTPTestClient.initializeParams()))
      let middle = body.index(body.startIndex, offsetBy: body.count / 2)
      let parts = [String(body[..<middle]), String(body[middle...])]
      var text = "POST /mcp HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n"
      for part in parts { text += String(part.utf8.count, radix: 16) + ";ext=1\r\n\(part)\r\n" }
      text += "0\r\n\r\n"
      try await client.send(text)
      var response = try await client.readHead()
      response.body = try await client.readBody(of: response)
      #expect(response.status == 200)
      #expect(response.header("Mcp-Session-Id") != nil)
    }
  }

  @Test func `Expect 100-continue gets an interim response before the body is sent`()
    async throws
  {
    try await withDemoHTTPServer { _, port in
      let client = try HTTPTestClient(port: port)
      let body = JSONPrinter.compactBytes(
        HTTPTestClient.requestMessage(id: 1, "initialize", HTTPTestClient.initializeParams()))
      try await client.send(
        "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: 100-continue\r\n"
          + "Content-Length: \(body.count)\r\n\r\n")
      let interim = try await client.readInterim()
      #expect(interim == "HTTP/1.1 100 Continue")
      try await client.send(body)
      var response = try await client.readHead()
      response.body = try await client.readBody(of: response)
      #expect(response.status == 200)
    }
  }

  @Test func `stopping the server ends open streams and refuses new connections`()
    async throws
  {
    let server = DemoHTTPServer()
    let port = try server.start(port: 0)
    #expect(server.url == "http://127.0.0.1:\(port)/mcp")
    let client = try HTTPTestClient(port: port)
    let session = try await client.initializeSession()
    try await client.sendRequest(
      "GET", headers: [("Accept", "text/event-stream"), ("Mcp-Session-Id", session)])
    #expect(try await client.readHead().status == 200)
    await server.stop()
    #expect(try await client.closesConnection(within: .seconds(5)))
    #expect(throws: HTTPTestClientError.self) { try HTTPTestClient(port: port) }
  }

  @Test func `a port in use is reported`() async throws {
    let first = DemoHTTPServer()
    let port = try first.start(port: 0)
    let second = DemoHTTPServer()
    let error = #expect(throws: DemoHTTPServerError.self) { try second.start(port: port) }
    #expect(error?.description.contains("127.0.0.1:\(port)") == true)
    await first.stop()
  }
}
