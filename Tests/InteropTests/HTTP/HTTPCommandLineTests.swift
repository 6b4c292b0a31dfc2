import Foundation
import Glibc
import PreflightCore
import PreflightJSON
import PreflightTestSupport
import Testing

/// The secrets of the redaction tests, and how the command line would treat them.
enum TestSecrets {
  /// The bearer token (`--bearer ${PREFLIGHT_HTTP_TEST_TOKEN}` or `-H 'Authorization: …'`).
  static let token = "sk-test-SECRET123"
  /// The `X-Api-Key` value.
  static let apiKey = "k-SECRET456"
  /// The `token` query parameter's value.
  static let query = "SECRETQ"
  /// The headers, as `-H` gives them to the transport.
  static let headers: [(name: String, value: String)] = [
    ("Authorization", "Bearer " + token), ("X-Api-Key", apiKey),
  ]
  /// The values `-H` hands the wire log's redactor for those headers (header names like
  /// secrets: the value, and for "Bearer abc" also "abc").
  static let redactorSecrets = ["Bearer " + token, token, apiKey]
  /// The variable `--bearer '${…}'` reads.
  static let variable = "PREFLIGHT_HTTP_TEST_TOKEN"

  /// The secrets found in `text`.
  static func found(in text: String, including query: Bool = true) -> [String] {
    ([token, apiKey] + (query ? [self.query] : [])).filter { text.contains($0) }
  }
}

/// Running the built `preflight` against the fixtures.
enum HTTPCommandLine {
  /// Runs `preflight arguments` (30 s at most); an overrun is an issue.
  static func run(
    _ arguments: [String], environment: [String: String]? = nil
  ) async throws -> ProcessOutput {
    let output = try await ProcessRunner.run(
      try PackagePaths.preflight(), arguments,
      environment: environment ?? ProcessRunner.environment(removing: ["NO_COLOR"]),
      timeout: .seconds(30))
    if output.timedOut {
      Issue.record("preflight \(arguments.joined(separator: " ")) ran past 30 s and was killed")
    }
    return output
  }

  /// A port on 127.0.0.1 where nothing listens (bound for a moment, then closed).
  static func deadPort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw InteropFailure("socket: \(String(cString: strerror(errno)))") }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
        bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
      }
    }
    guard bound else { throw InteropFailure("bind: \(String(cString: strerror(errno)))") }
    return Int(UInt16(bigEndian: address.sin_port))
  }

  /// A fresh path for a wire-log file.
  static func wireLogPath() -> String {
    FileManager.default.temporaryDirectory.path + "/preflight-http-wire-\(UUID().uuidString).ndjson"
  }

  /// The records of a wire-log file (each line parsed), and its text.
  static func readWireLog(_ path: String) throws -> (records: [JSONValue], text: String) {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let records = try text.split(separator: "\n").map { line in
      do {
        return try JSONParser.parse(String(line))
      } catch {
        throw InteropFailure("a wire-log line is not JSON (\(error)): \(line)")
      }
    }
    return (records, text)
  }
}

/// A `preflight call list_tasks` run against a Streamable HTTP fixture.
struct CallRow: Sendable, CustomTestStringConvertible {
  /// The fixture's mode.
  var mode: StreamableMode
  /// Options before the URL.
  var options: [String]
  /// The exit status.
  var exitStatus: Int32
  /// Text stderr must hold (for failures).
  var stderrHolds: [String]

  /// "--client-profile full against SSE → 0".
  var testDescription: String {
    let options = self.options.isEmpty ? "the default profile" : self.options.joined(separator: " ")
    return "\(options) against \(mode.rawValue) → \(exitStatus)"
  }

  /// The rows: ChatGPT's profile works with a stateless server; a profile that echoes the
  /// session id works with a stateful one; ChatGPT's profile against a stateful server is
  /// refused 400, which exits 3 with the server's words.
  static let all = [
    CallRow(mode: .stateless, options: [], exitStatus: 0, stderrHolds: []),
    CallRow(mode: .sse, options: ["--client-profile", "full"], exitStatus: 0, stderrHolds: []),
    CallRow(
      mode: .json, options: ["--client-profile", "chatgpt-2025"], exitStatus: 0, stderrHolds: []),
    CallRow(
      mode: .sse, options: [], exitStatus: 3,
      stderrHolds: ["HTTP 400 Bad Request", "Missing session ID"]),
  ]
}

extension HTTPInteropTests {
  /// `preflight tools` and `preflight call` with URLs.
  @Suite struct CLI {
    @Test(arguments: [HTTPTransportMode.auto, .http])
    func `tools --json lists the SDK server's tools and exits 0`(
      transport: HTTPTransportMode
    ) async throws {
      try await HTTPInterop.withServer(.streamable(.mcp2, .sse)) { server in
        let output = try await HTTPCommandLine.run([
          "tools", "--json", "--transport", transport.rawValue, server.url,
        ])
        #expect(output.exitStatus == 0, "\(output.stderrText)")
        let document = try JSONParser.parse(output.stdout)
        #expect(document["server"]?["name"] == "sdk2-http")
        #expect(
          document["tools"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
            == HTTPInteropTests.StreamableHTTP.toolNames)
      }
    }

