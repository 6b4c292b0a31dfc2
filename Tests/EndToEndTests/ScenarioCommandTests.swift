import Foundation
import PreflightJSON
import PreflightTestSupport
import Testing

/// `preflight scenario` against the built-in demo server: `--decide`, remembered choices within
/// the run, the `{"calls": [...]}` document and the exit code that wins.
@Suite(.timeLimit(.minutes(5)))
struct ScenarioCommandTests {
  /// The README's example: a read-only call, then two calls of the same write tool.
  static let readmeExample = """
    [{"name": "list_tasks"},
     {"name": "create_task", "arguments": {"title": "a"}},
     {"name": "create_task", "arguments": {"title": "b"}}]
    """

  /// Runs `scenario` on `contents` (written to a file) with `options`, `--json` and a wire log.
  static func scenario(
    _ contents: String, _ options: [String] = [], json: Bool = true
  ) async throws -> CallCLI.Run {
    try await CallCLI.run { directory in
      let path = directory + "/calls.json"
      try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
      return ["scenario"] + options + (json ? ["--json"] : []) + [path]
    }
  }

  /// The `calls` of a scenario document, each checked against cli.md's call shape.
  static func calls(
    _ run: CallCLI.Run, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> [JSONValue] {
    let document = try run.document(sourceLocation: sourceLocation)
    #expect(
      document.objectValue?.keys == ["calls"], "the document is {\"calls\": [...]}",
      sourceLocation: sourceLocation)
    let calls = try #require(document["calls"]?.arrayValue, sourceLocation: sourceLocation)
    for call in calls { CallCLI.expectCallShape(call, sourceLocation: sourceLocation) }
    return calls
  }

  static func decisions(_ calls: [JSONValue]) -> [String] {
    calls.map { $0["approval"]?["decision"]?.stringValue ?? "?" }
  }

  // MARK: - Decisions

