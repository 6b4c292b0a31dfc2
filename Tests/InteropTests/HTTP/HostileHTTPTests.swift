import Foundation
import PreflightJSON
import PreflightTestSupport
import Testing

/// `preflight call` against `Tests/EndToEndTests/Fixtures/hostile_server.py --http 0`, one fault
/// at a time: exit codes and messages in words, every exchange in the wire log, no crash. The
/// table is `docs/hostile-servers.md`.
@Suite(Interop.gate, .timeLimit(.minutes(5))) struct HostileHTTPTests {
  /// The fixture with `--fault fault` over HTTP.
  static func server(_ fault: String, _ options: [String] = []) -> HTTPFixture {
    HTTPFixture(
      script: Interop.root + "/Tests/EndToEndTests/Fixtures/hostile_server.py",
      python: Interop.venv2 + "/bin/python", arguments: ["--fault", fault, "--http", "0"] + options)
  }

  /// What one run left behind.
  struct Run {
    var output: ProcessOutput
    var records: [JSONValue]
    var document: JSONValue

    /// The `local.kind` values, in order.
    var localKinds: [String] { records.compactMap { $0["local"]?["kind"]?.stringValue } }
    /// The `failure` sentence of the call, or the error document's message.
    var message: String {
      document["failure"]?.stringValue ?? document["error"]?["message"]?.stringValue ?? ""
    }
  }

  /// Runs `preflight call --json --wire-log … echo URL` against the fault's server.
  static func call(
    _ fault: String, options: [String] = [], serverOptions: [String] = []
  ) async throws -> Run {
    try await HTTPInterop.withServer(server(fault, serverOptions)) { server in
      let path = HTTPCommandLine.wireLogPath()
      defer { try? FileManager.default.removeItem(atPath: path) }
      let output = try await HTTPCommandLine.run(
        ["call", "--json", "--wire-log", path, "--args", #"{"text":"hi"}"#] + options + [
          "echo", server.url,
        ])
      let document = try JSONParser.parse(output.stdout)
      return Run(
        output: output, records: try HTTPCommandLine.readWireLog(path).records, document: document)
    }
  }

  @Test(arguments: [
    ("http-500", "HTTP 500 Internal Server Error", "Traceback (most recent call last)"),
    ("http-502", "HTTP 502 Bad Gateway", "<center>nginx</center>"),
  ])
  func `an error status with an HTML body exits 3 with the status and the body's words`(
    fault: String, status: String, bodyText: String
  ) async throws {
    let run = try await Self.call(fault)
    #expect(run.output.exitStatus == 3, "\(run.output.stderrText)")
    #expect(run.document["error"]?["kind"] == "transport")
    #expect(run.message.contains(status), "\(run.message)")
    #expect(run.message.contains(bodyText), "\(run.message)")
    let code = Int(status.split(separator: " ")[1])
    let failed = run.records.first { $0["http"]?["status"]?.intValue == code }
    #expect(failed != nil, "the failed exchange is in the wire log with its status")
  }

  @Test func `a 200 with Content-Type text/html fails the call naming the type`() async throws {
    let run = try await Self.call("wrong-content-type")
    #expect(run.output.exitStatus == 3, "\(run.output.stderrText)")
    #expect(run.message.contains("Content-Type text/html"), "\(run.message)")
    #expect(run.message.contains("application/json and text/event-stream"), "\(run.message)")
  }

  @Test func `an SSE stream that stops mid-event fails the call saying it ended`() async throws {
    let run = try await Self.call("sse-cut")
    #expect(run.output.exitStatus == 3, "\(run.output.stderrText)")
    #expect(run.message.contains("SSE stream that ended"), "\(run.message)")
    #expect(run.localKinds.contains("stream-ended"), "\(run.localKinds)")
  }

  @Test func `an SSE stream that never ends is bounded by --timeout`() async throws {
    let run = try await Self.call("sse-endless", options: ["--timeout", "2"])
    #expect(run.output.exitStatus == 3, "\(run.output.stderrText)")
    #expect(run.message == "tools/call: no answer within 2 s; the request was cancelled")
    #expect(run.localKinds.contains("cancel-requested"))
  }

  @Test func `a stream that sends retry and closes is resumed with Last-Event-ID until --timeout`()
    async throws
  {
    let run = try await Self.call("sse-retry-close", options: ["--timeout", "2"])
    #expect(run.output.exitStatus == 3, "\(run.output.stderrText)")
    #expect(run.message.contains("no answer within 2 s"), "\(run.message)")
    let drops = run.records.filter { $0["local"]?["kind"] == "stream-dropped" }
    #expect(!drops.isEmpty)
    #expect(
      drops.first?["local"]?["text"]?.stringValue?.contains("in 50 ms") == true,
      "the server's retry is honoured: \(drops.first.map(JSONPrinter.compact) ?? "")")
    let resumed = run.records.filter {
      $0["http"]?["method"] == "GET" && $0["http"]?["headers"]?["Last-Event-ID"] != nil
    }
    #expect(!resumed.isEmpty, "resumed by GET with Last-Event-ID")
  }

  @Test func `a session that always expires is initialized again once, then fails in words`()
    async throws
  {
    let run = try await Self.call("session-expired")
    #expect(run.output.exitStatus == 3, "\(run.output.stderrText)")
    #expect(run.message.contains("no longer knows this session"), "\(run.message)")
    #expect(run.message.contains("404"), "\(run.message)")
    let initializes = run.records.filter {
      $0["direction"] == "out" && $0["message"]?["method"] == "initialize"
    }
    #expect(initializes.count == 2, "one new session, not a loop")
    #expect(run.localKinds.filter { $0 == "session-expired" }.count == 2)
    #expect(run.localKinds.contains("reconnected"))
  }

  @Test func `a response dripped one byte at a time over HTTP arrives whole`() async throws {
    let run = try await Self.call("slow-drip", serverOptions: ["--drip-ms", "1"])
    #expect(run.output.exitStatus == 0, "\(run.output.stderrText)")
    #expect(run.document["result"]?["content"]?[0]?["text"] == "hi")
  }

  @Test func `a 20 MB response body over HTTP is received whole`() async throws {
    let run = try await Self.call("huge-line")
    #expect(run.output.exitStatus == 0, "\(run.output.stderrText)")
    let text = run.document["result"]?["content"]?[0]?["text"]?.stringValue ?? ""
    #expect(text.utf8.count == 20_000_000 - 100)
  }

  @Test func `escape sequences over HTTP stay out of the human output`() async throws {
    try await HTTPInterop.withServer(Self.server("escapes")) { server in
      for command in [["tools"], ["call", "--args", #"{"text":"x"}"#, "echo"]] {
        let output = try await HTTPCommandLine.run(command + [server.url])
        #expect(output.exitStatus == 0, "\(command): \(output.stderrText)")
        #expect(!output.stdout.contains(0x1B) && !output.stderr.contains(0x1B), "\(command)")
        #expect(!output.stdoutText.unicodeScalars.contains("\u{202E}"), "\(command)")
        #expect(!output.stdoutText.unicodeScalars.contains("\u{200B}"), "\(command)")
      }
    }
  }
}
