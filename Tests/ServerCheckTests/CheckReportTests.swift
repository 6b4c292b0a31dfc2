import Foundation
import PreflightJSON
import PreflightTestSupport
import ServerCheck
import Testing

/// The report: grouping, verdict, exit codes, the JSON document, and the published rule table.
@Suite struct CheckReportTests {
  typealias F = CheckFixtures

  @Test func `findings are grouped errors first, then warnings, then info`() {
    let o = F.observation(tools: [
      F.cleanTool(), F.cleanTool(), F.annotated(["readOnlyHint": false]),
    ])
    let report = CheckReport(observation: o)
    let severities = report.findings.map(\.severity)
    #expect(severities == severities.sorted())
    #expect(severities.first == .error)
    #expect(report.verdict == .refuse)
    #expect(report.exitCode == 1)
  }

  @Test func `warnings alone connect with warnings and exit 0`() {
    let report = CheckReport(
      observation: F.observation(tools: [F.annotated(["readOnlyHint": true])]))
    #expect(report.verdict == .connectWithWarnings)
    #expect(report.exitCode == 0)
  }

  @Test func `an unreachable server exits 3 and a 401 exits 1 even when OAuth is right`() {
    var failed = F.http()
    failed.initializeResult = nil
    failed.toolPages = []
    failed.connectionFailure = "refused"
    #expect(CheckReport(observation: failed).exitCode == 3)
    var auth = failed
    auth.connectionFailure = "HTTP 401"
    auth.auth = AuthObservation(
      status: 401, challenge: "Bearer",
      protectedResource: [
        MetadataFetch(url: "p", status: 200, document: ["authorization_servers": ["https://a"]])
      ],
      authorizationServer: [
        MetadataFetch(
          url: "a", status: 200,
          document: ["code_challenge_methods_supported": ["S256"], "registration_endpoint": "r"])
      ])
    let report = CheckReport(observation: auth)
    #expect(!report.findings.contains { $0.rule == "connection.reachable" })
    #expect(report.exitCode == 1)
  }

  @Test func `the JSON document has cli.md's shape`() throws {
    let report = CheckReport(
      observation: F.observation(tools: [F.annotated(["readOnlyHint": true])]))
    let json = report.json
    #expect(json["schema"] == 1)
    #expect(json["verdict"] == "connect-with-warnings")
    #expect(json["server"]?["name"] == "notes")
    #expect(json["counts"]?["warning"] == .int(report.count(.warning)))
    let findings = try #require(json["findings"]?.arrayValue)
    #expect(!findings.isEmpty)
    for finding in findings {
      #expect(
        finding.objectValue?.keys == [
          "rule", "severity", "tool", "path", "message", "chatgpt", "fix", "source", "evidence",
        ])
      #expect(["error", "warning", "info"].contains(finding["severity"]?.stringValue ?? ""))
    }
    let tools = try #require(json["tools"]?.arrayValue)
    #expect(tools.map { $0["name"] } == ["add_note"])
    #expect(tools[0]["chatgpt"] == "runs")
  }

  @Test func `the token estimate is the compact JSON's bytes over four, rounded up`() {
    let tool: JSONValue = [
      "name": "ab", "_meta": ["x": .string(String(repeating: "z", count: 400))],
    ]
    // {"name":"ab"} is 13 bytes; _meta does not count.
    #expect(TokenEstimate.tokens(of: tool) == 4)
  }

  /// One row of the published table.
  static func row(_ rule: CheckRule) -> String {
    let cells = [
      "`\(rule.id)`", rule.severity.rawValue, rule.chatgpt, rule.fix, rule.source, "2026-11-26",
    ]
    return "| "
      + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ")
      + " |"
  }

  @Test func `docs/check-rules.md lists every rule exactly as the catalog has it`() throws {
    let path = try PackagePaths.root() + "/docs/check-rules.md"
    let rows = CheckRules.all.map(Self.row)
    if ProcessInfo.processInfo.environment["RECORD_RULES"] == "1" {
      let text = try String(contentsOfFile: path, encoding: .utf8)
      let begin = "<!-- rules:begin -->\n"
      let end = "<!-- rules:end -->"
      let head = try #require(text.range(of: begin))
      let tail = try #require(text.range(of: end))
      let table =
        "| id | severity | why ChatGPT cares | fix | source | read on |\n"
        + "|---|---|---|---|---|---|\n" + rows.joined(separator: "\n") + "\n"
      try (String(text[..<head.upperBound]) + table + String(text[tail.lowerBound...]))
        .write(toFile: path, atomically: true, encoding: .utf8)
    }
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let lines = Set(text.split(separator: "\n").map(String.init))
    for (rule, row) in zip(CheckRules.all, rows) {
      #expect(
        lines.contains(row), "docs/check-rules.md's row for \(rule.id) differs from the catalog")
    }
  }
}