    @Test(arguments: CallRow.all)
    func `call list_tasks exits as the profile and the server's mode decide`(
      row: CallRow
    ) async throws {
      try await HTTPInterop.withServer(.streamable(.mcp2, row.mode)) { server in
        let output = try await HTTPCommandLine.run(
          ["call", "list_tasks"] + row.options + [server.url])
        #expect(output.exitStatus == row.exitStatus, "\(output.stdoutText)\n\(output.stderrText)")
        if row.exitStatus == 0 {
          #expect(output.stdoutText.contains("Write the README"), "\(output.stdoutText)")
        }
        for text in row.stderrHolds {
          #expect(output.stderrText.contains(text), "\(output.stderrText)")
        }
      }
    }

    @Test func `call slow with the full profile writes progress before the result to --wire-log`()
      async throws
    {
      try await HTTPInterop.withServer(.streamable(.mcp2, .sse)) { server in
        let path = HTTPCommandLine.wireLogPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let output = try await HTTPCommandLine.run([
          "call", "slow", "--args", #"{"steps":3}"#, "--client-profile", "full", "--approve",
          "--wire-log", path, server.url,
        ])
        #expect(output.exitStatus == 0, "\(output.stderrText)")
        #expect(output.stdoutText.contains("slow done after 3 steps"), "\(output.stdoutText)")
        let (records, text) = try HTTPCommandLine.readWireLog(path)
        let call = try #require(
          records.first { $0["direction"] == "out" && $0["message"]?["method"] == "tools/call" },
          "\(text)")
        let id = call["message"]?["id"]
        let progress = records.filter { $0["message"]?["method"] == "notifications/progress" }
        let result = try #require(
          records.firstIndex {
            $0["direction"] == "in" && $0["message"]?["id"] == id && $0["message"]?["method"] == nil
          }, "\(text)")
        #expect(progress.count == 3, "\(text)")
        for record in progress {
          #expect((records.firstIndex(of: record) ?? .max) < result)
          #expect(record["http"]?["status"] == 200)
          #expect(record["http"]?["headers"]?["Content-Type"] == "text/event-stream")
        }
      }
    }

    @Test(arguments: [HTTPTransportMode.auto, .http, .sse])
    func `a URL where nothing listens exits 3 and says the connection was refused`(
      transport: HTTPTransportMode
    ) async throws {
      let url = "http://127.0.0.1:\(try HTTPCommandLine.deadPort())/mcp"
      for command in [["tools"], ["call", "list_tasks"]] {
        let output = try await HTTPCommandLine.run(
          command + ["--transport", transport.rawValue, url])
        #expect(output.exitStatus == 3, "\(command): \(output.stderrText)")
        #expect(output.stderrText.contains("refused"), "\(command): \(output.stderrText)")
        #expect(output.stderrText.contains(url), "\(command): \(output.stderrText)")
      }
    }

    @Test(arguments: [HTTPTransportMode.auto, .http, .sse])
    func `an HTTP 401 exits 3 and shows the status and the WWW-Authenticate challenge`(
      transport: HTTPTransportMode
    ) async throws {
      try await HTTPInterop.withServer(.unauthorized) { server in
        let output = try await HTTPCommandLine.run([
          "tools", "--transport", transport.rawValue, server.url,
        ])
        #expect(output.exitStatus == 3, "\(output.stderrText)")
        #expect(output.stderrText.contains("401 Unauthorized"), "\(output.stderrText)")
        #expect(output.stderrText.contains(#"Bearer realm="x""#), "\(output.stderrText)")
      }
    }

    @Test func `secrets from --bearer, -H and the query string stay out of output and --wire-log`()
      async throws
    {
      let environment = ProcessRunner.environment(
        adding: [TestSecrets.variable: TestSecrets.token], removing: ["NO_COLOR"])
      let secretOptions = [
        "--bearer", "${\(TestSecrets.variable)}", "-H", "X-Api-Key: \(TestSecrets.apiKey)",
      ]
      // A server that works, through a whole call.
      try await HTTPInterop.withServer(.streamable(.mcp2, .sse)) { server in
        let path = HTTPCommandLine.wireLogPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let output = try await HTTPCommandLine.run(
          ["call", "list_tasks", "--client-profile", "full", "--wire-log", path] + secretOptions
            + [server.url + "?token=\(TestSecrets.query)"],
          environment: environment)
        #expect(output.exitStatus == 0, "\(output.stderrText)")
        let (records, text) = try HTTPCommandLine.readWireLog(path)
        #expect(TestSecrets.found(in: text).isEmpty, "\(text)")
        #expect(TestSecrets.found(in: output.stdoutText + output.stderrText).isEmpty)
        let sent = records.filter { $0["direction"] == "out" }
        #expect(!sent.isEmpty)
        for record in sent {
          let http = record["http"]
          #expect(http?["headers"]?["Authorization"] == .string(Redactor.mask), "\(record)")
          #expect(http?["headers"]?["X-Api-Key"] == .string(Redactor.mask), "\(record)")
          #expect(
            http?["url"]?.stringValue?.hasSuffix("/mcp?token=\(Redactor.mask)") == true,
            "\(record)")
        }
      }
      // A server that refuses and echoes what it got into its challenge and its body.
      try await HTTPInterop.withServer(.unauthorized) { server in
        let path = HTTPCommandLine.wireLogPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let output = try await HTTPCommandLine.run(
          ["tools", "--wire-log", path] + secretOptions
            + [server.url + "?token=\(TestSecrets.query)&run=cli"],
          environment: environment)
        #expect(output.exitStatus == 3, "\(output.stderrText)")
        #expect(output.stderrText.contains("401 Unauthorized"), "\(output.stderrText)")
        #expect(output.stderrText.contains(#"Bearer realm="x""#), "\(output.stderrText)")
        // The server did get the real values (${VAR} expanded)…
        let seen = server.stderrText.split(separator: "\n").filter { $0.contains("run=cli") }
        #expect(
          seen.contains {
            $0.contains("Bearer \(TestSecrets.token)") && $0.contains(TestSecrets.apiKey)
          },
          "\(server.stderrText)")
        // …and nothing Preflight wrote holds them.
        let (_, text) = try HTTPCommandLine.readWireLog(path)
        let shown = output.stdoutText + output.stderrText
        #expect(TestSecrets.found(in: text, including: false).isEmpty, "\(text)")
        #expect(TestSecrets.found(in: shown, including: false).isEmpty, "\(shown)")
        #expect(!text.contains(TestSecrets.query), "\(text)")
        #expect(!shown.contains(TestSecrets.query), "\(shown)")
      }
    }
  }

  /// Redaction in the session's wire log and errors, wired as the command line wires `-H`.
  @Suite struct Redaction {
    @Test func `no wire-log record of a whole session holds a header or query secret`()
      async throws
    {
      try await HTTPInterop.withServer(.streamable(.mcp2, .sse)) { server in
        let url = server.url + "?token=\(TestSecrets.query)"
        let log = try await HTTPInterop.withSession(
          url, profile: .full, headers: TestSecrets.headers, secrets: TestSecrets.redactorSecrets
        ) { session in
          _ = try await session.connect()
          _ = try await session.listTools()
          let listed = try await session.callTool("list_tasks", arguments: [:])
          #expect(listed["isError"] != true)
          let slow = try await session.callTool("slow", arguments: ["steps": 2])
          #expect(HTTPInterop.text(slow) == "slow done after 2 steps")
          return session.log
        }
        let dump = HTTPInterop.dump(log)
        #expect(log.records.count >= 10, "\(dump)")
        for record in log.records {
          #expect(TestSecrets.found(in: record.line).isEmpty, "\(record.line)")
          if let shown = record.httpField("url")?.stringValue {
            #expect(shown.hasSuffix("/mcp?token=\(Redactor.mask)"), "\(record.line)")
          }
        }
        for record in log.records.filter(\.isOutboundFrame) {
          #expect(record.httpHeaderValue("Authorization") == Redactor.mask, "\(record.line)")
          #expect(record.httpHeaderValue("X-Api-Key") == Redactor.mask, "\(record.line)")
        }
        // cli.md: a record in which a secret was replaced says "redacted": true.
        let unflagged = log.records.filter { $0.line.contains(Redactor.mask) && !$0.redacted }
        #expect(unflagged.isEmpty, "\(unflagged.map(\.line).joined(separator: "\n"))")
      }
    }

    @Test func `a 401 that echoes the headers keeps them out of the error and the wire log`()
      async throws
    {
      try await HTTPInterop.withServer(.unauthorized) { server in
        let url = server.url + "?token=\(TestSecrets.query)&run=session"
        let (message, log) = try await HTTPInterop.withSession(
          url, transport: .auto, profile: .full, headers: TestSecrets.headers,
          secrets: TestSecrets.redactorSecrets
        ) { session -> (String, WireLog) in
          do throws(SessionError) {
            let info = try await session.connect()
            Issue.record("connected despite 401: \(info)")
            return ("", session.log)
          } catch {
            #expect(error.exitCode == 3)
            return (error.description, session.log)
          }
        }
        #expect(message.contains("401 Unauthorized"), "\(message)")
        #expect(message.contains(#"Bearer realm="x""#), "\(message)")
        #expect(TestSecrets.found(in: message, including: false).isEmpty, "\(message)")
        let seen = server.stderrText.split(separator: "\n").filter { $0.contains("run=session") }
        #expect(
          seen.contains {
            $0.contains("Bearer \(TestSecrets.token)") && $0.contains(TestSecrets.apiKey)
          },
          "\(server.stderrText)")
        let dump = HTTPInterop.dump(log)
        #expect(log.records.contains { $0.httpStatusCode == 401 }, "\(dump)")
        for record in log.records {
          #expect(TestSecrets.found(in: record.line, including: false).isEmpty, "\(record.line)")
        }
      }
    }
  }
}
