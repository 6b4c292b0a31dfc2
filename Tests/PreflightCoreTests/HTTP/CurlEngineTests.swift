import Foundation
import Synchronization
import Testing

@testable import PreflightCore

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The libcurl engine behind `--insecure` (``CurlHTTPEngine``), over plain http against the
/// in-process test servers: streaming, cancelling, failures, redirects, and a whole MCP session
/// through an unchanged transport.
@Suite(.timeLimit(.minutes(5))) struct CurlEngineTests {
  typealias Support = HTTPTestSupport

  func request(
    _ url: String, method: String = "GET", headers: [(String, String)] = [],
    body: [UInt8]? = nil
  ) -> URLRequest {
    var request = URLRequest(url: URL(string: url)!)
    request.httpMethod = method
    for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
    request.httpBody = body.map { Data($0) }
    return request
  }

  @Test func `the insecure client uses libcurl on Linux and URLSession otherwise`() {
    #if os(Linux)
      #expect(HTTPClient(insecure: true).engine == .curl)
    #endif
    #expect(HTTPClient(insecure: false).engine == .foundation)
    #expect(HTTPClient(insecure: false, engine: .curl).engine == .curl)
  }

  @Test func `a streamed body arrives chunk by chunk before the response ends`() async throws {
    let release = TestGate()
    let server = try TestHTTPServer { _, responder in
      responder.startSSE()
      responder.write("data: one\n\n")
      // Held until the test has seen the first chunk: it must arrive while the response is
      // still open.
      release.wait(seconds: 60)
      responder.write("data: two\n\n")
      responder.endStream()
    }
    defer {
      release.open()
      server.stop()
    }
    let client = HTTPClient(insecure: false, engine: .curl)
    defer { client.shutDown() }
    let observer = TestExchangeObserver()
    let exchange = client.start(request(server.url()), observer: observer)
    let head = try await exchange.head(timeout: .seconds(30)).get()
    #expect(head.status == 200)
    #expect(head.mediaType == "text/event-stream")
    let firstArrived = await Support.waitUntil(.seconds(30)) {
      observer.bodyText == "data: one\n\n"
    }
    #expect(firstArrived, "\(observer.events)")
    #expect(observer.completions.isEmpty, "the response has not ended yet")
    release.open()
    let ended = await Support.waitUntil(.seconds(30)) { !observer.completions.isEmpty }
    #expect(ended)
    #expect(observer.bodyText == "data: one\n\ndata: two\n\n")
    let events = observer.events
    #expect(events.first == .head(200))
    #expect(events.last == .complete(nil))
    #expect(events.filter { if case .data = $0 { true } else { false } }.count >= 2)
    #expect(observer.completions.count == 1)
  }

  @Test func `cancel stops a stream that never ends`() async throws {
    let release = TestGate()
    let server = try TestHTTPServer { _, responder in
      responder.startSSE()
      responder.write(": open\n\n")
      release.wait(seconds: 60)
      responder.drop()
    }
    defer {
      release.open()
      server.stop()
    }
    let client = HTTPClient(insecure: false, engine: .curl)
    defer { client.shutDown() }
    let observer = TestExchangeObserver()
    let exchange = client.start(request(server.url()), observer: observer)
    let opened = await Support.waitUntil(.seconds(30)) { observer.bodyText == ": open\n\n" }
    #expect(opened, "\(observer.events)")
    exchange.cancel()
    // libcurl checks for cancellation at least once a second on an idle stream.
    let ended = await Support.waitUntil(.seconds(30)) { !observer.completions.isEmpty }
    #expect(ended, "the transfer kept running after cancel")
    #expect(observer.completions.count == 1)
    #expect(observer.completions.first??.kind == .cancelled)
    #expect(exchange.cancelReason?.kind == .cancelled)
  }

  @Test func `a refused port is a refused failure`() async {
    let port = Support.closedPort()
    let client = HTTPClient(insecure: false, engine: .curl)
    defer { client.shutDown() }
    let observer = TestExchangeObserver()
    let exchange = client.start(request("http://127.0.0.1:\(port)/mcp"), observer: observer)
    let head = await exchange.head(timeout: .seconds(30))
    guard case .failure(let failure) = head else {
      Issue.record("a head came from a closed port: \(head)")
      return
    }
    #expect(failure.kind == .refused)
    #expect(observer.completions.count == 1)
    #expect(observer.events.count == 1, "no head, no data: \(observer.events)")
  }

  @Test func `an unknown host is a DNS failure`() async {
    let client = HTTPClient(insecure: false, engine: .curl)
    defer { client.shutDown() }
    let exchange = client.start(
      request("http://preflight-test.invalid/mcp"), observer: TestExchangeObserver())
    let head = await exchange.head(timeout: .seconds(30))
    guard case .failure(let failure) = head else {
      Issue.record("a head came from an unknown host: \(head)")
      return
    }
    #expect(failure.kind == .dns)
  }

  @Test func `TLS to a server that does not speak it is a TLS failure`() async throws {
    let server = try TestHTTPServer(readsRequest: false) { _, responder in
      responder.respond(status: 200, text: "plain")
    }
    defer { server.stop() }
    for insecure in [false, true] {
      let client = HTTPClient(insecure: insecure, engine: .curl)
      defer { client.shutDown() }
      let exchange = client.start(
        request("https://127.0.0.1:\(server.port)/mcp"), observer: TestExchangeObserver())
      let head = await exchange.head(timeout: .seconds(30))
      guard case .failure(let failure) = head else {
        Issue.record("a head came over broken TLS: \(head)")
        continue
      }
      #expect(failure.kind == .tls, "\(failure)")
      #expect(!failure.detail.isEmpty)
    }
  }

  @Test func `the method, headers (even empty ones) and body go out as given, without Expect`()
    async throws
  {
    let server = try TestHTTPServer { request, responder in
      responder.json(#"{"ok":true}"#)
    }
    defer { server.stop() }
    let client = HTTPClient(insecure: false, engine: .curl)
    defer { client.shutDown() }
    let body = Array(#"{"jsonrpc":"2.0","id":1,"method":"ping"}"#.utf8)
    let post = TestExchangeObserver()
    _ = client.start(
      request(
        server.url(), method: "POST",
        headers: [("Content-Type", "application/json"), ("X-Team", "blue"), ("X-Empty", "")],
        body: body),
      observer: post)
    let delete = TestExchangeObserver()
    _ = client.start(request(server.url(), method: "DELETE"), observer: delete)
    let done = await Support.waitUntil(.seconds(30)) {
      post.completions.count == 1 && delete.completions.count == 1
    }
    #expect(done)
    #expect(post.events.first == .head(200))
    #expect(post.bodyText == #"{"ok":true}"#)
    let seen = try #require(server.requests("POST").first)
    #expect(seen.body == body)
    #expect(seen.header("Content-Type") == "application/json")
    #expect(seen.header("X-Team") == "blue")
    #expect(seen.header("X-Empty") == "", "an empty value is sent, not dropped")
    #expect(seen.header("Expect") == nil)
    #expect(server.requests("DELETE").count == 1)
  }

  @Test func `a followed redirect reports only the final head`() async throws {
    let server = try TestHTTPServer { request, responder in
      if request.path == "/old" {
        responder.respond(status: 307, headers: [("Location", "/mcp")], text: "moved")
      } else {
        responder.json(#"{"here":true}"#)
      }
    }
    defer { server.stop() }
    let client = HTTPClient(insecure: false, engine: .curl)
    defer { client.shutDown() }
    let observer = TestExchangeObserver()
    let exchange = client.start(request(server.url("/old")), observer: observer)
    let head = try await exchange.head(timeout: .seconds(30)).get()
    #expect(head.status == 200)
    let ended = await Support.waitUntil(.seconds(30)) { !observer.completions.isEmpty }
    #expect(ended)
    #expect(
      observer.events == [
        .head(200), .data(Array(#"{"here":true}"#.utf8)), .complete(nil),
      ])
  }

  @Test func `a whole MCP session works through the transport over libcurl`() async throws {
    let server = try TestMCPServer(style: .sse)
    defer { server.stop() }
    var options = Support.options(server.url)
    options.engine = .curl
    let log = WireLog()
    let session = MCPClientSession(
      transport: StreamableHTTPTransport(options: options), profile: .full, log: log)
    _ = try await session.connect()
    let tools = try await session.listTools()
    #expect(tools.tools.count == 1)
    await session.close()
    #expect(
      server.http.requests("POST").map(\.rpcMethod)
        == ["initialize", "notifications/initialized", "tools/list"])
    #expect(server.http.requests("DELETE").count == 1)
  }

  @Test func `a refused port through the transport says so as URLSession would`() async {
    let port = Support.closedPort()
    let url = "http://127.0.0.1:\(port)/mcp"
    var options = Support.options(url)
    options.engine = .curl
    let transport = StreamableHTTPTransport(options: options)
    var message: String?
    do {
      _ = try await transport.open()
      try await transport.send(
        Array(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#.utf8))
    } catch {
      message = error.message
    }
    await transport.close()
    #expect(
      message == "connection refused by 127.0.0.1:\(port): is the server running? (POST \(url))")
  }
}
