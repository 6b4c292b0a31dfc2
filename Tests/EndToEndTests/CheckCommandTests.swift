import Foundation
import PreflightJSON
import PreflightTestSupport
import Testing

/// `preflight check` end to end, on the fixture server (one fault at a time), the Python SDK
/// clean server and the demo. Serialized: each case spawns Python and preflight, and dozens at
/// once would starve the other suites' servers on a small machine.
@Suite(.serialized) struct CheckCommandTests {
  /// A fault of `check_server.py` and the rule it must fire, with the exit code.
  struct Case: Sendable, CustomStringConvertible {
    var fault: String
    var rule: String
    var exit: Int32
    var description: String { fault + " → " + rule }
  }

  static let stdioCases: [Case] = [
    Case(fault: "missing-hints", rule: "tools.annotations.missing", exit: 0),
    Case(fault: "null-hints", rule: "tools.annotations.null", exit: 0),
    Case(fault: "string-hints", rule: "tools.annotations.invalid", exit: 0),
    Case(fault: "duplicate-name", rule: "tools.name.duplicate", exit: 1),
    Case(fault: "bad-name", rule: "tools.name.invalid", exit: 0),
    Case(fault: "dotted-name", rule: "tools.name.openai", exit: 0),
    Case(fault: "long-name", rule: "tools.name.openai", exit: 0),
    Case(fault: "no-tools", rule: "tools.list.empty", exit: 1),
    Case(fault: "cursor-loop", rule: "tools.list.failed", exit: 1),
    Case(fault: "empty-page", rule: "tools.list.pagination", exit: 0),
    Case(fault: "many-tools", rule: "tools.count", exit: 0),
    Case(fault: "no-description", rule: "tools.description.missing", exit: 0),
    Case(fault: "short-description", rule: "tools.description.short", exit: 0),
    Case(fault: "long-description", rule: "tools.description.long", exit: 0),
    Case(fault: "huge-tool", rule: "tools.tokens.tool", exit: 1),
    Case(fault: "big-total", rule: "tools.tokens.total", exit: 1),
    Case(fault: "bad-input-schema", rule: "tools.input-schema.object", exit: 1),
    Case(fault: "invalid-schema", rule: "tools.input-schema.invalid", exit: 1),
    Case(fault: "bad-output-schema", rule: "tools.output-schema.invalid", exit: 1),
    Case(fault: "long-invoking", rule: "tools.invocation-text", exit: 1),
    Case(fault: "long-instructions", rule: "initialize.instructions", exit: 0),
    Case(fault: "bad-version", rule: "initialize.protocol-version", exit: 1),
    Case(fault: "no-server-info", rule: "initialize.invalid", exit: 1),
    Case(fault: "hint-mismatch", rule: "tools.annotations.mismatch", exit: 0),
    Case(fault: "hidden-tool", rule: "tools.visibility", exit: 0),
    Case(fault: "bad-security", rule: "tools.security-schemes", exit: 0),
    Case(fault: "missing-template", rule: "templates.unresolved", exit: 1),
    Case(fault: "bad-mime", rule: "templates.mime-type", exit: 0),
    Case(fault: "no-widget-meta", rule: "templates.meta", exit: 0),
    Case(fault: "bad-structured", rule: "calls.output-schema", exit: 1),
    Case(fault: "call-error", rule: "calls.failed", exit: 0),
    Case(fault: "file-params-type", rule: "tools.file-params.type", exit: 1),
    Case(fault: "file-params-name", rule: "tools.file-params.name", exit: 1),
    Case(fault: "file-params-schema", rule: "tools.file-params.schema", exit: 1),
    Case(fault: "challenge-ok", rule: "tools.auth-challenge.summary", exit: 0),
    Case(fault: "challenge-missing", rule: "tools.auth-challenge.missing", exit: 1),
    Case(fault: "challenge-malformed", rule: "tools.auth-challenge.malformed", exit: 1),
    Case(fault: "challenge-undeclared", rule: "tools.auth-challenge.undeclared", exit: 1),
  ]

