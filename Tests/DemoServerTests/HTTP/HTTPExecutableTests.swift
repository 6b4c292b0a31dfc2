import DemoServer
import Foundation
import Glibc
import PreflightTestSupport
import Testing

/// The built `preflight demo-server --http 0`, run as a child process.
@Suite struct HTTPExecutableTests {
  /// Reads the child's standard output until a full line arrives or `limit` passes.
  static func firstLine(of fd: Int32, within limit: Duration) async throws -> (String, [UInt8]) {
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    var bytes: [UInt8] = []
    let deadline = ContinuousClock.now + limit
    while !bytes.contains(10) {
      var chunk = [UInt8](repeating: 0, count: 4096)
      let got = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
      if got > 0 {
        bytes += chunk[..<got]
      } else if got == 0 {
        throw HTTPTestClientError("the server closed its output: \(bytes)")
      } else {
        guard ContinuousClock.now < deadline else {
          throw HTTPTestClientError("no URL line within \(limit)")
        }
        try await Task.sleep(for: .milliseconds(10))
      }
    }
    let newline = bytes.firstIndex(of: 10)!
    return (String(decoding: bytes[..<newline], as: UTF8.self), Array(bytes[(newline + 1)...]))
  }

  /// Waits for the process to exit, or `limit` to pass.
  static func waitForExit(_ process: Process, within limit: Duration) async throws -> Bool {
    let deadline = ContinuousClock.now + limit
    while process.isRunning {
      guard ContinuousClock.now < deadline else { return false }
      try await Task.sleep(for: .milliseconds(20))
    }
    return true
  }

  @Test(arguments: [SIGTERM, SIGINT])
  func `the built executable prints its URL, serves, and exits cleanly on a signal`(
    signal: Int32
  ) async throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try PackagePaths.preflight())
    process.arguments = ["demo-server", "--http", "0", "--page-size", "3"]
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    try process.run()
    defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

    let (line, extra) = try await Self.firstLine(
      of: output.fileHandleForReading.fileDescriptor, within: .seconds(20))
    #expect(extra.isEmpty)
    #expect(line.hasPrefix("http://127.0.0.1:") && line.hasSuffix("/mcp"))
    let portText = line.dropFirst("http://127.0.0.1:".count).dropLast("/mcp".count)
    let port = try #require(UInt16(portText))
    #expect(port != 0)

    // A session, with the page size given on the command line; the connection stays open
    // while the signal arrives.
    let client = try HTTPTestClient(port: port)
    let session = try await client.initializeSession()
    let listed = try await client.resultOf("tools/list", session: session)
    #expect(listed["tools"]?.arrayValue?.count == 3)

    kill(process.processIdentifier, signal)
    #expect(try await Self.waitForExit(process, within: .seconds(10)))
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 0)
    let rest = output.fileHandleForReading.readDataToEndOfFile()
    #expect(rest.isEmpty, "only the URL line goes to standard output")
  }

  @Test func `a port already in use is a transport failure, exit code 3`() async throws {
    let holder = DemoHTTPServer()
    let port = try holder.start(port: 0)
    let run = try await ProcessRunner.run(
      try PackagePaths.preflight(), ["demo-server", "--http", String(port)],
      timeout: .seconds(20))
    await holder.stop()
    #expect(run.exitStatus == 3)
    #expect(run.stdout.isEmpty)
    #expect(run.stderrText.contains("127.0.0.1:\(port)"))
  }

  @Test func `a port out of range is a usage error`() async throws {
    let run = try await ProcessRunner.run(
      try PackagePaths.preflight(), ["demo-server", "--http", "70000"], timeout: .seconds(20))
    #expect(run.exitStatus == 2)
  }
}
