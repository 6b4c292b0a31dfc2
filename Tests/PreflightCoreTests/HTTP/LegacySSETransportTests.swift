import Foundation
import PreflightJSON
import Testing

@testable import PreflightCore

@Suite(.timeLimit(.minutes(5))) struct LegacySSETransportTests {
  typealias Support = HTTPTestSupport

  @Test func `the endpoint event gives the POST URL and answers arrive on the stream`()
    async throws
  {
    let server = try TestLegacySSEServer()
    defer { server.stop() }
    let log = WireLog()
    let transport = LegacySSETransport(options: Support.options(server.url()))
    let session = MCPClientSession(
      transport: transport, profile: .full,
      settings: SessionSettings(connectTimeout: .seconds(60)), log: log)
    let info = try await session.connect()
    #expect(info.protocolVersion == "2024-11-05")
    #expect(transport.endpointURL?.absoluteString == server.http.url("/messages?sessionId=abc"))
    let tools = try await session.listTools()
    #expect(tools.tools.first?["name"] == "old")
    await session.close()
    let posts = server.http.requests("POST")
    #expect(posts.map(\.path) == Array(repeating: "/messages?sessionId=abc", count: 3))
    #expect(posts.map(\.rpcMethod) == ["initialize", "notifications/initialized", "tools/list"])
    let get = try #require(server.http.requests("GET").first)
    #expect(get.header("Accept") == "text/event-stream")
    let answer = try #require(
      log.records.first { $0.direction == .inbound && $0.message?["result"]?["tools"] != nil })
    #expect(answer.transport == "sse")
    #expect(answer.http?["method"] == "GET")
    #expect(
      Support.locals(log, "http").contains {
        $0.text
          == "endpoint event: messages go to POST \(server.http.url("/messages?sessionId=abc"))"
      })
    #expect(
      Support.locals(log, "http").contains {
        $0.text == "POST \(server.http.url("/messages?sessionId=abc")) answered 202 Accepted"
      })
  }

  @Test func `a GET answered 404 fails to open with the status in words`() async throws {
    let server = try TestHTTPServer { _, responder in
      responder.respond(status: 404, text: "no such thing")
    }
    defer { server.stop() }
    let transport = LegacySSETransport(options: Support.options(server.url("/sse")))
    let error = await #expect(throws: TransportError.self) { _ = try await transport.open() }
    #expect(error?.httpStatus == 404)
    #expect(
      error?.message
        == "HTTP 404 Not Found from \(server.url("/sse")): the body says: no such thing")
    await transport.close()
  }

  @Test func `a stream without an endpoint event times out in words`() async throws {
    let release = TestGate()
    let server = try TestHTTPServer { _, responder in
      responder.startSSE()
      responder.write(": waiting\n\n")
      release.wait()
      responder.endStream()
    }
    defer {
      release.open()
      server.stop()
    }
    let transport = LegacySSETransport(
      options: Support.options(server.url("/sse"), connectTimeout: .milliseconds(300)))
    let error = await #expect(throws: TransportError.self) { _ = try await transport.open() }
    #expect(
      error?.message
        == "GET \(server.url("/sse")) sent no endpoint event: no endpoint event within 0.3 s")
    await transport.close()
  }
}
