import Foundation
import PreflightJSON
import PreflightTestSupport
import Testing

/// Issue 12 §1–3 through the headless commands, against `fidelity_server.py`: widget-only tools
/// listed apart and refused, a read-only tool that mutates flagged with its evidence, and the
/// request `_meta` ChatGPT sends.
@Suite(.timeLimit(.minutes(5)))
struct FidelityCommandTests {
  static func server() throws -> [String] {
    ["--", "python3", try fixture("fidelity_server.py")]
  }

  /// Runs `scenario` on `contents` with `options`, `--json` and a wire log.
  static func scenario(_ contents: String, _ options: [String] = []) async throws -> CallCLI.Run {
    try await CallCLI.run { directory in
      let path = directory + "/calls.json"
      try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
      return ["scenario", "--json"] + options + [path] + (try server())
    }
  }

  // MARK: - Visibility (§2)

  @Test func `a scenario refuses widget-only tools, sends nothing for them, and exits 4`()
    async throws
  {
    let run = try await Self.scenario(
      #"[{"name": "peek_counter"}, {"name": "widget_refresh"}, {"name": "legacy_private"}]"#)
    #expect(run.exitStatus == 4, "stderr: \(run.stderr)")
    let calls = try #require(try run.document()["calls"]?.arrayValue)
    for call in calls { CallCLI.expectCallShape(call) }
    #expect(
      calls.map { $0["approval"]?["decision"] } == ["not-required", "refused", "refused"])
    #expect(calls.map { $0["sent"] } == [true, false, false])
    #expect(calls[1]["approval"]?["required"] == false)
    #expect(calls[1]["approval"]?["reason"]?.stringValue?.contains("ui.visibility") == true)
    #expect(calls[2]["approval"]?["reason"]?.stringValue?.contains("openai/visibility") == true)

    let wire = try run.wireLog()
    #expect(
      CallCLI.toolCalls(in: wire).map { $0.message?["params"]?["name"] } == ["peek_counter"])
    let refusals = wire.filter { $0.record["local"]?["kind"] == "approval-refused" }
    #expect(refusals.map { $0.record["local"]?["tool"] } == ["widget_refresh", "legacy_private"])
    #expect(
      refusals.map { $0.record["local"]?["hiddenBy"] } == ["ui.visibility", "openai/visibility"])
  }

  @Test func `call refuses a widget-only tool with the reason, exit 4, nothing sent`()
    async throws
  {
    let run = try await CallCLI.run { _ in ["call", "widget_refresh"] + (try Self.server()) }
    #expect(run.exitStatus == 4, "stderr: \(run.stderr)")
    #expect(run.stdout.contains("refused"))
    #expect(run.stdout.contains("widget-only"))
    #expect(run.stdout.contains("not sent"))
    let wire = try run.wireLog()
    #expect(CallCLI.toolCalls(in: wire).isEmpty)
    #expect(CallCLI.localKinds(in: wire).contains("approval-refused"))
  }

  @Test func `tools lists widget-only tools apart, in text and JSON`() async throws {
    let json = try await CallCLI.run { _ in ["tools", "--json"] + (try Self.server()) }
    #expect(json.exitStatus == 0, "stderr: \(json.stderr)")
    let document = try json.document()
    #expect(document["tools"]?.arrayValue?.count == 7, "tools stay exactly as sent, all of them")
    #expect(
      document["widgetOnly"]
        == [
          ["name": "widget_refresh", "hiddenBy": "ui.visibility"],
          ["name": "legacy_private", "hiddenBy": "openai/visibility"],
        ])
    let notes = try #require(document["hintFindings"]?.arrayValue)
    #expect(notes.map { $0["tool"] } == ["delete_cache"])
    #expect(notes.first?["rule"] == "read-only-mutating-name")

    let text = try await CallCLI.run { _ in ["tools"] + (try Self.server()) }
    #expect(text.exitStatus == 0, "stderr: \(text.stderr)")
    let parts = text.stdout.components(separatedBy: "Widget only")
    try #require(parts.count == 2, "\(text.stdout)")
    #expect(!parts[0].contains("widget_refresh") && !parts[0].contains("legacy_private"))
    #expect(parts[1].contains("widget_refresh") && parts[1].contains("legacy_private"))
    #expect(parts[1].contains("delete_cache"), "the name note follows")
  }

  // MARK: - Hint honesty (§3)

  @Test func `a read-only tool that mutates is flagged with the records that show it`()
    async throws
  {
    let run = try await Self.scenario(
      #"[{"name": "peek_counter"}, {"name": "get_counter"}, {"name": "bump_counter"}]"#,
      ["--decide", "approve"])
    #expect(run.exitStatus == 0, "stderr: \(run.stderr)")
    let document = try run.document()
    let findings = try #require(document["hintFindings"]?.arrayValue)
    try #require(findings.count == 1, "\(findings)")
    let finding = findings[0]
    #expect(finding["tool"] == "get_counter")
    #expect(finding["rule"] == "read-only-mutates")
    #expect(finding["severity"] == "warning")

    let wire = try run.wireLog()
    let bySeq = Dictionary(uniqueKeysWithValues: wire.compactMap { l in l.seq.map { ($0, l) } })
    let evidenceValues = try #require(finding["evidence"]?.arrayValue)
    let evidence = evidenceValues.compactMap { $0.intValue }
    #expect(
      evidence.map { bySeq[$0]?.method } == [
        "notifications/resources/updated", "notifications/tools/list_changed",
      ])
    #expect(evidence.allSatisfy { bySeq[$0]?.direction == "in" })
    let frames = try #require(finding["frames"]?.arrayValue)
    #expect(frames.map { $0["time"] } == evidence.map { bySeq[$0]?.record["time"] })
    let callSeq = try #require(finding["calls"]?[0]?.intValue)
    #expect(bySeq[callSeq]?.message?["params"]?["name"] == "get_counter")
    // bump_counter's own notification is not blamed on get_counter.
    #expect(evidence.allSatisfy { $0 < (CallCLI.toolCalls(in: wire).last?.seq ?? 0) })
  }

  @Test(PythonServers.gate)
  func `a Python SDK server whose read-only tool notifies is flagged too`() async throws {
    let run = try await CallCLI.run { directory in
      let path = directory + "/calls.json"
      try Data(#"[{"name": "peek_counter"}, {"name": "get_counter"}]"#.utf8)
        .write(to: URL(fileURLWithPath: path))
      return ["scenario", "--json", "--connect-timeout", "60", path, "--"]
        + (try PythonServers.fixture("sdk2_mutating_read.py"))
    }
    #expect(run.exitStatus == 0, "stderr: \(run.stderr)")
    let findings = try #require(try run.document()["hintFindings"]?.arrayValue)
    #expect(findings.map { $0["tool"] } == ["get_counter"], "peek_counter is honest")
    let wire = try run.wireLog()
    let methods = Dictionary(
      uniqueKeysWithValues: wire.compactMap { l in l.seq.map { ($0, l.method) } })
    let evidence = findings.first?["evidence"]?.arrayValue?.compactMap { $0.intValue } ?? []
    #expect(
      evidence.map { methods[$0] ?? nil } == [
        "notifications/resources/updated", "notifications/tools/list_changed",
      ])
  }

  @Test func `the human scenario output names the flagged tool and its records`() async throws {
    let run = try await CallCLI.run { directory in
      let path = directory + "/calls.json"
      try Data(#"[{"name": "get_counter"}]"#.utf8).write(to: URL(fileURLWithPath: path))
      return ["scenario", path] + (try Self.server())
    }
    #expect(run.exitStatus == 0, "stderr: \(run.stderr)")
    #expect(run.stdout.contains("Read-only hints that look untrue"))
    #expect(run.stdout.contains("get_counter"))
    #expect(run.stdout.contains("notifications/tools/list_changed"))
    #expect(run.stdout.contains("record "))
  }

  @Test func `an honest scenario has no hintFindings member`() async throws {
    let run = try await Self.scenario(#"[{"name": "peek_counter"}, {"name": "delete_cache"}]"#)
    #expect(run.exitStatus == 0, "stderr: \(run.stderr)")
    #expect(try run.document().objectValue?.keys == ["calls"])
  }

  // MARK: - Request _meta (§1)

  /// The `_meta` whoami saw, per call, in one scenario run.
  static func seenMeta(_ options: [String] = [], calls: Int = 1) async throws -> [JSONValue] {
    let entries = Array(repeating: #"{"name": "whoami"}"#, count: calls).joined(separator: ",")
    let run = try await scenario("[\(entries)]", options)
    #expect(run.exitStatus == 0, "stderr: \(run.stderr)")
    return try #require(run.document()["calls"]?.arrayValue).compactMap {
      $0["result"]?["structuredContent"]?["meta"]
    }
  }

  @Test func `subject is stable across runs, session is one per conversation`() async throws {
    let first = try await Self.seenMeta(calls: 2)
    let second = try await Self.seenMeta()
    try #require(first.count == 2 && second.count == 1)
    let subject = try #require(first[0]["openai/subject"]?.stringValue)
    #expect(subject.hasPrefix("v1/") && subject.count == 35 && subject != "v1/preflight-subject")
    #expect(second[0]["openai/subject"]?.stringValue == subject)
    #expect(first[0]["openai/session"] == first[1]["openai/session"], "one run, one conversation")
    #expect(first[0]["openai/session"] != second[0]["openai/session"], "a new run, a new one")
    #expect(first[0]["openai/locale"] == "en-US")
    #expect(first[0]["openai/organization"]?.stringValue?.hasPrefix("org-") == true)
  }

  @Test
  func `request-meta inline, as the TUI's share line writes it, with null to leave a key out`()
    async throws
  {
    let seen = try await Self.seenMeta([
      "--request-meta", #"{"openai/locale":"fr-FR","openai/userAgent":null}"#,
    ])
    let meta = try #require(seen.first?.objectValue)
    #expect(meta["openai/locale"] == "fr-FR")
    #expect(meta["openai/userAgent"] == nil, "null: not sent")
    #expect(meta["openai/userLocation"] != nil && meta["openai/subject"] != nil)
  }

  @Test func `request-meta overrides the profile key by key`() async throws {
    try await withTemporaryDirectory { directory in
      let path = directory + "/meta.json"
      try Data(#"{"openai/locale": "de-DE", "openai/subject": "v1/me"}"#.utf8)
        .write(to: URL(fileURLWithPath: path))
      let seen = try await Self.seenMeta(["--request-meta", path])
      let meta = try #require(seen.first)
      #expect(meta["openai/locale"] == "de-DE")
      #expect(meta["openai/subject"] == "v1/me")
      #expect(meta["openai/userLocation"]?["timezone"] == "America/Los_Angeles")
      #expect(meta["openai/session"]?.stringValue?.hasPrefix("v1/") == true)
    }
  }

  @Test func `profiles shows the subject this user sends`() async throws {
    let sent = try #require(try await Self.seenMeta().first?["openai/subject"]?.stringValue)
    let profiles = try await preflight(["profiles"])
    #expect(profiles.exitStatus == 0)
    let lines = profiles.stdoutText.split(separator: "\n").filter {
      $0.trimmingCharacters(in: .whitespaces).hasPrefix("subject")
    }
    #expect(lines.count == 2, "chatgpt and chatgpt-2025 send a subject: \(lines)")
    #expect(lines.allSatisfy { $0.contains(sent) }, "\(lines) vs \(sent)")
  }
}
