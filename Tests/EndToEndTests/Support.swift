import Foundation
import PreflightJSON
import PreflightTestSupport
import Testing

/// A failure already recorded as an issue; thrown to stop the test.
struct EndToEndFailure: Error {}

/// The demo server's tools, in the order it lists them.
let demoToolNames = [
  "list_tasks", "get_task", "echo", "create_task", "update_task", "complete_task", "delete_task",
  "share_task", "archive_done", "sync_tasks",
]

/// The demo server's read-only tools; the others write.
let demoReadOnlyTools: Set = ["list_tasks", "get_task", "echo"]

/// This process's environment without `NO_COLOR`, so a test sees what a pipe alone does.
let plainEnvironment = ProcessRunner.environment(removing: ["NO_COLOR"])

/// The built `preflight`.
func preflightPath() throws -> String {
  try PackagePaths.preflight()
}

/// The commands that connect to a server and so take `--connect-timeout`.
let connectingCommands: Set = [
  "tools", "call", "scenario", "check", "resources", "read", "prompts", "prompt",
]

/// `arguments` with `--connect-timeout 60` after a connecting command that sets none. The
/// suite starts many servers at once on a small machine; a server that takes more than the
/// users' default of 10 s to start there is slow, not broken. Tests of the timeout itself pass
/// their own.
func withPatientConnect(_ arguments: [String]) -> [String] {
  guard let command = arguments.first, connectingCommands.contains(command),
    !arguments.contains("--connect-timeout")
  else { return arguments }
  return [command, "--connect-timeout", "60"] + arguments.dropFirst()
}

/// Runs the built `preflight` with `arguments`; stdin and stdout are pipes unless
/// `stdoutIsTerminal`. Connecting commands get a patient connect timeout (see
/// ``withPatientConnect(_:)``).
func preflight(
  _ arguments: [String], stdin: [UInt8] = [], closeStdinAfterOutputLines: Int? = nil,
  environment: [String: String] = plainEnvironment, stdoutIsTerminal: Bool = false,
  timeout: Duration = .seconds(90)
) async throws -> ProcessOutput {
  let arguments = withPatientConnect(arguments)
  let output = try await ProcessRunner.run(
    try preflightPath(), arguments, stdin: stdin,
    closeStdinAfterOutputLines: closeStdinAfterOutputLines, environment: environment,
    stdoutIsTerminal: stdoutIsTerminal, timeout: timeout)
  if output.timedOut {
    let command = arguments.joined(separator: " ")
    Issue.record("preflight \(command) ran past \(timeout) and was killed: \(output.stderrText)")
  }
  return output
}

/// A fixture file's path.
func fixture(_ name: String) throws -> String {
  try PackagePaths.root() + "/Tests/EndToEndTests/Fixtures/" + name
}

/// Quotes a word for `sh -c`.
func shellQuoted(_ word: String) -> String {
  "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

/// Parses bytes as exactly one JSON document, or records an issue and throws.
func parseDocument(
  _ bytes: [UInt8], what: String, sourceLocation: SourceLocation = #_sourceLocation
) throws -> JSONValue {
  do {
    return try JSONParser.parse(bytes)
  } catch {
    Issue.record(
      "\(what) is not one JSON document (\(error)): \(String(decoding: bytes.prefix(400), as: UTF8.self))",
      sourceLocation: sourceLocation)
    throw EndToEndFailure()
  }
}

/// A fresh directory that is removed after `body`.
func withTemporaryDirectory<Value>(_ body: (String) async throws -> Value) async throws -> Value {
  let path = FileManager.default.temporaryDirectory
    .appendingPathComponent("preflight-e2e-" + UUID().uuidString).path
  try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(atPath: path) }
  return try await body(path)
}

/// One wire-log line: its text and its parsed record.
struct WireLine {
  var text: String
  var record: JSONValue

  var seq: Int? { record["seq"]?.intValue }
  var direction: String? { record["direction"]?.stringValue }
  var message: JSONValue? { record["message"] }
  var method: String? { record["message"]?["method"]?.stringValue }
}

/// Reads a wire-log file; records an issue for a line that is not a JSON object.
func readWireLog(
  _ path: String, sourceLocation: SourceLocation = #_sourceLocation
) throws -> [WireLine] {
  guard let data = FileManager.default.contents(atPath: path) else {
    Issue.record("no wire log at \(path)", sourceLocation: sourceLocation)
    throw EndToEndFailure()
  }
  let text = String(decoding: data, as: UTF8.self)
  #expect(
    text.hasSuffix("\n"), "the last record ends with a newline", sourceLocation: sourceLocation)
  return try text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    .map { line in
      let record = try parseDocument(
        Array(line.utf8), what: "wire-log line", sourceLocation: sourceLocation)
      #expect(
        record.objectValue != nil, "a record is an object: \(line)", sourceLocation: sourceLocation)
      return WireLine(text: String(line), record: record)
    }
}

/// What `preflight demo-server` sends for initialize and an unpaged tools/list, read straight
/// off its standard output with no Preflight client in between.
func demoServerRawListing() async throws -> (initialize: JSONValue, tools: [JSONValue]) {
  let requests = [
    #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"e2e","version":"0"}}}"#,
    #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
    #"{"jsonrpc":"2.0","id":2,"method":"tools/list"}"#,
  ]
  let output = try await preflight(
    ["demo-server"], stdin: Array((requests.joined(separator: "\n") + "\n").utf8),
    closeStdinAfterOutputLines: 2, timeout: .seconds(20))
  let lines = output.stdout.split(separator: 0x0A)
  guard lines.count >= 2 else {
    Issue.record("the demo server answered \(lines.count) of 2 requests: \(output.stdoutText)")
    throw EndToEndFailure()
  }
  // The server handles requests concurrently, so the replies may come in either order.
  let replies = try lines.prefix(2).map { try parseDocument(Array($0), what: "a reply") }
  let initialize = replies.first { $0["id"] == 1 } ?? .null
  let list = replies.first { $0["id"] == 2 } ?? .null
  guard let result = initialize["result"], let tools = list["result"]?["tools"]?.arrayValue else {
    Issue.record("unexpected replies: \(output.stdoutText.prefix(400))")
    throw EndToEndFailure()
  }
  return (result, tools)
}

extension ProcessOutput {
  /// Whether standard output holds an ESC byte.
  var stdoutHasEscape: Bool { stdout.contains(0x1B) }
}

/// The scalars a terminal must never receive from a server as is: C0 controls other than
/// newline, DEL, C1 controls, and the bidirectional and zero-width formatting characters.
func terminalUnsafeScalars(in text: String) -> [Unicode.Scalar] {
  text.unicodeScalars.filter { scalar in
    switch scalar.value {
    case 0x0A: false
    case 0x00..<0x20, 0x7F..<0xA0: true
    case 0x200B...0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C, 0xFEFF: true
    default: false
    }
  }
}

/// Reads `handle` up to and including its first newline (or its end), on a thread of its own:
/// a blocking read on the cooperative pool would starve the in-process servers that other
/// tests run at the same time.
func firstLine(of handle: FileHandle) async -> [UInt8] {
  await withCheckedContinuation { (continuation: CheckedContinuation<[UInt8], Never>) in
    let thread = Thread {
      var bytes: [UInt8] = []
      while !bytes.contains(0x0A) {
        let chunk = handle.availableData
        if chunk.isEmpty { break }
        bytes += chunk
      }
      continuation.resume(returning: bytes)
    }
    thread.start()
  }
}
