import Foundation
import Testing

@testable import PreflightCore

@Suite(.timeLimit(.minutes(5))) struct HTTPFailureTests {
  typealias Support = HTTPTestSupport
  static let initialize = Array(
    #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#.utf8)

  func sendInitialize(_ options: HTTPTransportOptions) async -> TransportError? {
    let transport = StreamableHTTPTransport(options: options)
    defer { Task { await transport.close() } }
    do {
      _ = try await transport.open()
      try await transport.send(Self.initialize)
      return nil
    } catch {
      return error
    }
  }

  @Test func `nothing listening is a refused connection`() async {
    let port = Support.closedPort()
    let url = "http://127.0.0.1:\(port)/mcp"
    let error = await sendInitialize(Support.options(url))
    #expect(
      error?.message
        == "connection refused by 127.0.0.1:\(port): is the server running? (POST \(url))")
  }

  @Test func `an unknown host cannot be resolved`() async {
    let url = "http://preflight-test.invalid/mcp"
    let error = await sendInitialize(Support.options(url))
    #expect(
      error?.message
        == "cannot resolve host preflight-test.invalid: no such name (POST \(url))")
  }

  @Test func `a server that never answers times out`() async throws {
    let release = TestGate()
    let server = try TestHTTPServer { _, responder in
      // Long enough that only the client's 0.3 s timeout can end the wait, even on a loaded
      // machine; the test opens the gate as soon as it has its answer.
      release.wait(seconds: 60)
      responder.drop()
    }
    defer {
      release.open()
      server.stop()
    }
    let error = await sendInitialize(
      Support.options(server.url(), connectTimeout: .milliseconds(300)))
    #expect(
      error?.message
        == "POST \(server.url()) timed out (no response headers within 0.3 s)")
  }

  @Test func `TLS to a server that does not speak it fails with a hint about --insecure`()
    async throws
  {
    let server = try TestHTTPServer(readsRequest: false) { _, responder in
      responder.respond(status: 200, text: "plain")
    }
    defer { server.stop() }
    let url = "https://127.0.0.1:\(server.port)/mcp"
    let error = await sendInitialize(Support.options(url))
    let message = try #require(error?.message)
    #expect(message.hasPrefix("TLS handshake with 127.0.0.1 failed ("))
    #expect(message.contains("--insecure"))
  }

  @Test func `a token in the URL is masked in error messages`() async {
    let port = Support.closedPort()
    let error = await sendInitialize(
      Support.options("http://127.0.0.1:\(port)/mcp?api_key=abcdef123"))
    #expect(error?.message.contains("abcdef123") == false)
    #expect(error?.message.contains("api_key=[REDACTED]") == true)
  }
}
