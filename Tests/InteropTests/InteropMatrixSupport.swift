import Foundation
import PreflightJSON
import PreflightTestSupport
import Testing

/// One call a matrix row makes through `preflight call`.
struct MatrixCall: Sendable {
  /// The tool's name.
  var tool: String
  /// The arguments as JSON text; `$REPO` stands for the row's scratch repository.
  var arguments: String
  /// Options added to `call` (for example `--policy always-ask` or `--no-validate`).
  var options: [String] = []
  /// Text that the compact JSON of the result must contain.
  var resultContains: String
}

/// How a server answers `tools/call` for a name it does not have.
enum UnknownToolAnswer: Sendable {
  /// A JSON-RPC error.
  case jsonRPCError(code: Int, message: String)
  /// A result with `isError: true` whose text contains this.
  case toolError(text: String)
}

/// How a matrix row's server is started.
enum MatrixLaunch: Sendable {
  /// The built-in demo server (no TARGET).
  case demo
  /// A fixture in `Tests/InteropTests/Fixtures`, run with a virtual environment's Python.
  case fixture(file: String, venv: String)
  /// `mcp-server-time --local-timezone UTC` from `.venv-mcp2`.
  case time
  /// `mcp-server-git --repository REPO` from `.venv-mcp2`, on a scratch repository.
  case git
}

/// One server of the interop matrix, and what each of the matrix's checks expects of it.
struct MatrixServer: Sendable, CustomTestStringConvertible {
  /// The row's name in test output.
  var label: String
  /// How the server starts.
  var launch: MatrixLaunch
  /// Its `serverInfo.name`.
  var serverName: String
  /// Its tools, in list order.
  var tools: [String]
  /// A call of a read-only tool (`readOnlyHint: true`), which runs without asking.
  var readOnly: MatrixCall
  /// A call that the policy stops for approval. `writeReadOnlyHint` is its tool's
  /// `annotations.readOnlyHint` as listed (nil: no such key).
  var write: MatrixCall
  var writeReadOnlyHint: JSONValue?
  /// A call whose result has `isError: true` (exit 1).
  var toolError: MatrixCall
  /// The answer to a call of a tool the server does not have.
  var unknownTool: UnknownToolAnswer
  /// Whether the server refuses a request whose `_meta.progressToken` is an object (JSON-RPC
  /// error -32602), rather than ignoring it.
  var rejectsBadProgressToken: Bool

  var testDescription: String { label }

  /// The name the proxy adds to a server's tool list (`MatrixTarget.proxied`).
  static let phantomTool = "retired_tool"

