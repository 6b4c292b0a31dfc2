import Foundation
import PreflightJSON
import Testing

@testable import PreflightCore

@Suite(.timeLimit(.minutes(5))) struct AutoHTTPTransportTests {
  typealias Support = HTTPTestSupport

  @Test func `a 405 to the initialize POST falls back to legacy HTTP+SSE`() async throws {
    let server = try TestLegacySSEServer(ssePath: "/mcp", endpoint: "/messages?sessionId=abc")
    defer { server.stop() }
    let log = WireLog()
    let transport = HTTPTransports.make(
      url: server.url("/mcp"), mode: .auto, options: Support.options("ignored"))
    let session = MCPClientSession(
      transport: transport, profile: .full,
      settings: SessionSettings(connectTimeout: .seconds(60)), log: log)
    let info = try await session.connect()
    #expect(info.protocolVersion == "2024-11-05")
    #expect(transport.kind == "sse")
    let tools = try await session.listTools()
    #expect(tools.tools.count == 1)
    await session.close()
    let chosen = Support.locals(log, "transport-chosen")
    #expect(
      chosen.map(\.text) == [
        "legacy HTTP+SSE: POST /mcp answered 405 Method Not Allowed, GET gave an endpoint event"
      ])
    let initializes = server.http.requests("POST", rpc: "initialize")
    #expect(initializes.map(\.path) == ["/mcp", "/messages?sessionId=abc"])
    #expect(log.records.last?.transport == "sse")
  }

  @Test func `a server that answers the POST is used as Streamable HTTP`() async throws {
    let server = try TestMCPServer(style: .json)
    defer { server.stop() }
    let log = WireLog()
    let transport = HTTPTransports.make(
      url: server.url, mode: .auto, options: Support.options("ignored"))
    let session = MCPClientSession(
      transport: transport, profile: .full,
      settings: SessionSettings(connectTimeout: .seconds(60)), log: log)
    _ = try await session.connect()
    #expect(transport.kind == "http")
    _ = try await session.listTools()
    await session.close()
    #expect(
      Support.locals(log, "transport-chosen").map(\.text) == [
        "Streamable HTTP: POST /mcp answered 200 OK (application/json)"
      ])
    #expect(server.http.requests("GET").isEmpty)
  }

  @Test func `a 401 does not fall back and keeps its status`() async throws {
    let server = try TestMCPServer(style: .json) { _, responder, _ in
      responder.respond(status: 401, headers: [("WWW-Authenticate", "Bearer")])
      return true
    }
    defer { server.stop() }
    let transport = AutoHTTPTransport(options: Support.options(server.url))
    _ = try await transport.open()
    let frame = Array(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#.utf8)
    let error = await #expect(throws: TransportError.self) { try await transport.send(frame) }
    #expect(error?.httpStatus == 401)
    #expect(error?.message == "HTTP 401 Unauthorized from \(server.url): Bearer")
    #expect(server.http.requests("GET").isEmpty)
    await transport.close()
  }
}
