import Foundation
import PreflightJSON
import PreflightTestSupport
import Testing

/// `preflight call` against the built-in demo server: the JSON shape and exit codes of cli.md,
/// the approval flow checked on the wire log, and argument validation.
@Suite(.timeLimit(.minutes(5)))
struct CallCommandTests {
  // MARK: - The JSON shape

  @Test func `call --json prints one call object in exactly cli.md's shape`() async throws {
    let run = try await CallCLI.run { _ in
      ["call", "create_task", "--args", #"{"title":"x"}"#, "--approve", "--json"]
    }
    #expect(run.exitStatus == 0, "stderr: \(run.stderr)")
    let call = try run.document()
    CallCLI.expectCallShape(call)
    #expect(call["name"] == "create_task")
    #expect(call["arguments"] == ["title": "x"])
    #expect(call["approval"]?["required"] == true)
    #expect(call["approval"]?["decision"] == "approved")
    let reason = call["approval"]?["reason"]?.stringValue ?? ""
    #expect(reason.contains("readOnlyHint"), "the reason names the deciding hint: \(reason)")
    #expect(reason.contains("create_task"), "\(reason)")
    #expect(call["sent"] == true)
    #expect(call["result"]?["structuredContent"]?["task"]?["title"] == "x")
    #expect(call["error"] == .null)
    #expect(call["modelSees"] == nil, "modelSees is only for calls that were not sent")
    #expect(call["elapsedMs"]?.doubleValue.map { $0 >= 0 } == true, "elapsedMs: a number")
  }

  @Test func `a call without --args prints an empty arguments object`() async throws {
    let run = try await CallCLI.run { _ in ["call", "list_tasks", "--json"] }
    #expect(run.exitStatus == 0, "stderr: \(run.stderr)")
    let call = try run.document()
    CallCLI.expectCallShape(call)
    #expect(call["arguments"] == .object(JSONObject()))
  }

  // MARK: - Approval

  @Test func `a read-only call runs without asking, is sent, and exits 0`() async throws {
    let run = try await CallCLI.run { _ in
      ["call", "get_task", "--args", #"{"id":"t1"}"#, "--json"]
    }
    #expect(run.exitStatus == 0, "stderr: \(run.stderr)")
    let call = try run.document()
    CallCLI.expectCallShape(call)
    #expect(call["approval"]?["required"] == false)
    #expect(call["approval"]?["decision"] == "not-required")
    #expect(call["approval"]?["reason"]?.stringValue?.contains("readOnlyHint") == true)
    #expect(call["sent"] == true)
    #expect(call["result"]?["structuredContent"]?["task"]?["id"] == "t1")
    #expect(call["result"]?["isError"] != true)
    #expect(call["error"] == .null)

    let wire = try run.wireLog()
    #expect(CallCLI.toolCalls(in: wire).count == 1)
    #expect(CallCLI.localKinds(in: wire).filter { $0.hasPrefix("approval-") } == [])
  }

  @Test func `a write call without --approve is denied, sends nothing and exits 4`() async throws {
    let run = try await CallCLI.run { _ in
      ["call", "create_task", "--args", #"{"title":"x"}"#, "--json"]
    }
    #expect(run.exitStatus == 4, "stderr: \(run.stderr)")
    let call = try run.document()
    CallCLI.expectCallShape(call)
    #expect(call["approval"]?["required"] == true)
    #expect(call["approval"]?["decision"] == "denied")
    #expect(call["sent"] == false)
    #expect(call["result"] == .null)
    #expect(call["error"] == .null)
    #expect(call["modelSees"]?["isError"] == true, "what the model is told instead")

    let wire = try run.wireLog()
    #expect(CallCLI.toolCalls(in: wire).isEmpty, "no tools/call frame went out")
    let approvals = CallCLI.localKinds(in: wire).filter { $0.hasPrefix("approval-") }
    #expect(approvals == ["approval-asked", "approval-denied"])
    let denied = wire.first { $0.record["local"]?["kind"] == "approval-denied" }
    #expect(denied?.record["local"]?["tool"] == "create_task")
    #expect(denied?.record["local"]?["text"]?.stringValue?.isEmpty == false)
    // The tools/list frame did go out: the log is complete, only the call is missing.
    #expect(wire.contains { $0.direction == "out" && $0.method == "tools/list" })
  }

  @Test func `--approve sends the write call once and exits 0`() async throws {
    let run = try await CallCLI.run { _ in
      ["call", "create_task", "--args", #"{"title":"approved"}"#, "--approve", "--json"]
    }
    #expect(run.exitStatus == 0, "stderr: \(run.stderr)")
    let call = try run.document()
    #expect(call["approval"]?["required"] == true)
    #expect(call["approval"]?["decision"] == "approved")
    #expect(call["sent"] == true)
    #expect(call["result"]?["isError"] != true)

    let wire = try run.wireLog()
    let frames = CallCLI.toolCalls(in: wire)
    try #require(frames.count == 1, "exactly one tools/call frame")
    #expect(frames[0].message?["params"]?["name"] == "create_task")
    #expect(frames[0].message?["params"]?["arguments"] == ["title": "approved"])
    let approvals = CallCLI.localKinds(in: wire).filter { $0.hasPrefix("approval-") }
    #expect(approvals == ["approval-asked", "approval-approved"])
    let approved = wire.first { $0.record["local"]?["kind"] == "approval-approved" }
    #expect(
      (approved?.seq ?? .max) < (frames[0].seq ?? .min), "the approval comes before the call")
    let answer = wire.first {
      $0.direction == "in" && $0.message?["id"] == frames[0].message?["id"]
        && $0.message?["result"] != nil
    }
    #expect(answer != nil, "the server's answer to the call is in the log")
  }

  @Test func `--deny denies the write call and exits 4 with nothing sent`() async throws {
    let run = try await CallCLI.run { _ in
      ["call", "delete_task", "--args", #"{"id":"t1"}"#, "--deny", "--json"]
    }
    #expect(run.exitStatus == 4, "stderr: \(run.stderr)")
    let call = try run.document()
    CallCLI.expectCallShape(call)
    #expect(call["approval"]?["required"] == true)
    #expect(call["approval"]?["decision"] == "denied")
    #expect(call["sent"] == false)
    #expect(call["result"] == .null)
    let wire = try run.wireLog()
    #expect(CallCLI.toolCalls(in: wire).isEmpty)
    #expect(CallCLI.localKinds(in: wire).contains("approval-denied"))
  }

  @Test func `--approve and --deny together are a usage error`() async throws {
    let run = try await CallCLI.run { _ in
      ["call", "create_task", "--args", #"{"title":"x"}"#, "--approve", "--deny", "--json"]
    }
    #expect(run.exitStatus == 2, "stderr: \(run.stderr)")
    let document = try run.document()
    #expect(document["error"]?["kind"] == "usage")
    let message = document["error"]?["message"]?.stringValue ?? ""
    #expect(message.contains("--approve") && message.contains("--deny"), "\(message)")
    #expect(try CallCLI.toolCalls(in: run.wireLogIfWritten()).isEmpty)

    let plain = try await CallCLI.run { _ in
      ["call", "create_task", "--args", #"{"title":"x"}"#, "--approve", "--deny"]
    }
    #expect(plain.exitStatus == 2)
    #expect(plain.stdout.isEmpty, "a usage error prints nothing on standard output")
    #expect(plain.stderr.contains("--approve"), "stderr: \(plain.stderr)")
  }

  @Test(arguments: ["--approve", "--deny"])
  func `--approve or --deny on a read-only tool is ignored and the reason says so`(
    flag: String
  ) async throws {
    let run = try await CallCLI.run { _ in ["call", "list_tasks", flag, "--json"] }
    #expect(run.exitStatus == 0, "stderr: \(run.stderr)")
    let call = try run.document()
    #expect(call["approval"]?["required"] == false)
    #expect(call["approval"]?["decision"] == "not-required")
    #expect(call["sent"] == true)
    let reason = call["approval"]?["reason"]?.stringValue ?? ""
    #expect(reason.contains("ignored"), "the reason says the answer was ignored: \(reason)")
    #expect(try CallCLI.toolCalls(in: run.wireLog()).count == 1)
  }

  @Test func `--policy read-only refuses a write call, sends nothing and exits 4`() async throws {
    let run = try await CallCLI.run { _ in
      [
        "call", "create_task", "--args", #"{"title":"x"}"#, "--policy", "read-only", "--approve",
        "--json",
      ]
    }
    #expect(run.exitStatus == 4, "stderr: \(run.stderr)")
    let call = try run.document()
    CallCLI.expectCallShape(call)
    #expect(call["approval"]?["decision"] == "refused")
    #expect(call["sent"] == false)
    #expect(call["result"] == .null)
    let reason = call["approval"]?["reason"]?.stringValue ?? ""
    #expect(reason.contains("read-only"), "\(reason)")
    let wire = try run.wireLog()
    #expect(CallCLI.toolCalls(in: wire).isEmpty)
    #expect(CallCLI.localKinds(in: wire).contains("approval-refused"))
  }

  @Test func `--policy never-ask sends a write call without asking`() async throws {
    let run = try await CallCLI.run { _ in
      ["call", "create_task", "--args", #"{"title":"x"}"#, "--policy", "never-ask", "--json"]
    }
    #expect(run.exitStatus == 0, "stderr: \(run.stderr)")
    let call = try run.document()
    #expect(call["approval"]?["required"] == false)
    #expect(call["approval"]?["decision"] == "not-required")
    #expect(call["sent"] == true)
    #expect(call["approval"]?["reason"]?.stringValue?.contains("never-ask") == true)
    let wire = try run.wireLog()
    #expect(CallCLI.toolCalls(in: wire).count == 1)
    #expect(!CallCLI.localKinds(in: wire).contains("approval-asked"))
  }

  @Test
  func `--policy codex-auto runs complete_task, whose destructive and open-world hints are false`()
    async throws
  {
    let run = try await CallCLI.run { _ in
      ["call", "complete_task", "--args", #"{"id":"t1"}"#, "--policy", "codex-auto", "--json"]
    }
    #expect(run.exitStatus == 0, "stderr: \(run.stderr)")
    let call = try run.document()
    #expect(call["approval"]?["required"] == false)
    #expect(call["approval"]?["decision"] == "not-required")
    #expect(call["sent"] == true)
    let reason = call["approval"]?["reason"]?.stringValue ?? ""
    #expect(reason.contains("destructiveHint") && reason.contains("openWorldHint"), "\(reason)")
    #expect(call["result"]?["structuredContent"]?["task"]?["status"] == "done")
    #expect(try CallCLI.toolCalls(in: run.wireLog()).count == 1)
  }

  @Test func `--policy codex-auto asks before delete_task, which is destructive`() async throws {
    let run = try await CallCLI.run { _ in
      ["call", "delete_task", "--args", #"{"id":"t1"}"#, "--policy", "codex-auto", "--json"]
    }
    #expect(run.exitStatus == 4, "stderr: \(run.stderr)")
    let call = try run.document()
    #expect(call["approval"]?["required"] == true)
    #expect(call["approval"]?["decision"] == "denied")
    #expect(call["approval"]?["reason"]?.stringValue?.contains("destructiveHint") == true)
    #expect(call["sent"] == false)
    #expect(try CallCLI.toolCalls(in: run.wireLog()).isEmpty)
  }

  // MARK: - Answers

  @Test func `an isError result exits 1 and is printed as sent`() async throws {
    let run = try await CallCLI.run { _ in
      ["call", "get_task", "--args", #"{"id":"t999"}"#, "--json"]
    }
    #expect(run.exitStatus == 1, "stderr: \(run.stderr)")
    let call = try run.document()
    CallCLI.expectCallShape(call)
    #expect(call["sent"] == true)
    #expect(call["result"]?["isError"] == true)
    #expect(call["error"] == .null)
    let text = call["result"]?["content"]?[0]?["text"]?.stringValue ?? ""
    #expect(text.contains("t999"), "\(text)")
  }

  @Test
  func `get_task with id "nope" fails the schema's pattern; --no-validate gets the tool error`()
    async throws
  {
    let checked = try await CallCLI.run { _ in
      ["call", "get_task", "--args", #"{"id":"nope"}"#, "--json"]
    }
    #expect(checked.exitStatus == 2, "stderr: \(checked.stderr)")
    let failure = try checked.document()
    #expect(failure["error"]?["kind"] == "validation")
    #expect(failure["error"]?["validation"]?[0]?["path"] == "/id")
    #expect(try CallCLI.toolCalls(in: checked.wireLog()).isEmpty)

    let sent = try await CallCLI.run { _ in
      ["call", "get_task", "--args", #"{"id":"nope"}"#, "--no-validate", "--json"]
    }
    #expect(sent.exitStatus == 1, "stderr: \(sent.stderr)")
    let call = try sent.document()
    #expect(call["sent"] == true)
    #expect(call["result"]?["isError"] == true)
  }

  @Test func `a JSON-RPC error answer exits 1 and carries the raw error object`() async throws {
    // The stub server answers every method but initialize, tools/list and ping with -32601.
    let stub = try fixture("stub_server.py")
    let run = try await CallCLI.run { _ in ["call", "noop", "--json", "--", "python3", stub] }
    #expect(run.exitStatus == 1, "stderr: \(run.stderr)")
    let call = try run.document()
    CallCLI.expectCallShape(call)
    #expect(call["sent"] == true)
    #expect(call["result"] == .null)
    #expect(call["error"]?["code"] == -32601)
    #expect(call["error"]?["message"]?.stringValue?.isEmpty == false)
    #expect(CallCLI.toolCalls(in: try run.wireLog()).count == 1)
  }

  @Test func `a call that gets no answer in time exits 3 with a failure sentence`() async throws {
    let run = try await CallCLI.run { _ in
      [
        "call", "sync_tasks", "--args", #"{"steps":10,"delayMs":2000}"#, "--approve",
        "--timeout", "5", "--json",
      ]
    }
    #expect(run.exitStatus == 3, "stderr: \(run.stderr)")
    let call = try run.document()
    CallCLI.expectCallShape(call)
    #expect(call["sent"] == true)
    #expect(call["result"] == .null)
    #expect(call["error"] == .null)
    #expect(call["failure"]?.stringValue?.isEmpty == false, "\(call)")
    #expect(!run.stderr.isEmpty, "the failure is explained on standard error")
  }

  @Test func `the human-readable report of a denied call says nothing was sent`() async throws {
    let run = try await CallCLI.run { _ in ["call", "create_task", "--args", #"{"title":"x"}"#] }
    #expect(run.exitStatus == 4, "stderr: \(run.stderr)")
    #expect(run.stdout.contains("denied"), "\(run.stdout)")
    #expect(run.stdout.contains("not sent"), "\(run.stdout)")
    #expect(try CallCLI.toolCalls(in: run.wireLog()).isEmpty)
  }

  // MARK: - Unknown tools and validation

  @Test func `an unknown tool exits 2, names the nearest tool, and sends nothing`() async throws {
    let run = try await CallCLI.run { _ in ["call", "creat_task", "--approve"] }
    #expect(run.exitStatus == 2, "stderr: \(run.stderr)")
    #expect(run.stderr.contains("did you mean 'create_task'"), "stderr: \(run.stderr)")
    #expect(try CallCLI.toolCalls(in: run.wireLog()).isEmpty)

    let json = try await CallCLI.run { _ in ["call", "creat_task", "--approve", "--json"] }
    #expect(json.exitStatus == 2)
    let document = try json.document()
    CallCLI.expectFailureShape(document)
    let kind = document["error"]?["kind"]?.stringValue ?? ""
    #expect(["usage", "validation"].contains(kind), "kind: \(kind)")
    let message = document["error"]?["message"]?.stringValue ?? ""
    #expect(message.contains("did you mean 'create_task'"), "\(message)")
    #expect(try CallCLI.toolCalls(in: json.wireLog()).isEmpty)
  }

  /// cli.md: "Arguments that fail the tool's input schema, or an unknown tool, send nothing and
  /// exit 2 (`--no-validate` sends them anyway)." An unknown tool has no annotations, so the
  /// chatgpt policy asks; approved, the call goes out and the demo answers -32602.
  @Test func `--no-validate sends an unknown tool anyway, and the server's error exits 1`()
    async throws
  {
    let run = try await CallCLI.run { _ in
      ["call", "no_such_tool", "--no-validate", "--approve", "--json"]
    }
    try #require(run.exitStatus == 1, "stderr: \(run.stderr)")
    let call = try run.document()
    CallCLI.expectCallShape(call)
    #expect(call["sent"] == true)
    #expect(call["error"]?["code"] == -32602)
    #expect(CallCLI.toolCalls(in: try run.wireLog()).count == 1)
  }

  @Test func `arguments that fail the input schema exit 2 with one error per field, nothing sent`()
    async throws
  {
    let run = try await CallCLI.run { _ in
      [
        "call", "create_task", "--args", #"{"title":5,"priority":"urgent"}"#, "--approve",
        "--json",
      ]
    }
    #expect(run.exitStatus == 2, "stderr: \(run.stderr)")
    let document = try run.document()
    CallCLI.expectFailureShape(document)
    #expect(document["error"]?["kind"] == "validation")
    let errors = document["error"]?["validation"]?.arrayValue ?? []
    #expect(errors.map { $0["path"] } == ["/title", "/priority"])
    for error in errors {
      #expect(Set(error.objectValue?.keys ?? []) == ["path", "message"], "\(error)")
    }
    let title = errors.first?["message"]?.stringValue ?? ""
    let priority = errors.last?["message"]?.stringValue ?? ""
    #expect(title.contains("title") && title.contains("string"), "\(title)")
    #expect(priority.contains("priority") && priority.contains("normal"), "\(priority)")
    #expect(document["error"]?["message"]?.stringValue?.isEmpty == false)

    let wire = try run.wireLog()
    #expect(CallCLI.toolCalls(in: wire).isEmpty, "nothing was sent")
    #expect(
      CallCLI.localKinds(in: wire).filter { $0.hasPrefix("approval-") } == [],
      "arguments are checked before the approval")
  }

  @Test func `schema errors without --json go to standard error, naming each field`() async throws {
    let run = try await CallCLI.run { _ in
      ["call", "create_task", "--args", #"{"title":5,"priority":"urgent"}"#, "--approve"]
    }
    #expect(run.exitStatus == 2)
    #expect(run.stdout.isEmpty, "stdout: \(run.stdout)")
    #expect(run.stderr.contains("/title"), "stderr: \(run.stderr)")
    #expect(run.stderr.contains("/priority"), "stderr: \(run.stderr)")
    #expect(run.stderr.contains("--no-validate"), "the message names the way out")
  }

  @Test func `--no-validate sends arguments that fail the schema; the demo's tool error exits 1`()
    async throws
  {
    let run = try await CallCLI.run { _ in
      [
        "call", "create_task", "--args", #"{"title":5,"priority":"urgent"}"#, "--no-validate",
        "--approve", "--json",
      ]
    }
    #expect(run.exitStatus == 1, "stderr: \(run.stderr)")
    let call = try run.document()
    CallCLI.expectCallShape(call)
    #expect(call["approval"]?["decision"] == "approved")
    #expect(call["sent"] == true)
    #expect(call["result"]?["isError"] == true)
    #expect(call["error"] == .null)
    let frames = CallCLI.toolCalls(in: try run.wireLog())
    try #require(frames.count == 1)
    #expect(frames[0].message?["params"]?["arguments"] == ["title": 5, "priority": "urgent"])
  }

  // MARK: - --args sources

  @Test func `--args @FILE reads the arguments from a file`() async throws {
    let run = try await CallCLI.run { directory in
      let path = directory + "/args.json"
      try Data(#"{"title": "from a file", "priority": "high"}"#.utf8)
        .write(to: URL(fileURLWithPath: path))
      return ["call", "create_task", "--args", "@" + path, "--approve", "--json"]
    }
    #expect(run.exitStatus == 0, "stderr: \(run.stderr)")
    let call = try run.document()
    #expect(call["arguments"] == ["title": "from a file", "priority": "high"])
    #expect(call["result"]?["structuredContent"]?["task"]?["priority"] == "high")
    let frames = CallCLI.toolCalls(in: try run.wireLog())
    #expect(frames.first?.message?["params"]?["arguments"] == call["arguments"])
  }

  @Test func `--args - reads the arguments from standard input`() async throws {
    let run = try await CallCLI.run(stdin: Array(#"{"title":"from stdin"}"#.utf8)) { _ in
      ["call", "create_task", "--args", "-", "--approve", "--json"]
    }
    #expect(run.exitStatus == 0, "stderr: \(run.stderr)")
    let call = try run.document()
    #expect(call["arguments"] == ["title": "from stdin"])
    #expect(call["result"]?["structuredContent"]?["task"]?["title"] == "from stdin")
  }

  @Test(arguments: [
    #"{"title": "x""#, "not json", #"["x"]"#, "42",
  ])
  func `--args that are not a JSON object are a usage error`(args: String) async throws {
    let run = try await CallCLI.run { _ in
      ["call", "create_task", "--args", args, "--approve", "--json"]
    }
    #expect(run.exitStatus == 2, "stderr: \(run.stderr)")
    let document = try run.document()
    CallCLI.expectFailureShape(document)
    #expect(document["error"]?["kind"] == "usage")
    #expect(document["error"]?["message"]?.stringValue?.contains("--args") == true)
    #expect(try CallCLI.toolCalls(in: run.wireLogIfWritten()).isEmpty)
  }

  @Test func `--args @FILE with a missing file is a usage error`() async throws {
    let run = try await CallCLI.run { directory in
      ["call", "create_task", "--args", "@" + directory + "/missing.json", "--approve"]
    }
    #expect(run.exitStatus == 2, "stderr: \(run.stderr)")
    #expect(run.stderr.contains("missing.json"), "stderr: \(run.stderr)")
    #expect(try CallCLI.toolCalls(in: run.wireLogIfWritten()).isEmpty)
  }
}

// MARK: - Shared by the call and scenario tests

/// Running `call` and `scenario` with a wire log, and checking their output against cli.md.
enum CallCLI {
  /// The members cli.md gives one call object.
  static let contractKeys: Set = ["name", "arguments", "approval", "sent", "result", "error"]
  /// The members docs/cli-extensions.md may add to a call object.
  static let extensionKeys: Set = ["modelSees", "failure", "elapsedMs"]
  /// The members of `approval`.
  static let approvalKeys: Set = ["required", "decision", "reason"]
  /// The values of `approval.decision`.
  static let decisions: Set = [
    "not-required", "approved", "denied", "remembered-approve", "remembered-deny", "refused",
  ]

  /// One finished run: its output and its wire log's text (nil when none was written).
  struct Run {
    var output: ProcessOutput
    var wireText: String?

    var exitStatus: Int32? { output.exitStatus }
    var stdout: String { output.stdoutText }
    var stderr: String { output.stderrText }

    /// Standard output as one JSON document (an issue and a throw when it is not).
    func document(sourceLocation: SourceLocation = #_sourceLocation) throws -> JSONValue {
      try parseDocument(output.stdout, what: "stdout", sourceLocation: sourceLocation)
    }

    /// The wire log, which must exist.
    func wireLog(sourceLocation: SourceLocation = #_sourceLocation) throws -> [WireLine] {
      guard wireText != nil else {
        Issue.record("no wire log was written", sourceLocation: sourceLocation)
        throw EndToEndFailure()
      }
      return try wireLogIfWritten(sourceLocation: sourceLocation)
    }

    /// The wire log, or nothing when the command stopped before connecting.
    func wireLogIfWritten(sourceLocation: SourceLocation = #_sourceLocation) throws -> [WireLine] {
      guard let wireText else { return [] }
      #expect(
        wireText.isEmpty || wireText.hasSuffix("\n"), "the last record ends with a newline",
        sourceLocation: sourceLocation)
      return try wireText.split(separator: "\n").map { line in
        let record = try parseDocument(
          Array(line.utf8), what: "wire-log line", sourceLocation: sourceLocation)
        return WireLine(text: String(line), record: record)
      }
    }
  }

  /// Runs `preflight` with the arguments `arguments` makes in a fresh directory, plus
  /// `--wire-log` into that directory (before any `--`), and reads the log before the directory
  /// is removed.
  static func run(
    stdin: [UInt8] = [], _ arguments: (String) throws -> [String]
  ) async throws -> Run {
    try await withTemporaryDirectory { directory in
      let wirePath = directory + "/wire.ndjson"
      var words = try arguments(directory)
      // Options go before `--`; everything after it belongs to the server.
      words.insert(
        contentsOf: ["--wire-log", wirePath], at: words.firstIndex(of: "--") ?? words.endIndex)
      let output = try await preflight(words, stdin: stdin, timeout: .seconds(90))
      let wire = FileManager.default.contents(atPath: wirePath).map {
        String(decoding: $0, as: UTF8.self)
      }
      return Run(output: output, wireText: wire)
    }
  }

  /// The outbound `tools/call` frames.
  static func toolCalls(in wire: [WireLine]) -> [WireLine] {
    wire.filter { $0.direction == "out" && $0.method == "tools/call" }
  }

  /// The `local.kind` of every local record, in order.
  static func localKinds(in wire: [WireLine]) -> [String] {
    wire.compactMap { $0.direction == "local" ? $0.record["local"]?["kind"]?.stringValue : nil }
  }

  /// Checks one call object against cli.md: its members (and only the extensions beside them),
  /// `approval`'s members, and the type of each.
  static func expectCallShape(
    _ call: JSONValue, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    guard let object = call.objectValue else {
      Issue.record("a call is an object, not \(call.typeName)", sourceLocation: sourceLocation)
      return
    }
    let keys = Set(object.keys)
    #expect(object.duplicateKeys.isEmpty, sourceLocation: sourceLocation)
    #expect(
      contractKeys.isSubset(of: keys), "missing: \(contractKeys.subtracting(keys))",
      sourceLocation: sourceLocation)
    #expect(
      keys.subtracting(contractKeys).isSubset(of: extensionKeys),
      "undocumented members: \(keys.subtracting(contractKeys).subtracting(extensionKeys))",
      sourceLocation: sourceLocation)
    #expect(call["name"]?.stringValue != nil, sourceLocation: sourceLocation)
    #expect(call["arguments"]?.objectValue != nil, sourceLocation: sourceLocation)
    #expect(
      Set(call["approval"]?.objectValue?.keys ?? []) == approvalKeys, "\(call["approval"] ?? nil)",
      sourceLocation: sourceLocation)
    #expect(call["approval"]?["required"]?.boolValue != nil, sourceLocation: sourceLocation)
    #expect(
      decisions.contains(call["approval"]?["decision"]?.stringValue ?? ""),
      "decision: \(call["approval"]?["decision"] ?? nil)", sourceLocation: sourceLocation)
    #expect(
      call["approval"]?["reason"]?.stringValue?.isEmpty == false, sourceLocation: sourceLocation)
    #expect(call["sent"]?.boolValue != nil, sourceLocation: sourceLocation)
    for key in ["result", "error"] {
      let value = call[key]
      #expect(
        value?.isNull == true || value?.objectValue != nil, "\(key): \(value ?? nil)",
        sourceLocation: sourceLocation)
    }
    if call["sent"] == false {
      #expect(call["result"] == .null, sourceLocation: sourceLocation)
      #expect(call["error"] == .null, sourceLocation: sourceLocation)
    }
  }

  /// Checks a failure document: `{"error": {"kind", "message", "validation"?}}` and nothing else.
  static func expectFailureShape(
    _ document: JSONValue, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(
      document.objectValue?.keys == ["error"], "\(document)", sourceLocation: sourceLocation)
    let error = document["error"]
    let keys = Set(error?.objectValue?.keys ?? [])
    #expect(
      keys == ["kind", "message"] || keys == ["kind", "message", "validation"], "\(keys)",
      sourceLocation: sourceLocation)
    #expect(
      ["usage", "transport", "auth", "validation"].contains(error?["kind"]?.stringValue ?? ""),
      "kind: \(error?["kind"] ?? nil)", sourceLocation: sourceLocation)
    #expect(error?["message"]?.stringValue?.isEmpty == false, sourceLocation: sourceLocation)
  }
}
