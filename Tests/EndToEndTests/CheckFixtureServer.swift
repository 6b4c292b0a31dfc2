import Foundation
import Testing

/// `check_server.py --http 0` running in the background, for the HTTP-only check rules.
final class CheckFixtureServer {
  let process = Process()
  let url: String

  /// Starts the fixture with `--fault fault` (nil: clean) at `path` and waits for its URL.
  convenience init(fault: String?, path: String = "/mcp") async throws {
    var arguments = ["python3", try fixture("check_server.py"), "--http", "0", "--path", path]
    if let fault { arguments += ["--fault", fault] }
    try await self.init(commandLine: arguments)
  }

  /// Starts `commandLine` (through `env`), whose first line on standard output ends with the
  /// URL it serves, and waits for that line.
  init(commandLine: [String]) async throws {
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = commandLine
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let handle = output.fileHandleForReading
    let line = String(decoding: await firstLine(of: handle), as: UTF8.self)
    guard let url = line.split(separator: " ").last, url.hasPrefix("http") else {
      kill(process.processIdentifier, SIGKILL)
      Issue.record("the fixture did not print its URL: \(line)")
      throw EndToEndFailure()
    }
    self.url = url.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Stops the server.
  func stop() {
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
  }

  deinit { stop() }
}
