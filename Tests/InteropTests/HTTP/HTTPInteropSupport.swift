import Foundation
import PreflightCore
import PreflightJSON
import Synchronization
import Testing

/// A server the HTTP tests start on 127.0.0.1: a fixture of `Fixtures/http` (README there) or a
/// small stdlib script written by the tests, run by a venv's interpreter with `--port 0`.
struct HTTPFixture: Hashable, Sendable, CustomTestStringConvertible {
  /// The script's path.
  var script: String
  /// The interpreter.
  var python: String
  /// The arguments after the script.
  var arguments: [String]

  /// The command line.
  var commandLine: [String] { [python, script] + arguments }

  /// "sdk2_http.py --json-response".
  var testDescription: String {
    ([URL(fileURLWithPath: script).lastPathComponent]
      + arguments.filter { $0 != "--port" && $0 != "0" })
      .joined(separator: " ")
  }

  /// A fixture of `Tests/InteropTests/Fixtures/http`.
  static func file(_ name: String, venv: String, _ arguments: [String] = []) -> HTTPFixture {
    HTTPFixture(
      script: Interop.fixtures + "/http/" + name, python: venv + "/bin/python",
      arguments: ["--port", "0"] + arguments)
  }

  /// `sdk2_http.py` or `sdk1_http.py` in `mode`.
  static func streamable(_ line: SDKLine, _ mode: StreamableMode) -> HTTPFixture {
    file(line == .mcp2 ? "sdk2_http.py" : "sdk1_http.py", venv: line.venv, mode.flags)
  }

  /// `sdk2_legacy_sse.py` or `sdk1_legacy_sse.py`.
  static func legacy(_ line: SDKLine) -> HTTPFixture {
    file(line == .mcp2 ? "sdk2_legacy_sse.py" : "sdk1_legacy_sse.py", venv: line.venv)
  }

  /// `forgetful_http.py --forget-after 2`.
  static let forgetful = file("forgetful_http.py", venv: Interop.venv2, ["--forget-after", "2"])

  /// `resumable_http.py`.
  static let resumable = file("resumable_http.py", venv: Interop.venv2)

  /// A stdlib server that answers every request `401` with `WWW-Authenticate: Bearer
  /// realm="x"` (plus, when the request carried `X-Api-Key`, an `error_description` that echoes
  /// it and the request's path and query) and a JSON body that echoes `Authorization`,
  /// `X-Api-Key` and the path. It writes what it saw to stderr, one `seen {…}` line a request.
  static let unauthorized = HTTPFixture(
    script: InlineScript.unauthorized.path, python: Interop.venv2 + "/bin/python", arguments: [])
}

/// Scripts the tests write to a temporary folder (the fixture folder is not theirs).
struct InlineScript: Sendable {
  /// The `401` server of ``HTTPFixture/unauthorized``.
  static let unauthorized = InlineScript.write(
    "unauthorized_http.py",
    """
    import http.server, json, signal, sys

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))


    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def deny(self):
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                self.rfile.read(length)
            seen = {
                "authorization": self.headers.get("Authorization"),
                "x-api-key": self.headers.get("X-Api-Key"),
                "path": self.path,
            }
            print("seen " + json.dumps(seen), file=sys.stderr, flush=True)
            body = json.dumps({"error": "invalid_token", "seen": seen}).encode()
            challenge = 'Bearer realm="x"'
            if seen["x-api-key"]:
                described = (seen["x-api-key"], self.path)
                challenge += ', error_description="bad key %s at %s"' % described
            self.send_response(401)
            self.send_header("WWW-Authenticate", challenge)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = do_DELETE = deny

        def log_message(self, *args):
            pass


    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print("http://127.0.0.1:%d/mcp" % server.server_address[1], flush=True)
    server.serve_forever()

    """)

  /// Writes `text` to `name` in a folder of this test run's own; returns the path.
  private static func write(_ name: String, _ text: String) -> InlineScript {
    let path = folder + "/" + name
    _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    return InlineScript(path: path)
  }

  private static let folder: String = {
    let path =
      FileManager.default.temporaryDirectory.path + "/preflight-http-interop-\(getpid())"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }()

  /// Where the script is.
  let path: String
}

/// How the Streamable HTTP fixtures run (README: "Stateful (default) and `--json-response`",
/// "`--stateless`").
enum StreamableMode: String, CaseIterable, Sendable, CustomTestStringConvertible {
  case sse = "SSE"
  case json = "json_response"
  case stateless = "stateless"

  /// The fixture's flags.
  var flags: [String] {
    switch self {
    case .sse: []
    case .json: ["--json-response"]
    case .stateless: ["--stateless"]
    }
  }

  /// The `Content-Type` of every answer that carries a message.
  var contentType: String { self == .json ? "application/json" : "text/event-stream" }

  /// Whether the server keeps sessions (and sends `mcp-session-id`).
  var hasSession: Bool { self != .stateless }

  /// "SSE", "json_response", "stateless".
  var testDescription: String { rawValue }
}

/// Starting, sharing and stopping the HTTP fixture servers, and sessions against them.
enum HTTPInterop {
  /// The servers shared by the tests of ``HTTPInteropTests`` (set by ``SharedHTTPFixtures``).
  @TaskLocal static var pool: HTTPFixturePool?

  /// How long a server may take to print its URL line (README: 0.7–1.8 s, 3 s when loaded; far more when the whole suite starts at once on two cores).
  static let startDeadline: Duration = .seconds(90)

  /// Starts `fixture` once a server slot is free (start-up is the CPU-heavy part; the slot is
  /// given back once the URL line is in).
  static func start(_ fixture: HTTPFixture) async throws -> HTTPFixtureServer {
    try Interop.requireEnvironment()
    await Interop.slots.acquire()
    do {
      let server = try await HTTPFixtureServer.start(
        fixture.commandLine, name: fixture.testDescription, deadline: startDeadline)
      await Interop.slots.release()
      return server
    } catch {
      await Interop.slots.release()
      throw error
    }
  }

