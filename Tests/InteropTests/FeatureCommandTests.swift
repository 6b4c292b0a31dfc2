import Foundation
import PreflightCore
import PreflightJSON
import PreflightTestSupport
import Testing

/// `preflight resources`, `read`, `prompts`, `prompt` and the headless answers to server
/// requests (`--elicit`, `--sampling-reply`, `--root`, `--log-level`), run as a child process
/// against `Fixtures/sdk2_features.py` over stdio.
@Suite(Interop.gate) struct FeatureCommandTests {
  static var target: [String] {
    ["--", Interop.venv2 + "/bin/python", Interop.fixtures + "/sdk2_features.py"]
  }

  func run(_ arguments: [String]) async throws -> ProcessOutput {
    try Interop.requireEnvironment()
    await Interop.slots.acquire()
    // The fixture's Python start-up is slow on a loaded machine: allow a minute for it.
    let all = arguments + ["--connect-timeout", "60"] + Self.target
    let output = try await ProcessRunner.run(
      try PackagePaths.preflight(), all,
      environment: ProcessRunner.environment(removing: ["NO_COLOR"]), timeout: .seconds(120))
    if output.timedOut {
      Issue.record("preflight \(arguments.joined(separator: " ")) ran past 120 s and was killed")
    }
    await Interop.slots.release()
    return output
  }

  func document(_ output: ProcessOutput) throws -> JSONValue {
    do {
      return try JSONParser.parse(output.stdout)
    } catch {
      throw InteropFailure("not one JSON document (\(error)): \(output.stdoutText.prefix(400))")
    }
  }

  @Test func `resources lists resources and templates, widgets marked`() async throws {
    let output = try await run(["resources"])
    #expect(output.exitStatus == 0, "stderr: \(output.stderrText)")
    let lines = output.stdoutText.split(separator: "\n").map(String.init)
    #expect(lines.first == "sdk2-features 1.0.0")
    #expect(output.stdoutText.contains("4 resources · 2 templates"))
    let board = lines.first { $0.contains("ui://widget/board.html") } ?? ""
    #expect(board.contains("text/html+skybridge") && board.contains("[widget]"), "\(board)")
    let welcome = lines.first { $0.contains("notes://welcome") } ?? ""
    #expect(welcome.contains("Welcome note") && !welcome.contains("[widget]"), "\(welcome)")
    #expect(output.stdoutText.contains("variables: q, limit"))
    #expect(!output.stdout.contains(0x1B))
  }

  @Test func `resources --json prints every entry as sent and the widget list`() async throws {
    let output = try await run(["resources", "--json"])
    #expect(output.exitStatus == 0, "stderr: \(output.stderrText)")
    let doc = try document(output)
    #expect(doc["server"]?["name"] == "sdk2-features")
    #expect(doc["resources"]?.arrayValue?.count == 4)
    #expect(doc["resources"]?[0]?["title"] == "Welcome note")
    #expect(doc["resourceTemplates"]?[1]?["uriTemplate"] == "search://items{?q,limit}")
    #expect(doc["widgets"] == ["ui://widget/board.html"])
  }

  @Test func `read shows text and summarises binary; --out saves the bytes`() async throws {
    let text = try await run(["read", "notes://welcome"])
    #expect(text.exitStatus == 0, "stderr: \(text.stderrText)")
    #expect(
      text.stdoutText
        == "notes://welcome  text/plain  32 bytes\nWelcome to the features fixture.\n")

    let binary = try await run(["read", "images://logo"])
    #expect(binary.exitStatus == 0, "stderr: \(binary.stderrText)")
    #expect(binary.stdoutText.contains("binary, 16 bytes of image/png; --out FILE saves it"))
    #expect(!binary.stdout.contains(0x89))

    try await withTemporaryFolder { folder in
      let path = folder + "/logo.png"
      let saved = try await run(["read", "--out", path, "images://logo"])
      #expect(saved.exitStatus == 0, "stderr: \(saved.stderrText)")
      #expect(saved.stdoutText.contains("saved to \(path)"))
      let bytes = FileManager.default.contents(atPath: path).map { Array($0) }
      #expect(bytes == FeatureSessionTests.logo)
    }

