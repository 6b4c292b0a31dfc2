import Foundation
import Glibc
import Testing

/// `Fixtures/hostile_server.py --http 0` run by a test: started with Foundation's `Process`, its
/// URL read from the first line of its standard output, stopped with `SIGKILL`.
final class HostileHTTPServer: @unchecked Sendable {
  /// The endpoint URL the server printed.
  let url: String
  private let process: Process

  private init(url: String, process: Process) {
    self.url = url
    self.process = process
  }

  /// Runs `body` with the server for `fault` (and `options`) running, and stops it afterwards.
  static func with<Result>(
    _ fault: String, _ options: [String] = [], _ body: (HostileHTTPServer) async throws -> Result
  ) async throws -> Result {
    let server = try await start(fault, options)
    defer { server.stop() }
    return try await body(server)
  }

  private static func start(_ fault: String, _ options: [String]) async throws -> HostileHTTPServer
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments =
      ["python3", try fixture("hostile_server.py"), "--fault", fault, "--http", "0"] + options
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // A Python start can take seconds on a loaded machine; the URL line ends the wait.
    let reader = output.fileHandleForReading
    let line = String(
      decoding: await firstLine(of: reader).prefix { $0 != 0x0A }, as: UTF8.self)
    guard line.hasPrefix("http://127.0.0.1:") else {
      process.terminate()
      Issue.record("hostile_server.py --fault \(fault) --http 0 printed no URL: \(line)")
      throw EndToEndFailure()
    }
    return HostileHTTPServer(url: line, process: process)
  }

  /// Stops the server (`SIGKILL`: the test process may hand its children a blocked `SIGTERM`,
  /// and the server keeps nothing worth a clean exit) and waits for it.
  func stop() {
    guard process.isRunning else { return }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
  }
}
