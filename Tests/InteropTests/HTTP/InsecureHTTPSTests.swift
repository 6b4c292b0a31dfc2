import Foundation
import PreflightCore
import PreflightJSON
import Testing

/// `--insecure` against the mcp 2.x Streamable HTTP fixture served over HTTPS with a
/// self-signed certificate made for this run (``SelfSignedCertificate``). Without the flag the
/// certificate is refused; with it, libcurl carries the requests (docs/http-client.md) and the
/// session works as over http://, with a warning on stderr and a `tls-warning` record.
@Suite(Interop.gate, .sharedHTTPFixtures, .timeLimit(.minutes(5)))
struct InsecureHTTPSTests {
  /// An HTTPS fixture: `sdk2_http.py`, or `sdk2_legacy_sse.py`.
  static func fixture(_ script: String) async throws -> HTTPFixture {
    let certificate = try await SelfSignedCertificate.shared()
    return .file(
      script, venv: Interop.venv2,
      ["--ssl-certfile", certificate.certificate, "--ssl-keyfile", certificate.key])
  }

  /// Runs `body` with the HTTPS server of `script`.
  static func withServer(
    _ script: String = "sdk2_http.py", _ body: (HTTPFixtureServer) async throws -> Void
  ) async throws {
    try await HTTPInterop.withServer(try await fixture(script)) { server in
      try #require(server.url.hasPrefix("https://127.0.0.1:"), "\(server.url)")
      try await body(server)
    }
  }

  static let warning = "TLS certificates are not verified (--insecure)"

  @Test(arguments: [HTTPTransportMode.auto, .http])
  func `without --insecure the self-signed certificate is refused with exit 3`(
    transport: HTTPTransportMode
  ) async throws {
    try await Self.withServer { server in
      let output = try await HTTPCommandLine.run([
        "tools", "--transport", transport.rawValue, server.url,
      ])
      #expect(output.exitStatus == 3, "\(output.stdoutText)\n\(output.stderrText)")
      #expect(output.stderrText.contains("TLS handshake with 127.0.0.1 failed"))
      #expect(output.stderrText.contains("self-signed certificate"), "\(output.stderrText)")
      #expect(output.stderrText.contains("--insecure accepts any certificate"))
      #expect(!output.stderrText.contains(Self.warning))
    }
  }

  @Test(arguments: [HTTPTransportMode.auto, .http])
  func `with --insecure tools lists the server's tools and warns on stderr`(
    transport: HTTPTransportMode
  ) async throws {
    try await Self.withServer { server in
      let output = try await HTTPCommandLine.run([
        "tools", "--json", "--insecure", "--transport", transport.rawValue, server.url,
      ])
      #expect(output.exitStatus == 0, "\(output.stderrText)")
      let document = try JSONParser.parse(output.stdout)
      #expect(document["server"]?["name"] == "sdk2-http")
      #expect(
        document["tools"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
          == HTTPInteropTests.StreamableHTTP.toolNames)
      let warnings = output.stderrText.split(separator: "\n").filter {
        $0.contains(Self.warning)
      }
      #expect(warnings.count == 1, "\(output.stderrText)")
    }
  }

