import Foundation
import PreflightJSON
import PreflightTestSupport
import Testing

/// `--wire-log FILE`: NDJSON exactly as cli.md describes it.
@Suite struct WireLogTests {
  /// `local.kind` values cli.md lists.
  static let documentedLocalKinds: Set = [
    "approval-asked", "approval-approved", "approval-denied", "approval-refused",
    "remembered-approve", "remembered-deny", "transport-chosen", "session-expired",
    "reconnected", "server-exited", "cancel-requested", "late-response", "evicted",
    // Added by this build, listed in docs/cli-extensions.md.
    "process", "closed", "transport-closed", "unknown-response", "send-failed", "http",
    "http-error", "stream-dropped", "stream-ended", "tls-warning",
  ]

  /// `YYYY-MM-DDTHH:MM:SS.mmmZ`.
  static func isWireTime(_ text: String) -> Bool {
    let pattern = #/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/#
    return text.wholeMatch(of: pattern) != nil
  }

  @Test func `--wire-log writes one compact JSON record a line in cli.md's format`() async throws {
    try await withTemporaryDirectory { directory in
      let log = directory + "/wire.ndjson"
      let before = Date()
      let output = try await preflight(["tools", "--wire-log", log])
      let after = Date()
      #expect(output.exitStatus == 0, "stderr: \(output.stderrText)")
      let lines = try readWireLog(log)
      #expect(lines.count >= 5)

      let seqs = lines.compactMap(\.seq)
      #expect(seqs.count == lines.count, "every record has an integer seq")
      #expect(seqs.first == 1)
      #expect(zip(seqs, seqs.dropFirst()).allSatisfy { $0 < $1 }, "\(seqs)")

      let parser = ISO8601DateFormatter()
      parser.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
      for line in lines {
        let record = line.record
        #expect(
          JSONPrinter.compact(record) == line.text,
          "the record is compact and lossless: \(line.text)")
        let time = record["time"]?.stringValue ?? ""
        #expect(Self.isWireTime(time), "\(time)")
        if let date = parser.date(from: time) {
          // UTC: the time lies within the run, give or take a second.
          #expect(date >= before.addingTimeInterval(-1) && date <= after.addingTimeInterval(1))
        }
        #expect(["in", "out", "local"].contains(line.direction ?? ""), "\(line.text)")
        #expect(record["transport"] == "stdio", "\(line.text)")
        let bodies = ["message", "raw", "rawBase64", "stderr", "local"].filter {
          record[$0] != nil
        }
        #expect(bodies.count == 1, "one of message/raw/rawBase64/stderr/local: \(line.text)")
        if line.direction == "local" {
          #expect(record["local"]?["kind"]?.stringValue?.isEmpty == false, "\(line.text)")
          #expect(record["local"]?["text"]?.stringValue?.isEmpty == false, "\(line.text)")
        }
        if let message = line.message {
          #expect(message["jsonrpc"] == "2.0", "\(line.text)")
          #expect(["in", "out"].contains(line.direction ?? ""))
        }
        #expect(record["http"] == nil, "no http object on stdio frames")
      }

      let outgoing = lines.filter { $0.direction == "out" && $0.message != nil }
      let initialize = outgoing.first?.message
      #expect(initialize?["method"] == "initialize")
      let params = initialize?["params"]
      #expect(params?["protocolVersion"] == "2025-11-25")
      #expect(params?["clientInfo"] == ["name": "openai-mcp", "version": "1.0.0"])
      #expect(params?["capabilities"]?["experimental"]?["openai/visibility"] != nil)
      #expect(outgoing.contains { $0.method == "notifications/initialized" })
      #expect(outgoing.contains { $0.method == "tools/list" })

      let incoming = lines.filter { $0.direction == "in" && $0.message != nil }
      #expect(
        incoming.contains { $0.message?["result"]?["serverInfo"]?["name"] == "preflight-demo" })
      let listed = incoming.compactMap { $0.message?["result"]?["tools"]?.arrayValue }.first ?? []
      #expect(listed.compactMap { $0["name"]?.stringValue } == demoToolNames)
    }
  }

  @Test func `--wire-log appends to an existing file`() async throws {
    try await withTemporaryDirectory { directory in
      let log = directory + "/wire.ndjson"
      let first = try await preflight(["tools", "--wire-log", log])
      #expect(first.exitStatus == 0, "stderr: \(first.stderrText)")
      let before = try readWireLog(log)
      let second = try await preflight(["tools", "--wire-log", log])
      #expect(second.exitStatus == 0, "stderr: \(second.stderrText)")
      let after = try readWireLog(log)
      #expect(after.count > before.count)
      #expect(Array(after.prefix(before.count).map(\.text)) == before.map(\.text))
      #expect(after.filter { $0.method == "initialize" }.count == 2)
    }
  }

  @Test func `every local record's kind is documented`() async throws {
    try await withTemporaryDirectory { directory in
      let log = directory + "/wire.ndjson"
      let output = try await preflight(["tools", "--wire-log", log])
      #expect(output.exitStatus == 0, "stderr: \(output.stderrText)")
      let kinds = try readWireLog(log).filter { $0.direction == "local" }.compactMap {
        $0.record["local"]?["kind"]?.stringValue
      }
      let undocumented = Set(kinds).subtracting(Self.documentedLocalKinds).sorted()
      #expect(
        undocumented.isEmpty,
        "local.kind values neither in cli.md nor in docs/cli-extensions.md: \(undocumented)")
    }
  }

  @Test func `a line that is not JSON is kept raw in the wire log and the command succeeds`()
    async throws
  {
    try await withTemporaryDirectory { directory in
      let log = directory + "/wire.ndjson"
      let server = "echo not-json; exec \(shellQuoted(try preflightPath())) demo-server"
      let output = try await preflight([
        "tools", "--json", "--wire-log", log, "--", "sh", "-c", server,
      ])
      #expect(output.exitStatus == 0, "stderr: \(output.stderrText)")
      let document = try parseDocument(output.stdout, what: "tools --json output")
      #expect(document["tools"]?.arrayValue?.count == demoToolNames.count)

      let lines = try readWireLog(log)
      let raw = lines.filter { $0.record["raw"] != nil }
      #expect(raw.count == 1)
      #expect(raw.first?.record["raw"] == "not-json")
      #expect(raw.first?.direction == "in")
      #expect(raw.first?.message == nil)
    }
  }

  @Test func `a secret in the server's stderr is redacted in the wire log`() async throws {
    try await withTemporaryDirectory { directory in
      let log = directory + "/wire.ndjson"
      let secret = "sk-test-abcdef123456"
      let server =
        #"echo "token is $API_TOKEN" >&2; exec "# + shellQuoted(try preflightPath())
        + " demo-server"
      let output = try await preflight([
        "tools", "--wire-log", log, "--env", "API_TOKEN=\(secret)", "--", "sh", "-c", server,
      ])
      #expect(output.exitStatus == 0, "stderr: \(output.stderrText)")
      let text = String(
        decoding: FileManager.default.contents(atPath: log) ?? Data(), as: UTF8.self)
      #expect(!text.contains(secret))
      #expect(!text.contains("abcdef123456"))
      #expect(!output.stdoutText.contains(secret))
      #expect(!output.stderrText.contains(secret))

      let stderrRecords = try readWireLog(log).filter { $0.record["stderr"] != nil }
      let tokenLine = stderrRecords.first {
        $0.record["stderr"]?.stringValue?.hasPrefix("token is") == true
      }
      #expect(tokenLine?.record["stderr"] == "token is [REDACTED]")
      #expect(tokenLine?.record["redacted"] == true)
    }
  }
}