  static let httpCases: [Case] = [
    Case(fault: "discover-legacy", rule: "discover.version-missing", exit: 1),
    Case(fault: "discover-400", rule: "discover.http-status", exit: 0),
    Case(fault: "discover-modern-incomplete", rule: "discover.result-fields", exit: 0),
    Case(fault: "bad-session-id", rule: "connection.headers", exit: 0),
    Case(fault: "auth", rule: "auth.summary", exit: 1),
    Case(fault: "auth-no-s256", rule: "auth.pkce-s256", exit: 1),
    Case(fault: "auth-no-challenge", rule: "auth.challenge", exit: 1),
    Case(fault: "auth-no-prm", rule: "auth.protected-resource", exit: 1),
    Case(fault: "auth-no-as", rule: "auth.authorization-server", exit: 1),
    Case(fault: "auth-no-registration", rule: "auth.registration", exit: 1),
    Case(fault: "oauth-tool-no-prm", rule: "tools.security-schemes", exit: 0),
    Case(fault: "auth-no-iss", rule: "auth.iss", exit: 1),
    Case(fault: "redirect-loop", rule: "redirects.loop", exit: 3),
    Case(fault: "redirect-long", rule: "redirects.chain-length", exit: 0),
    Case(fault: "redirect-cross-origin", rule: "redirects.cross-origin", exit: 0),
    Case(fault: "redirect-302", rule: "redirects.method", exit: 3),
    Case(fault: "redirect-plain-http", rule: "redirects.https", exit: 1),
  ]

  static func server() throws -> [String] {
    ["--", "python3", try fixture("check_server.py")]
  }

  /// Runs `check --json` and returns the exit code and the parsed document.
  func checkJSON(_ arguments: [String]) async throws -> (Int32?, JSONValue, String) {
    let output = try await preflight(
      ["check", "--json", "--connect-timeout", "90"] + arguments, timeout: .seconds(240))
    let document = try parseDocument(output.stdout, what: "check --json output")
    try Self.expectSchema(document)
    return (output.exitStatus, document, output.stderrText)
  }