  @Test func `with --insecure call list_tasks logs tls-warning and redacts the bearer token`()
    async throws
  {
    try await Self.withServer { server in
      let path = HTTPCommandLine.wireLogPath()
      defer { try? FileManager.default.removeItem(atPath: path) }
      let output = try await HTTPCommandLine.run([
        "call", "list_tasks", "--insecure", "--client-profile", "full", "--bearer",
        TestSecrets.token, "--wire-log", path, server.url,
      ])
      #expect(output.exitStatus == 0, "\(output.stderrText)")
      #expect(output.stdoutText.contains("Write the README"), "\(output.stdoutText)")
      #expect(output.stderrText.contains(Self.warning), "\(output.stderrText)")
      let (records, text) = try HTTPCommandLine.readWireLog(path)
      let warnings = records.filter { $0["local"]?["kind"] == "tls-warning" }
      #expect(warnings.count == 1, "\(text)")
      #expect(records.first?["local"]?["kind"] == "tls-warning", "recorded before anything is sent")
      #expect(
        warnings.first?["local"]?["text"]?.stringValue?.contains("not verified") == true,
        "\(text)")
      let posts = records.filter { $0["direction"] == "out" && $0["http"]?["method"] == "POST" }
      #expect(!posts.isEmpty, "\(text)")
      for post in posts {
        #expect(post["http"]?["headers"]?["Authorization"] == "[REDACTED]", "\(post)")
      }
      #expect(TestSecrets.found(in: text + output.stdoutText + output.stderrText).isEmpty)
    }
  }

  @Test func `with --insecure the progress of call slow streams in before the result`()
    async throws
  {
    try await Self.withServer { server in
      let path = HTTPCommandLine.wireLogPath()
      defer { try? FileManager.default.removeItem(atPath: path) }
      let output = try await HTTPCommandLine.run([
        "call", "slow", "--args", #"{"steps":4}"#, "--client-profile", "full", "--approve",
        "--insecure", "--wire-log", path, server.url,
      ])
      #expect(output.exitStatus == 0, "\(output.stderrText)")
      #expect(output.stdoutText.contains("slow done after 4 steps"), "\(output.stdoutText)")
      let (records, text) = try HTTPCommandLine.readWireLog(path)
      let call = try #require(
        records.first { $0["direction"] == "out" && $0["message"]?["method"] == "tools/call" },
        "\(text)")
      let id = call["message"]?["id"]
      let progress = records.filter { $0["message"]?["method"] == "notifications/progress" }
      let result = try #require(
        records.first {
          $0["direction"] == "in" && $0["message"]?["id"] == id && $0["message"]?["method"] == nil
        }, "\(text)")
      #expect(progress.count == 4, "\(text)")
      for record in progress {
        #expect((records.firstIndex(of: record) ?? .max) < (records.firstIndex(of: result) ?? 0))
        #expect(record["http"]?["headers"]?["Content-Type"] == "text/event-stream")
      }
      // The server sleeps between steps; a client that buffered the whole SSE body would log
      // every progress notification at the same moment as the result.
      let firstProgress = try #require(progress.first?["time"]?.stringValue)
      let resultTime = try #require(result["time"]?.stringValue)
      #expect(firstProgress < resultTime, "\(text)")
    }
  }

  @Test(arguments: [HTTPTransportMode.auto, .sse])
  func `with --insecure a legacy SSE server over HTTPS works`(
    transport: HTTPTransportMode
  ) async throws {
    try await Self.withServer("sdk2_legacy_sse.py") { server in
      let path = HTTPCommandLine.wireLogPath()
      defer { try? FileManager.default.removeItem(atPath: path) }
      let output = try await HTTPCommandLine.run([
        "call", "list_tasks", "--insecure", "--transport", transport.rawValue, "--wire-log",
        path, server.url,
      ])
      #expect(output.exitStatus == 0, "\(output.stderrText)")
      #expect(output.stdoutText.contains("Write the README"), "\(output.stdoutText)")
      let (records, text) = try HTTPCommandLine.readWireLog(path)
      #expect(records.filter { $0["local"]?["kind"] == "tls-warning" }.count == 1, "\(text)")
      #expect(records.contains { $0["transport"] == "sse" }, "\(text)")
    }
  }

  @Test func `with --insecure a redirect from https down to http is not followed`() async throws {
    try await Self.withServer { server in
      let url = try #require(server.url.hasSuffix("/mcp") ? server.url : nil)
      let output = try await HTTPCommandLine.run([
        "tools", "--insecure", "--transport", "http", String(url.dropLast(4)) + "/downgrade",
      ])
      #expect(output.exitStatus == 3, "\(output.stdoutText)\n\(output.stderrText)")
      #expect(
        output.stderrText.contains("did not follow a redirect from https to another scheme"),
        "\(output.stderrText)")
    }
  }

  @Test func `--insecure with an http URL works and notes that it has no effect`() async throws {
    try await HTTPInterop.withServer(.streamable(.mcp2, .sse)) { server in
      let path = HTTPCommandLine.wireLogPath()
      defer { try? FileManager.default.removeItem(atPath: path) }
      let output = try await HTTPCommandLine.run([
        "tools", "--insecure", "--wire-log", path, server.url,
      ])
      #expect(output.exitStatus == 0, "\(output.stderrText)")
      #expect(output.stderrText.contains("--insecure has no effect on an http:// URL"))
      #expect(!output.stderrText.contains(Self.warning))
      let (records, text) = try HTTPCommandLine.readWireLog(path)
      #expect(!records.contains { $0["local"]?["kind"] == "tls-warning" }, "\(text)")
    }
  }
}