  static func sdkTasks(_ line: String, file: String, venv: String, name: String) -> MatrixServer {
    MatrixServer(
      label: "\(file) (mcp \(line))", launch: .fixture(file: file, venv: venv), serverName: name,
      tools: ["list_tasks", "add_task", "echo", "sync_tasks"],
      readOnly: MatrixCall(tool: "list_tasks", arguments: "{}", resultContains: "Write the README"),
      write: MatrixCall(
        tool: "add_task", arguments: #"{"title":"matrix"}"#,
        resultContains: #""title":"matrix""#),
      writeReadOnlyHint: false,
      // FastMCP checks the arguments itself and answers with a tool error.
      toolError: MatrixCall(
        tool: "echo", arguments: #"{"text":5}"#, options: ["--no-validate", "--approve"],
        resultContains: "validation error"),
      unknownTool: .toolError(text: "Unknown tool: \(phantomTool)"),
      rejectsBadProgressToken: true)
  }

  /// The servers, one row each.
  static let all: [MatrixServer] = [
    sdkTasks("2.3.0", file: "sdk2_tasks.py", venv: Interop.venv2, name: "sdk2-tasks"),
    sdkTasks("1.30.0", file: "sdk1_tasks.py", venv: Interop.venv1, name: "sdk1-tasks"),
    MatrixServer(
      label: "mcp-server-time", launch: .time, serverName: "mcp-time",
      tools: ["get_current_time", "convert_time"],
      readOnly: MatrixCall(
        tool: "get_current_time", arguments: #"{"timezone":"UTC"}"#,
        resultContains: #""timezone":"UTC""#),
      // Both tools are read-only; the always-ask policy makes the call stop for approval.
      write: MatrixCall(
        tool: "get_current_time", arguments: #"{"timezone":"UTC"}"#,
        options: ["--policy", "always-ask"], resultContains: #""timezone":"UTC""#),
      writeReadOnlyHint: true,
      toolError: MatrixCall(
        tool: "get_current_time", arguments: #"{"timezone":"Mars/Base"}"#,
        resultContains: "Invalid timezone"),
      unknownTool: .jsonRPCError(code: -32602, message: "Unknown tool: \(phantomTool)"),
      rejectsBadProgressToken: true),
    MatrixServer(
      label: "mcp-server-git", launch: .git, serverName: "mcp-git",
      tools: [
        "git_status", "git_diff_unstaged", "git_diff_staged", "git_diff", "git_commit", "git_add",
        "git_reset", "git_log", "git_create_branch", "git_checkout", "git_show", "git_branch",
      ],
      readOnly: MatrixCall(
        tool: "git_status", arguments: #"{"repo_path":"$REPO"}"#,
        resultContains: "Repository status:"),
      write: MatrixCall(
        tool: "git_create_branch", arguments: #"{"repo_path":"$REPO","branch_name":"matrix"}"#,
        resultContains: "Created branch 'matrix'"),
      writeReadOnlyHint: false,
      toolError: MatrixCall(
        tool: "git_show", arguments: #"{"repo_path":"$REPO","revision":"nope"}"#,
        resultContains: "did not resolve"),
      unknownTool: .jsonRPCError(code: -32602, message: "Unknown tool: \(phantomTool)"),
      rejectsBadProgressToken: true),
    MatrixServer(
      label: "demo server", launch: .demo, serverName: "preflight-demo",
      tools: [
        "list_tasks", "get_task", "echo", "create_task", "update_task", "complete_task",
        "delete_task", "share_task", "archive_done", "sync_tasks",
      ],
      readOnly: MatrixCall(
        tool: "list_tasks", arguments: "{}", resultContains: "Write the launch checklist"),
      write: MatrixCall(
        tool: "create_task", arguments: #"{"title":"matrix"}"#,
        resultContains: #""title":"matrix""#),
      writeReadOnlyHint: false,
      toolError: MatrixCall(
        tool: "get_task", arguments: #"{"id":"t999"}"#, resultContains: "No task with id"),
      unknownTool: .jsonRPCError(code: -32602, message: "Unknown tool: \(phantomTool)"),
      rejectsBadProgressToken: false),
  ]
}

/// A matrix row's server, ready to run `preflight` against: a scratch directory (and
/// repository), and the TARGET words.
struct MatrixTarget {
  /// A directory that is removed after the test.
  let directory: String
  /// The scratch repository, for mcp-server-git.
  let repository: String?
  /// The server's command line; empty for the built-in demo server.
  let command: [String]

  /// The TARGET words: `-- command…`, or nothing for the demo.
  var target: [String] { command.isEmpty ? [] : ["--"] + command }

  /// `text` with `$REPO` replaced by the scratch repository.
  func substitute(_ text: String) -> String {
    text.replacingOccurrences(of: "$REPO", with: repository ?? "$REPO")
  }

  /// The TARGET words for the server behind a proxy that adds ``MatrixServer/phantomTool`` to
  /// its tool list and changes nothing else, so that the server answers a call of a tool it
  /// does not have in its own way.
  func proxied() throws -> [String] {
    let script = directory + "/phantom_proxy.py"
    try Data(Matrix.proxySource.utf8).write(to: URL(fileURLWithPath: script))
    let server = command.isEmpty ? [try PackagePaths.preflight(), "demo-server"] : command
    return ["--", Interop.venv2 + "/bin/python", script] + server
  }
}

/// One finished `preflight` run of the matrix.
struct MatrixRun {
  /// What it printed, how it exited.
  var output: ProcessOutput
  /// The wire log's records (empty when none was written).
  var wire: [JSONValue]

  /// The exit status.
  var exitStatus: Int32? { output.exitStatus }

  /// Standard output as one JSON document.
  func document() throws -> JSONValue {
    do {
      return try JSONParser.parse(output.stdout)
    } catch {
      throw InteropFailure(
        "stdout is not one JSON document (\(error)): \(output.stdoutText.prefix(400))"
          + "; stderr: \(output.stderrText.prefix(400))")
    }
  }

  /// The outbound `tools/call` frames.
  var toolCalls: [JSONValue] {
    wire.filter { $0["direction"] == "out" && $0["message"]?["method"] == "tools/call" }
  }

  /// The `local.kind` of the approval records (`approval-…`, `remembered-…`), in order.
  var approvalKinds: [String] {
    wire.compactMap { record -> String? in
      guard record["direction"] == "local", let kind = record["local"]?["kind"]?.stringValue,
        kind.hasPrefix("approval-") || kind.hasPrefix("remembered-")
      else { return nil }
      return kind
    }
  }

  /// The inbound answer to the request `frame`.
  func answer(to frame: JSONValue) -> JSONValue? {
    let id = frame["message"]?["id"]
    return wire.first {
      $0["direction"] == "in" && id != nil && $0["message"]?["id"] == id
        && $0["message"]?["method"] == nil
    }
  }

  /// A summary for failure messages.
  var summary: String {
    "exit \(exitStatus.map(String.init) ?? "none"); stdout: \(output.stdoutText.prefix(600)); "
      + "stderr: \(output.stderrText.prefix(600))"
  }
}

/// Running the built `preflight` against the matrix's servers.
enum Matrix {
  /// Makes the row's target in a fresh directory, runs `body`, and removes the directory.
  static func withTarget<Result>(
    _ server: MatrixServer, _ body: (MatrixTarget) async throws -> Result
  ) async throws -> Result {
    try Interop.requireEnvironment()
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("preflight-matrix-" + UUID().uuidString).path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let target: MatrixTarget
    switch server.launch {
    case .demo:
      target = MatrixTarget(directory: directory, repository: nil, command: [])
    case .fixture(let file, let venv):
      target = MatrixTarget(
        directory: directory, repository: nil,
        command: [venv + "/bin/python", Interop.fixtures + "/" + file])
    case .time:
      target = MatrixTarget(
        directory: directory, repository: nil,
        command: [Interop.venv2 + "/bin/mcp-server-time", "--local-timezone", "UTC"])
    case .git:
      let repository = directory + "/repo"
      try await git(["init", "-q", "-b", "main", repository])
      try await git([
        "-C", repository, "-c", "user.name=t", "-c", "user.email=t@example.com",
        "-c", "commit.gpgsign=false", "commit", "-q", "--allow-empty", "-m", "init",
      ])
      target = MatrixTarget(
        directory: directory, repository: repository,
        command: [Interop.venv2 + "/bin/mcp-server-git", "--repository", repository])
    }
    return try await body(target)
  }

  /// Runs `git` with `arguments`; throws when it fails.
  static func git(_ arguments: [String]) async throws {
    let output = try await ProcessRunner.run(
      "git", arguments,
      environment: ProcessRunner.environment(
        adding: ["GIT_CONFIG_NOSYSTEM": "1", "HOME": FileManager.default.temporaryDirectory.path]),
      timeout: .seconds(20))
    guard output.exitStatus == 0 else {
      throw InteropFailure("git \(arguments.joined(separator: " ")) failed: \(output.stderrText)")
    }
  }

  /// Runs `preflight COMMAND…` with a wire log, bounded timeouts and TARGET, once a server slot
  /// is free, and reads the log.
  static func run(_ words: [String], target: [String], in directory: String) async throws
    -> MatrixRun
  {
    let wirePath = directory + "/wire-\(UUID().uuidString).ndjson"
    let arguments =
      words + [
        "--wire-log", wirePath, "--connect-timeout", "90", "--timeout", "90",
      ] + target
    await Interop.slots.acquire()
    let output: ProcessOutput
    do {
      output = try await ProcessRunner.run(
        try PackagePaths.preflight(), arguments, timeout: .seconds(60))
      await Interop.slots.release()
    } catch {
      await Interop.slots.release()
      throw error
    }
    if output.timedOut {
      Issue.record("preflight \(arguments.joined(separator: " ")) ran past 60 s and was killed")
    }
    var wire: [JSONValue] = []
    if let data = FileManager.default.contents(atPath: wirePath) {
      for line in data.split(separator: 0x0A) {
        wire.append(try JSONParser.parse(Array(line)))
      }
    }
    let run = MatrixRun(output: output, wire: wire)
    // No row expects a connection failure; stop here rather than fail every check after it.
    if output.exitStatus == 3 {
      throw InteropFailure("the server could not be used: \(run.summary)")
    }
    return run
  }

  /// Runs `preflight call` with `call`'s tool, arguments and options, plus `extra`, and `--json`.
  static func call(
    _ call: MatrixCall, _ extra: [String] = [], on target: MatrixTarget
  ) async throws -> MatrixRun {
    try await run(
      ["call", call.tool, "--args", target.substitute(call.arguments)] + call.options + extra
        + ["--json"], target: target.target, in: target.directory)
  }

  /// A stdio proxy: starts the server given as its arguments, passes every line through
  /// unchanged, except that the last page of each `tools/list` answer gets one more tool.
  static let proxySource = #"""
    import json, subprocess, sys, threading

    PHANTOM = {
        "name": "retired_tool",
        "description": "Listed by the test's proxy; the server behind it does not have it.",
        "inputSchema": {"type": "object"},
        "annotations": {"readOnlyHint": True},
    }
    child = subprocess.Popen(sys.argv[1:], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    listing_ids = set()
    lock = threading.Lock()

    def forward_requests():
        try:
            for line in sys.stdin.buffer:
                try:
                    message = json.loads(line)
                    if isinstance(message, dict) and message.get("method") == "tools/list":
                        with lock:
                            listing_ids.add(json.dumps(message.get("id")))
                except ValueError:
                    pass
                child.stdin.write(line)
                child.stdin.flush()
        except (BrokenPipeError, OSError):
            pass
        try:
            child.stdin.close()
        except OSError:
            pass

    threading.Thread(target=forward_requests, daemon=True).start()
    for line in child.stdout:
        try:
            message = json.loads(line)
            if isinstance(message, dict) and "method" not in message:
                with lock:
                    listing = json.dumps(message.get("id")) in listing_ids
                result = message.get("result")
                if listing and isinstance(result, dict) and not result.get("nextCursor"):
                    result.setdefault("tools", []).append(PHANTOM)
                    line = (json.dumps(message, separators=(",", ":")) + "\n").encode()
        except ValueError:
            pass
        sys.stdout.buffer.write(line)
        sys.stdout.buffer.flush()
    sys.exit(child.wait())
    """#
}