  @Test func `the README example approves once, remembers it, and exits 0`() async throws {
    let run = try await Self.scenario(Self.readmeExample, ["--decide", "approve-remember"])
    #expect(run.exitStatus == 0, "stderr: \(run.stderr)")
    let calls = try Self.calls(run)
    try #require(calls.count == 3)
    #expect(Self.decisions(calls) == ["not-required", "approved", "remembered-approve"])
    #expect(calls.map { $0["approval"]?["required"] } == [false, true, true])
    #expect(calls.map { $0["sent"] } == [true, true, true])
    #expect(calls.map { $0["name"] } == ["list_tasks", "create_task", "create_task"])
    #expect(calls[2]["arguments"] == ["title": "b"])
    #expect(calls[2]["result"]?["structuredContent"]?["task"]?["title"] == "b")
    let reason = calls[2]["approval"]?["reason"]?.stringValue ?? ""
    #expect(reason.contains("remembered"), "\(reason)")

    let wire = try run.wireLog()
    let frames = CallCLI.toolCalls(in: wire)
    #expect(
      frames.map { $0.message?["params"]?["name"] } == ["list_tasks", "create_task", "create_task"])
    let approvals = CallCLI.localKinds(in: wire).filter {
      $0.hasPrefix("approval-") || $0.hasPrefix("remembered-")
    }
    #expect(approvals == ["approval-asked", "approval-approved", "remembered-approve"])
  }

  @Test func `deny-remember denies the call and the later call of the same tool, exit 4`()
    async throws
  {
    let run = try await Self.scenario(Self.readmeExample, ["--decide", "deny-remember"])
    #expect(run.exitStatus == 4, "stderr: \(run.stderr)")
    let calls = try Self.calls(run)
    try #require(calls.count == 3)
    #expect(Self.decisions(calls) == ["not-required", "denied", "remembered-deny"])
    #expect(calls.map { $0["sent"] } == [true, false, false])
    #expect(calls[1]["result"] == .null)
    #expect(calls[2]["result"] == .null)

    let wire = try run.wireLog()
    let frames = CallCLI.toolCalls(in: wire)
    #expect(
      frames.map { $0.message?["params"]?["name"] } == ["list_tasks"], "only list_tasks went out")
    let approvals = CallCLI.localKinds(in: wire).filter {
      $0.hasPrefix("approval-") || $0.hasPrefix("remembered-")
    }
    #expect(approvals == ["approval-asked", "approval-denied", "remembered-deny"])
  }

  @Test func `calls left without a --decide answer are denied, exit 4`() async throws {
    let run = try await Self.scenario(Self.readmeExample, ["--decide", "approve"])
    #expect(run.exitStatus == 4, "stderr: \(run.stderr)")
    let calls = try Self.calls(run)
    #expect(Self.decisions(calls) == ["not-required", "approved", "denied"])
    #expect(calls.map { $0["sent"] } == [true, true, false])
    #expect(CallCLI.toolCalls(in: try run.wireLog()).count == 2)

    let none = try await Self.scenario(Self.readmeExample)
    #expect(none.exitStatus == 4)
    #expect(Self.decisions(try Self.calls(none)) == ["not-required", "denied", "denied"])
    #expect(CallCLI.toolCalls(in: try none.wireLog()).count == 1)
  }

  @Test func `--decide answers only the calls that ask, in order`() async throws {
    let contents = """
      [{"name": "create_task", "arguments": {"title": "a"}},
       {"name": "list_tasks"},
       {"name": "delete_task", "arguments": {"id": "t2"}},
       {"name": "get_task", "arguments": {"id": "t1"}},
       {"name": "complete_task", "arguments": {"id": "t1"}}]
      """
    let run = try await Self.scenario(
      contents, ["--decide", "deny", "--decide", "approve", "--decide", "deny"])
    #expect(run.exitStatus == 4, "stderr: \(run.stderr)")
    let calls = try Self.calls(run)
    #expect(
      Self.decisions(calls) == ["denied", "not-required", "approved", "not-required", "denied"])
    let frames = CallCLI.toolCalls(in: try run.wireLog())
    #expect(
      frames.map { $0.message?["params"]?["name"] } == ["list_tasks", "delete_task", "get_task"])
  }

  @Test func `a -remember answer the policy cannot remember counts once, and the reason says so`()
    async throws
  {
    let run = try await Self.scenario(
      Self.readmeExample, ["--policy", "always-ask", "--decide", "approve-remember"])
    #expect(run.exitStatus == 4, "stderr: \(run.stderr)")
    let calls = try Self.calls(run)
    #expect(Self.decisions(calls) == ["approved", "denied", "denied"])
    let reason = calls[0]["approval"]?["reason"]?.stringValue ?? ""
    #expect(reason.contains("once"), "\(reason)")
  }

  @Test func `an isError call among denied ones exits 1, not 4`() async throws {
    let contents = """
      [{"name": "create_task", "arguments": {"title": "a"}},
       {"name": "get_task", "arguments": {"id": "t999"}},
       {"name": "list_tasks"}]
      """
    let run = try await Self.scenario(contents)
    #expect(run.exitStatus == 1, "stderr: \(run.stderr)")
    let calls = try Self.calls(run)
    #expect(Self.decisions(calls) == ["denied", "not-required", "not-required"])
    #expect(calls[1]["result"]?["isError"] == true)
    #expect(calls[1]["sent"] == true)
    #expect(calls[2]["sent"] == true, "the calls after a tool error still run")
  }

  @Test func `a JSON-RPC error among denied calls exits 1`() async throws {
    let run = try await CallCLI.run { directory in
      let path = directory + "/calls.json"
      try Data(#"[{"name": "noop"}, {"name": "noop"}]"#.utf8).write(to: URL(fileURLWithPath: path))
      return [
        "scenario", "--policy", "always-ask", "--decide", "deny", "--decide", "approve", "--json",
        path, "--", "python3", try fixture("stub_server.py"),
      ]
    }
    #expect(run.exitStatus == 1, "stderr: \(run.stderr)")
    let calls = try Self.calls(run)
    #expect(Self.decisions(calls) == ["denied", "approved"])
    #expect(calls.last?["error"]?["code"] == -32601)
    #expect(calls.last?["result"] == .null)
    #expect(CallCLI.toolCalls(in: try run.wireLog()).count == 1)
  }

  @Test func `a connection failure wins over errors and denials: exit 3, later calls not run`()
    async throws
  {
    let contents = """
      [{"name": "create_task", "arguments": {"title": "a"}},
       {"name": "get_task", "arguments": {"id": "t999"}},
       {"name": "sync_tasks", "arguments": {"steps": 10, "delayMs": 2000}},
       {"name": "list_tasks"}]
      """
    let run = try await Self.scenario(
      contents, ["--timeout", "5", "--decide", "deny", "--decide", "approve"])
    #expect(run.exitStatus == 3, "stderr: \(run.stderr)")
    let calls = try Self.calls(run)
    #expect(Self.decisions(calls) == ["denied", "not-required", "approved"])
    #expect(calls.last?["failure"]?.stringValue?.isEmpty == false)
    #expect(calls.last?["result"] == .null)
    #expect(calls.last?["error"] == .null)
    let frames = CallCLI.toolCalls(in: try run.wireLog())
    #expect(frames.map { $0.message?["params"]?["name"] } == ["get_task", "sync_tasks"])
  }

  @Test func `a scenario where every call runs cleanly exits 0, one where one is refused exits 4`()
    async throws
  {
    let reads = #"[{"name": "list_tasks"}, {"name": "get_task", "arguments": {"id": "t1"}}]"#
    let clean = try await Self.scenario(reads)
    #expect(clean.exitStatus == 0, "stderr: \(clean.stderr)")
    #expect(Self.decisions(try Self.calls(clean)) == ["not-required", "not-required"])

    let refused = try await Self.scenario(Self.readmeExample, ["--policy", "read-only"])
    #expect(refused.exitStatus == 4, "stderr: \(refused.stderr)")
    #expect(Self.decisions(try Self.calls(refused)) == ["not-required", "refused", "refused"])
    #expect(CallCLI.toolCalls(in: try refused.wireLog()).count == 1)
  }

  @Test func `an empty scenario prints no calls and exits 0`() async throws {
    let run = try await Self.scenario("[]")
    #expect(run.exitStatus == 0, "stderr: \(run.stderr)")
    #expect(try Self.calls(run).isEmpty)
  }

  @Test func `without --json each call is reported for people, in order`() async throws {
    let run = try await Self.scenario(
      Self.readmeExample, ["--decide", "approve-remember"], json: false)
    #expect(run.exitStatus == 0, "stderr: \(run.stderr)")
    let text = run.stdout
    let order = ["list_tasks", "not-required", "approved", "remembered-approve"].map {
      text.range(of: $0)?.lowerBound
    }
    #expect(order.allSatisfy { $0 != nil }, "\(text)")
    let found = order.compactMap { $0 }
    #expect(found == found.sorted(), "in order: \(text)")
  }

  // MARK: - What is refused before anything is sent

  @Test(arguments: [
    #"{"name": "list_tasks"}"#, "not json", #"[{"arguments": {}}]"#, #"["list_tasks"]"#,
    #"[{"name": "create_task", "arguments": ["a"]}]"#,
  ])
  func `a scenario file that is not an array of calls exits 2`(contents: String) async throws {
    let run = try await Self.scenario(contents, ["--decide", "approve"])
    #expect(run.exitStatus == 2, "stderr: \(run.stderr)")
    let document = try run.document()
    CallCLI.expectFailureShape(document)
    #expect(document["error"]?["kind"] == "usage")
    #expect(CallCLI.toolCalls(in: try run.wireLogIfWritten()).isEmpty)
  }

  @Test func `a missing scenario file exits 2`() async throws {
    let run = try await CallCLI.run { directory in
      ["scenario", "--json", directory + "/missing.json"]
    }
    #expect(run.exitStatus == 2, "stderr: \(run.stderr)")
    #expect(try run.document()["error"]?["kind"] == "usage")
  }

  @Test func `an unknown tool anywhere in the scenario exits 2 and sends nothing`() async throws {
    let contents = """
      [{"name": "list_tasks"},
       {"name": "create_task", "arguments": {"title": "a"}},
       {"name": "creat_task", "arguments": {"title": "b"}}]
      """
    let run = try await Self.scenario(contents, ["--decide", "approve"])
    #expect(run.exitStatus == 2, "stderr: \(run.stderr)")
    let document = try run.document()
    CallCLI.expectFailureShape(document)
    let message = document["error"]?["message"]?.stringValue ?? ""
    #expect(message.contains("creat_task"), "\(message)")
    let wire = try run.wireLog()
    #expect(CallCLI.toolCalls(in: wire).isEmpty, "not even the calls before it")
    #expect(CallCLI.localKinds(in: wire).filter { $0.hasPrefix("approval-") } == [])
  }

  @Test func `arguments that fail the schema anywhere in the scenario exit 2 and send nothing`()
    async throws
  {
    let contents = """
      [{"name": "list_tasks"},
       {"name": "create_task", "arguments": {"title": 5, "priority": "urgent"}}]
      """
    let run = try await Self.scenario(contents, ["--decide", "approve"])
    #expect(run.exitStatus == 2, "stderr: \(run.stderr)")
    let document = try run.document()
    CallCLI.expectFailureShape(document)
    #expect(document["error"]?["kind"] == "validation")
    let paths = document["error"]?["validation"]?.arrayValue?.map { $0["path"] }
    #expect(paths == ["/title", "/priority"])
    #expect(CallCLI.toolCalls(in: try run.wireLog()).isEmpty)
  }

  @Test func `scenario --no-validate sends an unknown tool anyway`() async throws {
    let contents = #"[{"name": "list_tasks"}, {"name": "no_such_tool"}]"#
    let run = try await Self.scenario(contents, ["--no-validate", "--decide", "approve"])
    try #require(run.exitStatus == 1, "stderr: \(run.stderr)")
    let calls = try Self.calls(run)
    #expect(calls.map { $0["sent"] } == [true, true])
    #expect(calls.last?["error"]?["code"] == -32602)
    #expect(CallCLI.toolCalls(in: try run.wireLog()).count == 2)
  }

  @Test func `scenario --no-validate sends arguments that fail the schema`() async throws {
    let contents = #"[{"name": "create_task", "arguments": {"title": 5}}]"#
    let run = try await Self.scenario(contents, ["--no-validate", "--decide", "approve"])
    #expect(run.exitStatus == 1, "stderr: \(run.stderr)")
    let calls = try Self.calls(run)
    #expect(calls.first?["sent"] == true)
    #expect(calls.first?["result"]?["isError"] == true)
  }

  @Test(arguments: ["maybe", "yes", "approve-once", ""])
  func `a --decide value that is not an answer is a usage error`(value: String) async throws {
    let run = try await Self.scenario(Self.readmeExample, ["--decide", value])
    #expect(run.exitStatus == 2, "stderr: \(run.stderr)")
    let document = try run.document()
    CallCLI.expectFailureShape(document)
    #expect(document["error"]?["kind"] == "usage")
    #expect(CallCLI.toolCalls(in: try run.wireLogIfWritten()).isEmpty)
  }
}