  /// The documented schema (docs/check-rules.md, version 1).
  static func expectSchema(_ d: JSONValue, sourceLocation: SourceLocation = #_sourceLocation) throws
  {
    #expect(
      d.objectValue?.keys == ["schema", "verdict", "server", "counts", "findings", "tools"],
      "\(d.objectValue?.keys ?? [])", sourceLocation: sourceLocation)
    #expect(d["schema"] == 1, sourceLocation: sourceLocation)
    #expect(
      ["connect", "connect-with-warnings", "refuse"].contains(d["verdict"]?.stringValue ?? ""),
      sourceLocation: sourceLocation)
    let findings = try #require(d["findings"]?.arrayValue, sourceLocation: sourceLocation)
    var counts = ["error": 0, "warning": 0, "info": 0]
    for f in findings {
      #expect(
        f.objectValue?.keys == [
          "rule", "severity", "tool", "path", "message", "chatgpt", "fix", "source", "evidence",
        ], sourceLocation: sourceLocation)
      let severity = f["severity"]?.stringValue ?? ""
      #expect(counts[severity] != nil, "severity \(severity)", sourceLocation: sourceLocation)
      counts[severity, default: 0] += 1
      for key in ["rule", "message", "chatgpt", "fix", "source"] {
        #expect(f[key]?.stringValue?.isEmpty == false, "\(key)", sourceLocation: sourceLocation)
      }
      for key in ["tool", "path"] {
        #expect(
          f[key]?.stringValue != nil || f[key] == .null, "\(key)", sourceLocation: sourceLocation)
      }
      #expect(
        f["evidence"]?.arrayValue?.allSatisfy { $0.intValue != nil } == true,
        sourceLocation: sourceLocation)
    }
    for (severity, count) in counts {
      #expect(d["counts"]?[severity] == .int(count), sourceLocation: sourceLocation)
    }
    let order = findings.compactMap { f -> Int? in
      ["error": 0, "warning": 1, "info": 2][f["severity"]?.stringValue ?? ""]
    }
    #expect(
      order == order.sorted(), "errors, then warnings, then info", sourceLocation: sourceLocation)
    for tool in d["tools"]?.arrayValue ?? [] {
      #expect(
        ["runs", "asks", "hidden", "refused"].contains(tool["chatgpt"]?.stringValue ?? ""),
        sourceLocation: sourceLocation)
      #expect(tool["name"]?.stringValue != nil, sourceLocation: sourceLocation)
      #expect(tool["estimatedTokens"]?.intValue != nil, sourceLocation: sourceLocation)
    }
  }

  static func rules(_ d: JSONValue) -> [String] {
    (d["findings"]?.arrayValue ?? []).compactMap { $0["rule"]?.stringValue }
  }

  @Test(arguments: stdioCases)
  func `each stdio fault fires its rule with the right exit code`(_ row: Case) async throws {
    let (exit, d, stderr) = try await checkJSON(
      ["--call-read-only"] + (try Self.server()) + ["--fault", row.fault])
    #expect(Self.rules(d).contains(row.rule), "\(Self.rules(d)) stderr: \(stderr)")
    #expect(exit == row.exit, "\(Self.rules(d))")
  }

  @Test(arguments: httpCases)
  func `each HTTP fault fires its rule with the right exit code`(_ row: Case) async throws {
    let server = try await CheckFixtureServer(fault: row.fault)
    defer { server.stop() }
    let (exit, d, stderr) = try await checkJSON([server.url])
    #expect(Self.rules(d).contains(row.rule), "\(Self.rules(d)) stderr: \(stderr)")
    #expect(exit == row.exit, "\(Self.rules(d))")
  }

  @Test func `the clean fixture over stdio connects with info findings only`() async throws {
    let (exit, d, _) = try await checkJSON(["--call-read-only"] + (try Self.server()))
    #expect(exit == 0)
    #expect(d["verdict"] == "connect")
    #expect(d["counts"]?["error"] == 0 && d["counts"]?["warning"] == 0)
    let rules = Self.rules(d)
    #expect(rules.contains("connection.public-url"), "a stdio target gets the public-URL note")
    #expect(rules.contains("discover.skipped"))
    #expect(rules.contains("templates.summary"))
    #expect(rules.contains("calls.summary"))
    #expect(d["tools"]?.arrayValue?.map { $0["chatgpt"] } == ["runs", "asks"])
  }

  @Test func `the clean fixture over HTTP falls back from discover and connects`() async throws {
    let server = try await CheckFixtureServer(fault: nil)
    defer { server.stop() }
    try await withTemporaryDirectory { dir in
      let log = dir + "/wire.ndjson"
      let (exit, d, _) = try await checkJSON(["--wire-log", log, server.url])
      #expect(exit == 0)
      #expect(d["verdict"] == "connect", "\(Self.rules(d))")
      let findings = d["findings"]?.arrayValue ?? []
      let discover = try #require(findings.first { $0["rule"] == "discover.outcome" })
      #expect(discover["message"]?.stringValue?.contains("-32601") == true)
      let publicNote = findings.first { $0["rule"] == "connection.public-url" }
      #expect(publicNote?["message"]?.stringValue?.contains("loopback") == true)
      // The probe went out exactly as ChatGPT sends it, and its evidence points at it.
      let lines = try readWireLog(log)
      let probe = try #require(lines.first { $0.method == "server/discover" })
      #expect(probe.message?["id"] == "openai-mcp-discover")
      #expect(probe.record["http"]?["headers"]?["Mcp-Method"] == "server/discover")
      #expect(probe.record["http"]?["headers"]?["MCP-Protocol-Version"] == "2026-07-28")
      #expect(
        probe.message?["params"]?["_meta"]?["io.modelcontextprotocol/clientInfo"]?["name"]
          == "openai-mcp")
      #expect(discover["evidence"]?.arrayValue?.contains(.int(probe.seq ?? -1)) == true)
      #expect(
        lines.firstIndex { $0.method == "server/discover" }! < lines.firstIndex {
          $0.method == "initialize"
        }!)
    }
  }

  @Test func `a URL not ending in /mcp and custom headers are noted, and the token never shows`()
    async throws
  {
    let server = try await CheckFixtureServer(fault: nil, path: "/api")
    defer { server.stop() }
    let secret = "s3cr3t-check-token"
    let output = try await preflight(
      ["check", "--bearer", secret, "--connect-timeout", "90", server.url], timeout: .seconds(240))
    #expect(output.exitStatus == 0, "\(output.stdoutText)")
    #expect(output.stdoutText.contains("[connection.path]"))
    #expect(output.stdoutText.contains("[connection.custom-headers]"))
    #expect(!output.stdoutText.contains(secret) && !output.stderrText.contains(secret))
  }

  @Test func `with a token the tools are checked and so is the OAuth ChatGPT would face`()
    async throws
  {
    let server = try await CheckFixtureServer(fault: "auth-no-s256")
    defer { server.stop() }
    let (exit, d, stderr) = try await checkJSON(["--bearer", "good-token", server.url])
    let rules = Self.rules(d)
    #expect(exit == 1, "the S256 error decides: \(rules) \(stderr)")
    #expect(rules.contains("auth.pkce-s256"))
    #expect(rules.contains("connection.custom-headers"))
    #expect(d["tools"]?.arrayValue?.count == 2, "the tools were listed with the token")
    let summary = (d["findings"]?.arrayValue ?? []).first {
      $0["rule"] == "auth.summary" && $0["path"] == "WWW-Authenticate"
    }
    #expect(summary?["message"]?.stringValue?.contains("Without -H/--bearer") == true)
    #expect(!JSONPrinter.compact(d).contains("good-token"), "the token is redacted")

    let good = try await CheckFixtureServer(fault: "auth")
    defer { good.stop() }
    let (goodExit, goodDocument, _) = try await checkJSON(["--bearer", "good-token", good.url])
    #expect(goodExit == 0, "\(Self.rules(goodDocument))")
    #expect(goodDocument["verdict"] == "connect-with-warnings")
  }

  @Test func `the Python SDK clean server has no errors or warnings`() async throws {
    let python = try PackagePaths.root() + "/.venv-mcp2/bin/python"
    try #require(
      FileManager.default.isExecutableFile(atPath: python)
        || ProcessInfo.processInfo.environment["PREFLIGHT_REQUIRE_INTEROP"] != "1",
      "the mcp 2.x environment is missing")
    guard FileManager.default.isExecutableFile(atPath: python) else { return }
    let (exit, d, stderr) = try await checkJSON(
      ["--call-read-only", "--", python, try fixture("check_sdk_clean.py")])
    #expect(exit == 0, "\(stderr)")
    #expect(d["verdict"] == "connect", "\(Self.rules(d))")
    #expect(d["server"]?["name"] == "sdk-clean-notes")
  }

  @Test
  func `the Python SDK 2.x over HTTP answers discover with 2026-07-28, which ChatGPT accepts`()
    async throws
  {
    let python = try PackagePaths.root() + "/.venv-mcp2/bin/python"
    guard FileManager.default.isExecutableFile(atPath: python) else {
      #expect(
        ProcessInfo.processInfo.environment["PREFLIGHT_REQUIRE_INTEROP"] != "1",
        "the mcp 2.x environment is missing")
      return
    }
    let server = try await CheckFixtureServer(commandLine: [
      python, try PackagePaths.root() + "/Tests/InteropTests/Fixtures/http/sdk2_http.py",
      "--port", "0",
    ])
    defer { server.stop() }
    let (exit, d, stderr) = try await checkJSON([server.url])
    #expect(exit == 0, "\(stderr)")
    let rules = Self.rules(d)
    #expect(
      !rules.contains("discover.version-missing") && !rules.contains("discover.result-fields"))
    let outcome = (d["findings"]?.arrayValue ?? []).first { $0["rule"] == "discover.outcome" }
    #expect(outcome?["message"]?.stringValue?.contains("lists 2026-07-28") == true, "\(rules)")
    #expect(rules.contains("tools.annotations.missing"), "its fixture leaves hints out")
  }

  @Test func `a legacy HTTP+SSE server is reached through the fallback and warned about`()
    async throws
  {
    let python = try PackagePaths.root() + "/.venv-mcp2/bin/python"
    guard FileManager.default.isExecutableFile(atPath: python) else {
      #expect(
        ProcessInfo.processInfo.environment["PREFLIGHT_REQUIRE_INTEROP"] != "1",
        "the mcp 2.x environment is missing")
      return
    }
    let server = try await CheckFixtureServer(commandLine: [
      python, try PackagePaths.root() + "/Tests/InteropTests/Fixtures/http/sdk2_legacy_sse.py",
      "--port", "0",
    ])
    defer { server.stop() }
    let (exit, d, stderr) = try await checkJSON([server.url])
    #expect(exit == 0, "\(stderr)")
    let rules = Self.rules(d)
    #expect(rules.contains("connection.transport.legacy-sse"), "\(rules)")
    #expect(rules.contains("connection.path"), "/sse does not end in /mcp")
    #expect(d["server"]?["name"] == "sdk2-legacy-sse")
  }

  @Test func `an unreachable server still prints the report and exits 3`() async throws {
    let (exit, d, _) = try await checkJSON(["http://127.0.0.1:9/mcp"])
    #expect(exit == 3)
    #expect(d["verdict"] == "refuse")
    #expect(Self.rules(d).first == "connection.reachable")
    #expect(d["server"] == .null)
  }

  @Test func `the human report groups findings by severity with fixes and sources`()
    async throws
  {
    let output = try await preflight(
      ["check", "--connect-timeout", "90"] + (try Self.server()) + ["--fault", "duplicate-name"],
      timeout: .seconds(240))
    #expect(output.exitStatus == 1)
    let text = output.stdoutText
    #expect(text.contains("verdict: ChatGPT would refuse or misbehave"))
    let errors = try #require(text.range(of: "ERRORS (1)"))
    let infos = try #require(text.range(of: "INFO ("))
    #expect(errors.lowerBound < infos.lowerBound)
    let duplicate = try #require(text.range(of: "[tools.name.duplicate] add_note /name"))
    #expect(errors.upperBound < duplicate.lowerBound && duplicate.upperBound < infos.lowerBound)
    #expect(text.contains("    Fix: Give every tool a unique name."))
    #expect(text.contains("    Source: https://modelcontextprotocol.io/"))
    #expect(text.contains("TOOLS (3)"))
    #expect(!output.stdoutHasEscape)
  }

  @Test func `a legacy skybridge template is labelled as such, not warned about`() async throws {
    let (exit, d, _) = try await checkJSON(
      ["--call-read-only"] + (try Self.server()) + ["--fault", "skybridge-template"])
    #expect(exit == 0)
    #expect(!Self.rules(d).contains("templates.mime-type"), "\(Self.rules(d))")
    let summary = (d["findings"]?.arrayValue ?? []).first { $0["rule"] == "templates.summary" }
    #expect(
      summary?["message"]?.stringValue?.contains("loaded with the legacy Skybridge bridge")
        == true, "\(summary.map { JSONPrinter.compact($0) } ?? "none")")
  }

  @Test func `the demo server checks with warnings and a tool line for each tool`() async throws {
    let (exit, d, _) = try await checkJSON([])
    #expect(exit == 0)
    #expect(d["verdict"] == "connect-with-warnings")
    #expect(d["tools"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == demoToolNames)
    let missing = (d["findings"]?.arrayValue ?? []).filter {
      $0["rule"] == "tools.annotations.missing"
    }
    #expect(missing.allSatisfy { $0["tool"] == "archive_done" } && !missing.isEmpty)
  }

  @Test func `a saved baseline compares added, renamed and approval-flipped tools`() async throws {
    try await withTemporaryDirectory { dir in
      let file = dir + "/baseline.json"
      let saved = try await preflight(
        ["check", "--save-baseline", file, "--connect-timeout", "90"] + (try Self.server()),
        timeout: .seconds(240))
      #expect(saved.exitStatus == 0)
      let snapshot = try parseDocument(
        Array(try Data(contentsOf: URL(fileURLWithPath: file))), what: "baseline")
      #expect(snapshot["preflightBaseline"] == 1)
      #expect(snapshot["tools"]?.arrayValue?.count == 2)

      let (same, d0, _) = try await checkJSON(["--baseline", file] + (try Self.server()))
      #expect(same == 0)
      #expect(!Self.rules(d0).contains { $0.hasPrefix("baseline.") })

      let (_, renamed, _) = try await checkJSON(
        ["--baseline", file] + (try Self.server()) + ["--fault", "dotted-name"])
      let renames = (renamed["findings"]?.arrayValue ?? []).filter {
        $0["rule"] == "baseline.renamed"
      }
      #expect(
        renames.first?["message"]?.stringValue?.contains(
          "\"add_note\" seems renamed to \"notes.add\"") == true)

      let (_, flipped, _) = try await checkJSON(
        ["--baseline", file] + (try Self.server()) + ["--fault", "string-hints"])
      let flips = (flipped["findings"]?.arrayValue ?? []).filter {
        $0["rule"] == "baseline.approval-flipped"
      }
      #expect(flips.first?["tool"] == "list_notes", "\(Self.rules(flipped))")

      let (_, added, _) = try await checkJSON(
        ["--baseline", file] + (try Self.server()) + ["--fault", "hint-mismatch"])
      #expect(
        (added["findings"]?.arrayValue ?? []).contains {
          $0["rule"] == "baseline.added" && $0["tool"] == "delete_note"
        })
    }
  }

  @Test func `a baseline that is not one is a usage error`() async throws {
    try await withTemporaryDirectory { dir in
      let file = dir + "/not-a-baseline.json"
      try Data(#"{"tools": []}"#.utf8).write(to: URL(fileURLWithPath: file))
      let output = try await preflight(
        ["check", "--json", "--baseline", file], timeout: .seconds(60))
      #expect(output.exitStatus == 2)
      let d = try parseDocument(output.stdout, what: "failure document")
      #expect(d["error"]?["kind"] == "usage")
    }
  }
}