    let json = try await run(["read", "--json", "ui://widget/board.html"])
    #expect(json.exitStatus == 0)
    let doc = try document(json)
    #expect(doc["uri"] == "ui://widget/board.html")
    #expect(doc["result"]?["contents"]?[0]?["mimeType"] == "text/html+skybridge")
  }

  @Test func `read of an unknown resource exits 1, with a JSON error under --json`()
    async throws
  {
    let output = try await run(["read", "nothing://here"])
    #expect(output.exitStatus == 1)
    #expect(output.stderrText.contains("resources/read failed"))
    let json = try await run(["read", "--json", "nothing://here"])
    #expect(json.exitStatus == 1)
    #expect(try document(json)["error"]?["kind"] == "server")
  }

  @Test func `prompts lists names, titles and arguments`() async throws {
    let output = try await run(["prompts"])
    #expect(output.exitStatus == 0, "stderr: \(output.stderrText)")
    #expect(output.stdoutText.contains("2 prompts"))
    #expect(output.stdoutText.contains("greet  Greeting"))
    #expect(output.stdoutText.contains("arguments: name (required), style"))
    #expect(output.stdoutText.contains("arguments: code (required)"))
    let json = try await run(["prompts", "--json"])
    #expect(try document(json)["prompts"]?[1]?["name"] == "review")
  }

  @Test func `prompt renders messages by role and content type`() async throws {
    let output = try await run(["prompt", "review", "--args", #"{"code": "x = 1"}"#])
    #expect(output.exitStatus == 0, "stderr: \(output.stderrText)")
    #expect(
      output.stdoutText == """
        Review some code.

        ── user text
        Please review:
        x = 1

        ── assistant text
        It looks fine; what should I focus on?

        ── user resource
        [embedded resource notes://welcome, text/plain]
        Welcome to the features fixture.

        """)
    let json = try await run(["prompt", "--json", "greet", "--args", #"{"name": "Ann"}"#])
    #expect(json.exitStatus == 0)
    let doc = try document(json)
    #expect(doc["arguments"] == ["name": "Ann"])
    #expect(
      doc["result"]?["messages"]?[0]?["content"]?["text"] == "Say hello to Ann in a friendly way.")
  }

  @Test func `prompt with a missing required argument or an unknown name sends nothing: exit 2`()
    async throws
  {
    let missing = try await run(["prompt", "greet"])
    #expect(missing.exitStatus == 2)
    #expect(missing.stderrText.contains("prompt 'greet' needs 'name'"))
    let unknown = try await run(["prompt", "--json", "greeet"])
    #expect(unknown.exitStatus == 2)
    let doc = try document(unknown)
    #expect(doc["error"]?["kind"] == "usage")
    #expect(doc["error"]?["message"]?.stringValue?.contains("did you mean 'greet'?") == true)
  }

  @Test func `headless elicitation declines by default and says so; --elicit answers`()
    async throws
  {
    let declined = try await run(["call", "--approve", "--client-profile", "full", "ask_colour"])
    #expect(declined.exitStatus == 0, "stderr: \(declined.stderrText)")
    #expect(declined.stdoutText.contains("declined"))
    #expect(declined.stderrText.contains("sdk2-features asked for input (elicitation, form mode)"))
    #expect(declined.stderrText.contains("declined (the default"))

    let accepted = try await run([
      "call", "--approve", "--client-profile", "full", "--elicit", "accept", "ask_colour",
    ])
    #expect(
      accepted.stdoutText.contains(#"accepted: {"colour": "blue", "glossy": false, "shade": 5}"#))

    try await withTemporaryFolder { folder in
      let file = folder + "/answer.json"
      try Data(#"{"colour": "green", "shade": 2, "glossy": true}"#.utf8).write(
        to: URL(fileURLWithPath: file))
      let fromFile = try await run([
        "call", "--approve", "--client-profile", "full", "--elicit", "@" + file, "ask_colour",
      ])
      #expect(
        fromFile.stdoutText.contains(#"accepted: {"colour": "green", "glossy": true, "shade": 2}"#))
    }

    let url = try await run([
      "call", "--approve", "--client-profile", "full", "--elicit", "accept", "open_link",
    ])
    #expect(
      url.stderrText.contains(
        "URL https://auth.example.com/start?session=1 (domain auth.example.com)"))
    #expect(url.stderrText.contains("never opens URLs"))

    let required = try await run(["call", "--approve", "--client-profile", "full", "need_url"])
    #expect(required.exitStatus == 1)
    #expect(
      required.stdoutText.contains("https://pay.example.com/x (domain pay.example.com): Pay first"),
      "\(required.stdoutText)")
  }

  @Test func `headless sampling rejects by default; --sampling-reply answers from a file`()
    async throws
  {
    let rejected = try await run([
      "call", "--approve", "--client-profile", "full", "summarize", "--args", #"{"text": "t"}"#,
    ])
    #expect(rejected.stdoutText.contains("sampling failed"))
    #expect(rejected.stderrText.contains("rejected (the default"))
    try await withTemporaryFolder { folder in
      let file = folder + "/reply.txt"
      try Data("A short summary.".utf8).write(to: URL(fileURLWithPath: file))
      let answered = try await run([
        "call", "--approve", "--client-profile", "full", "--sampling-reply", file, "summarize",
        "--args",
        #"{"text": "t"}"#,
      ])
      #expect(answered.stdoutText.contains("model preflight-canned said: A short summary."))
      #expect(answered.stderrText.contains("canned reply 1 of 1"))
    }
  }

  @Test func `--root is advertised; the ChatGPT profile warns that it has no effect`()
    async throws
  {
    let output = try await run([
      "call", "--approve", "--client-profile", "full", "--root", "/tmp/one", "--root", "/tmp/two",
      "show_roots",
    ])
    #expect(output.exitStatus == 0, "stderr: \(output.stderrText)")
    #expect(output.stdoutText.contains("file:///tmp/one"))
    #expect(output.stdoutText.contains("file:///tmp/two"))
    let chatgpt = try await run(["tools", "--root", "/tmp/one"])
    #expect(
      chatgpt.stderrText.contains(
        "--root has no effect: the chatgpt profile does not declare roots"))
  }

  @Test func `--log-level sets the level and server log lines go to standard error`()
    async throws
  {
    let output = try await run([
      "call", "--approve", "--client-profile", "full", "--log-level", "error", "log_levels",
    ])
    #expect(output.exitStatus == 0, "stderr: \(output.stderrText)")
    #expect(output.stdoutText.contains("sent 1"))
    #expect(output.stderrText.contains("preflight: server log [error] features: a error message"))
    #expect(!output.stderrText.contains("[warning]"))
  }

  @Test func `resources and read work over Streamable HTTP too`() async throws {
    try await HTTPInterop.withServer(FeatureTransport.httpFixture) { server in
      let list = try await HTTPCommandLine.run(["resources", "--json", server.url])
      #expect(list.exitStatus == 0, "stderr: \(list.stderrText)")
      let doc = try document(list)
      #expect(doc["resources"]?.arrayValue?.count == 4)
      #expect(doc["widgets"] == ["ui://widget/board.html"])
      let read = try await HTTPCommandLine.run(["read", "config://app", server.url])
      #expect(read.exitStatus == 0, "stderr: \(read.stderrText)")
      #expect(read.stdoutText.contains(#"{"theme": "dark", "retries": 3}"#), "\(read.stdoutText)")
      let prompt = try await HTTPCommandLine.run([
        "prompt", "greet", "--args", #"{"name": "Ann"}"#, server.url,
      ])
      #expect(prompt.stdoutText.contains("Say hello to Ann in a friendly way."))
    }
  }

  @Test func `--sampling-reply with an array answers each request in turn`() async throws {
    try await withTemporaryFolder { folder in
      let file = folder + "/replies.json"
      let replies = """
        [{"role": "assistant", "content": {"type": "text", "text": "first"}, "model": "m1", "stopReason": "endTurn"},
         {"role": "assistant", "content": {"type": "text", "text": "second"}, "model": "m2", "stopReason": "endTurn"}]
        """
      try Data(replies.utf8).write(to: URL(fileURLWithPath: file))
      let output = try await run([
        "call", "--approve", "--client-profile", "full", "--sampling-reply", file, "summarize",
        "--args", #"{"text": "t"}"#,
      ])
      #expect(output.stdoutText.contains("model m1 said: first"), "\(output.stdoutText)")
      #expect(output.stderrText.contains("canned reply 1 of 2"))
      try Data("[1]".utf8).write(to: URL(fileURLWithPath: file))
      let bad = try await run(["tools", "--client-profile", "full", "--sampling-reply", file])
      #expect(bad.exitStatus == 2)
      #expect(bad.stderrText.contains("reply 1 is not a CreateMessageResult"))
    }
  }

  private func withTemporaryFolder(_ body: (String) async throws -> Void) async throws {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("preflight-features-" + UUID().uuidString).path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    try await body(path)
  }
}