  /// Runs `body` with `fixture` running: the suite's shared server when there is a pool, else
  /// one of its own, stopped with `SIGTERM` afterwards.
  static func withServer<Result>(
    _ fixture: HTTPFixture, _ body: (HTTPFixtureServer) async throws -> Result
  ) async throws -> Result {
    if let pool {
      return try await body(try await pool.server(fixture))
    }
    let server = try await start(fixture)
    do {
      let result = try await body(server)
      await server.terminate()
      return result
    } catch {
      await server.terminate()
      throw error
    }
  }

  /// Runs `body` with a session (not yet connected) for `url` over `mode`, and closes it
  /// afterwards, even when `body` throws. Headers and secrets are wired as the command line
  /// wires `-H`: the headers go to the transport, the secrets to the wire log's redactor, and
  /// the transport masks with that redactor.
  static func withSession<Result>(
    _ url: String, transport mode: HTTPTransportMode = .http, profile: ClientProfile = .full,
    headers: [(name: String, value: String)] = [], secrets: [String] = [],
    _ body: (MCPClientSession) async throws -> Result
  ) async throws -> Result {
    _ = Interop.sigpipeIgnored
    let log = WireLog()
    for secret in secrets { log.addSecret(secret) }
    let options = HTTPTransportOptions(
      url: url, profile: profile, headers: headers, connectTimeout: .seconds(20),
      redactor: log.redactor)
    let transport = HTTPTransports.make(url: url, mode: mode, options: options)
    let session = MCPClientSession(
      transport: transport, profile: profile, settings: Interop.settings, log: log)
    do {
      let result = try await body(session)
      await session.close()
      return result
    } catch {
      await session.close()
      throw error
    }
  }

  /// The wire log as NDJSON, for failure messages.
  static func dump(_ log: WireLog) -> String {
    log.records.map { JSONPrinter.compact($0.json) }.joined(separator: "\n")
  }

  /// The first text block of a `tools/call` result.
  static func text(_ result: JSONValue) -> String? {
    Interop.texts(result).first
  }

  /// Whether `text` is 32 lowercase hexadecimal digits (the SDKs' session ids).
  static func isSessionID(_ text: String?) -> Bool {
    guard let text, text.count == 32 else { return false }
    return text.allSatisfy { "0123456789abcdef".contains($0) }
  }
}

/// The servers one run of the suite shares, keyed by fixture: each starts on first use and
/// stops (`SIGTERM`) when the suite ends.
actor HTTPFixturePool {
  private var servers: [HTTPFixture: Task<HTTPFixtureServer, any Error>] = [:]

  /// The running server for `fixture`, started on first use.
  func server(_ fixture: HTTPFixture) async throws -> HTTPFixtureServer {
    if let starting = servers[fixture] {
      return try await starting.value
    }
    let starting = Task { try await HTTPInterop.start(fixture) }
    servers[fixture] = starting
    return try await starting.value
  }

  /// Stops every server that started.
  func stopAll() async {
    let all = servers.values
    servers = [:]
    await withTaskGroup(of: Void.self) { group in
      for starting in all {
        group.addTask {
          if let server = try? await starting.value {
            await server.terminate()
          }
        }
      }
    }
  }
}

/// A suite trait: the suite's tests share one server per fixture, stopped when the suite ends.
struct SharedHTTPFixtures: SuiteTrait, TestScoping {
  /// Once for the suite, not once per test.
  var isRecursive: Bool { false }

  /// Runs the suite with a pool of its own and stops the pool's servers afterwards.
  func provideScope(
    for test: Test, testCase: Test.Case?,
    performing function: @Sendable () async throws -> Void
  ) async throws {
    let pool = HTTPFixturePool()
    do {
      try await HTTPInterop.$pool.withValue(pool) {
        try await function()
      }
    } catch {
      await pool.stopAll()
      throw error
    }
    await pool.stopAll()
  }
}

extension Trait where Self == SharedHTTPFixtures {
  /// One server per fixture for the whole suite.
  static var sharedHTTPFixtures: Self { SharedHTTPFixtures() }
}

extension WireRecord {
  /// A member of the record's `http` object.
  func httpField(_ key: String) -> JSONValue? { http?[key] }

  /// The `http` object's status.
  var httpStatusCode: Int? { httpField("status")?.intValue }

  /// The `http` object's method (`POST`, `GET`, `DELETE`).
  var httpMethodName: String? { httpField("method")?.stringValue }

  /// A header of the `http` object, spelled as the log spells it.
  func httpHeaderValue(_ name: String) -> String? {
    httpField("headers")?[name]?.stringValue
  }

  /// The SSE event id of the `http` object.
  var sseEventID: String? { httpField("eventId")?.stringValue }

  /// Whether the record is an inbound frame.
  var isInboundFrame: Bool { direction == .inbound && isFrame }

  /// Whether the record is an outbound frame.
  var isOutboundFrame: Bool { direction == .outbound && isFrame }

  /// The record as one NDJSON line.
  var line: String { JSONPrinter.compact(json) }
}

extension WireLog {
  /// The local records of this kind, in order.
  func locals(_ kind: String) -> [WireRecord] {
    records.filter { $0.localKind == kind }
  }

  /// The local `http` records (exchanges without a frame) with this method and status.
  func exchanges(_ method: String, status: Int? = nil) -> [WireRecord] {
    records.filter {
      $0.localKind == "http" && $0.httpMethodName == method
        && (status == nil || $0.httpStatusCode == status)
    }
  }
}
