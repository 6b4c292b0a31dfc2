import Foundation
import PreflightJSON
import PreflightTestSupport
import Testing

/// `preflight call` against `Fixtures/hostile_server.py` over stdio, one fault at a time: the exit
/// code and message say what went wrong, every frame received is in the wire log (raw where it is
/// not JSON), and nothing crashes. The table is `docs/hostile-servers.md`.
@Suite(.timeLimit(.minutes(5))) struct HostileServerTests {
  /// What one run left behind.
  struct Run {
    var output: ProcessOutput
    var wire: [WireLine]
    /// The call document, when `--json` printed one.
    var document: JSONValue

    /// The inbound frames (stderr lines left out).
    var inbound: [WireLine] {
      wire.filter { $0.direction == "in" && $0.record["stderr"] == nil }
    }
    /// The `local.kind` values, in order.
    var localKinds: [String] { wire.compactMap { $0.record["local"]?["kind"]?.stringValue } }
  }

  /// Runs `preflight call --json --wire-log … echo -- python3 hostile_server.py --fault FAULT`.
  static func call(
    _ fault: String, options: [String] = [], serverOptions: [String] = [],
    arguments: String = #"{"text":"hi"}"#, timeout: Duration = .seconds(60)
  ) async throws -> Run {
    try await withTemporaryDirectory { directory in
      let log = directory + "/wire.ndjson"
      let output = try await preflight(
        ["call", "--json", "--wire-log", log, "--args", arguments] + options
          + ["echo", "--", "python3", try fixture("hostile_server.py"), "--fault", fault]
          + serverOptions,
        timeout: timeout)
      let document = try parseDocument(output.stdout, what: "call --json output")
      return Run(output: output, wire: try readWireLog(log), document: document)
    }
  }

  /// The text of the call result's first content block.
  static func resultText(_ run: Run) -> String? {
    run.document["result"]?["content"]?[0]?["text"]?.stringValue
  }

  @Test func `non-JSON lines on stdout are kept raw, warned about, and the call succeeds`()
    async throws
  {
    let run = try await Self.call("non-json")
    #expect(run.output.exitStatus == 0, "\(run.output.stderrText)")
    #expect(Self.resultText(run) == "hi")
    let raw = run.inbound.compactMap { $0.record["raw"]?.stringValue }
    #expect(raw == ["this is not JSON", "noise during tools/call"])
    #expect(run.inbound.filter { $0.record["raw"] != nil }.allSatisfy { $0.record["error"] != nil })
    #expect(run.output.stderrText.contains("not JSON-RPC"), "\(run.output.stderrText)")
  }

  @Test func `a line of invalid UTF-8 is kept as base64 and the call succeeds`() async throws {
    let run = try await Self.call("invalid-utf8")
    #expect(run.output.exitStatus == 0, "\(run.output.stderrText)")
    #expect(Self.resultText(run) == "bad \u{FFFD} byte")
    let kept = run.inbound.compactMap { $0.record["rawBase64"]?.stringValue }
    #expect(kept.count == 1)
    let bytes = kept.first.flatMap { Data(base64Encoded: $0) }.map { Array($0) }
    #expect(
      bytes == Array("bad ".utf8) + [0xFF, 0xFE] + Array(" bytes ".utf8) + [0xC3, 0x28]
        + Array(" here".utf8))
    #expect(terminalUnsafeScalars(in: run.output.stderrText).isEmpty)
  }

  @Test func `a frame split across many small writes is read whole`() async throws {
    let run = try await Self.call("split-frame", arguments: #"{"text":"pieces"}"#)
    #expect(run.output.exitStatus == 0, "\(run.output.stderrText)")
    #expect(Self.resultText(run) == "pieces")
    #expect(run.inbound.allSatisfy { $0.message != nil }, "every frame parsed as JSON")
    #expect(run.inbound.count == 3, "initialize, tools/list and the call: one record each")
  }

  @Test func `a 20 MB single line is received whole and logged whole`() async throws {
    // Generous bounds: on a loaded 2-core machine, writing, reading and logging 20 MB has taken
    // longer than the default minute. They guard against a hang, not for speed.
    let run = try await Self.call(
      "huge-line", options: ["--timeout", "240"], arguments: "{}", timeout: .seconds(300))
    #expect(run.output.exitStatus == 0, "\(run.output.stderrText)")
    let text = try #require(Self.resultText(run))
    #expect(text.utf8.count == 20_000_000 - 100)
    #expect(text.utf8.allSatisfy { $0 == UInt8(ascii: "x") })
    let answer = try #require(run.inbound.last { $0.message?["id"] == 2 })
    #expect(answer.text.utf8.count > 20_000_000 - 100)
  }

  @Test func `a response with an id nobody asked for is logged as unknown and ignored`()
    async throws
  {
    let run = try await Self.call("unknown-id")
    #expect(run.output.exitStatus == 0, "\(run.output.stderrText)")
    #expect(Self.resultText(run) == "hi")
    let stray = try #require(run.inbound.first { $0.message?["id"] == 987654 })
    let note = try #require(run.wire.first { $0.record["local"]?["kind"] == "unknown-response" })
    #expect(note.record["local"]?["seq"]?.intValue == stray.seq)
  }

  @Test func `a second answer to the same id is logged as late and the first one wins`()
    async throws
  {
    let run = try await Self.call("duplicate-id")
    #expect(run.output.exitStatus == 0, "\(run.output.stderrText)")
    #expect(Self.resultText(run) == "hi")
    let answers = run.inbound.filter { $0.message?["id"] == 2 }
    #expect(answers.count == 2, "both answers are in the wire log")
    let late = try #require(run.wire.first { $0.record["local"]?["kind"] == "late-response" })
    #expect(late.record["local"]?["seq"]?.intValue == answers.last?.seq)
  }

  @Test func `an answer whose id is a string for a number matches nothing and the call times out`()
    async throws
  {
    let run = try await Self.call("wrong-id-type", options: ["--timeout", "2"])
    #expect(run.output.exitStatus == 3, "\(run.output.stderrText)")
    #expect(run.document["sent"] == true)
    #expect(run.document["failure"]?.stringValue?.contains("no answer within 2 s") == true)
    let wrong = try #require(run.inbound.first { $0.message?["id"] == "2" })
    let note = try #require(run.wire.first { $0.record["local"]?["kind"] == "unknown-response" })
    #expect(note.record["local"]?["seq"]?.intValue == wrong.seq)
    #expect(run.localKinds.contains("cancel-requested"))
  }

  @Test func `a call that is never answered times out with exit 3 and a cancellation`()
    async throws
  {
    let run = try await Self.call("no-response", options: ["--timeout", "1"])
    #expect(run.output.exitStatus == 3, "\(run.output.stderrText)")
    #expect(run.document["result"] == .null)
    #expect(
      run.document["failure"] == "tools/call: no answer within 1 s; the request was cancelled")
    #expect(run.output.stderrText.contains("no answer within 1 s"))
    let cancel = run.wire.first { $0.method == "notifications/cancelled" }
    #expect(cancel?.direction == "out", "the server is told the request was cancelled")
  }

  @Test func `a server that exits mid-call fails the call with its status and last stderr`()
    async throws
  {
    let run = try await Self.call("exit-mid-call")
    #expect(run.output.exitStatus == 3, "\(run.output.stderrText)")
    let failure = try #require(run.document["failure"]?.stringValue)
    #expect(failure.contains("exited with status 7"), "\(failure)")
    #expect(failure.contains("hostile: exiting mid-call with status 7"), "\(failure)")
    #expect(run.wire.contains { $0.record["stderr"] == "hostile: exiting mid-call with status 7" })
  }

  @Test func `a server that exits at start fails with exit 3, its status and its stderr`()
    async throws
  {
    let run = try await Self.call("exit-at-start")
    #expect(run.output.exitStatus == 3, "\(run.output.stderrText)")
    #expect(run.document["error"]?["kind"] == "transport")
    let message = try #require(run.document["error"]?["message"]?.stringValue)
    #expect(message.contains("before answering initialize"), "\(message)")
    #expect(message.contains("exited with status 3"), "\(message)")
    #expect(message.contains("fatal: cannot open /nonexistent/config.toml"), "\(message)")
    #expect(run.inbound.isEmpty)
  }

  @Test func `a flood of 100,000 notifications is all in the file while memory keeps --wire-cap`()
    async throws
  {
    let run = try await Self.call(
      "flood", options: ["--wire-cap", "1000"], arguments: #"{"text":"after"}"#,
      timeout: .seconds(110))
    #expect(run.output.exitStatus == 0, "\(run.output.stderrText)")
    #expect(Self.resultText(run) == "after")
    let flood = run.inbound.filter { $0.method == "notifications/message" }
    #expect(flood.count == 100_000, "every notification is in the wire-log file")
    #expect(flood.last?.message?["params"]?["data"] == "flood 99999")
    let evictions = run.wire.filter { $0.record["local"]?["kind"] == "evicted" }
    let evicted = evictions.compactMap { $0.record["local"]?["count"]?.intValue }.reduce(0, +)
    // Everything beyond the last 1000 records left memory, and each eviction says so.
    #expect(evicted >= 100_000 - 1000, "\(evicted) records evicted")
    #expect(
      evictions.allSatisfy { $0.record["local"]?["text"]?.stringValue?.contains("evicted") == true }
    )
  }

  @Test func `requests for sampling, elicitation and roots that were never advertised get errors`()
    async throws
  {
    let run = try await Self.call("client-requests")
    #expect(run.output.exitStatus == 0, "\(run.output.stderrText)")
    let report = try #require(Self.resultText(run))
    for method in ["sampling/createMessage", "elicitation/create", "roots/list"] {
      #expect(report.contains(method + ": error"), "\(report)")
      let request = try #require(run.inbound.first { $0.method == method })
      let answer = run.wire.first {
        $0.direction == "out" && $0.message?["id"] == request.message?["id"]
          && $0.message?["method"] == nil
      }
      #expect(answer?.message?["error"]?["code"] != nil, "\(method) answered with an error")
    }
  }

  @Test func `an answer dripped one byte at a time arrives whole`() async throws {
    let run = try await Self.call(
      "slow-drip", serverOptions: ["--drip-ms", "2"], arguments: #"{"text":"drip"}"#)
    #expect(run.output.exitStatus == 0, "\(run.output.stderrText)")
    #expect(Self.resultText(run) == "drip")
    #expect(run.inbound.allSatisfy { $0.message != nil })
  }

  @Test func `a description telling the reader to approve everything changes no decision`()
    async throws
  {
    let run = try await Self.call("injection")
    #expect(run.output.exitStatus == 4, "\(run.output.stderrText)")
    #expect(run.document["sent"] == false)
    #expect(run.document["approval"]?["required"] == true)
    #expect(run.document["approval"]?["decision"] == "denied")
    #expect(!run.wire.contains { $0.method == "tools/call" }, "nothing was sent")
  }

  @Test func `escape sequences in every server string stay out of the human output`()
    async throws
  {
    let server = ["--", "python3", try fixture("hostile_server.py"), "--fault", "escapes"]
    for command in [["tools"], ["call", "--args", #"{"text":"x"}"#, "echo"]] {
      let output = try await preflight(command + server)
      #expect(output.exitStatus == 0, "\(command): \(output.stderrText)")
      let text = output.stdoutText + output.stderrText
      #expect(!output.stdoutHasEscape && !output.stderr.contains(0x1B), "\(command)")
      #expect(
        terminalUnsafeScalars(in: text).isEmpty, "\(command): \(terminalUnsafeScalars(in: text))")
    }
    let listing = try await preflight(["tools"] + server)
    #expect(listing.stdoutText.contains(#"wipe\u{1B}[2J\u{1B}[H"#), "\(listing.stdoutText)")
    #expect(listing.stdoutText.contains(#"report\u{202E}fdp.exe"#), "\(listing.stdoutText)")
    let call = try await preflight(["call", "--args", #"{"text":"x"}"#, "echo"] + server)
    #expect(call.stdoutText.contains(#"result\u{1B}[2J"#), "\(call.stdoutText)")
  }
}
