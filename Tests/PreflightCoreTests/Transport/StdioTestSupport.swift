import Glibc

@testable import PreflightCore

/// Helpers shared by the stdio transport tests.
enum StdioTestSupport {
  /// Ignores `SIGPIPE` once for the test process, as `StdioTransport` requires of its host.
  static let sigpipeIgnored: Void = {
    _ = signal(SIGPIPE, SIG_IGN)
  }()

  /// A command line that runs `script` with `/bin/sh`.
  static func sh(_ script: String) -> [String] {
    ["/bin/sh", "-c", script]
  }

  /// A command line that runs `code` with `python3`.
  static func python(_ code: String) -> [String] {
    ["python3", "-c", code]
  }

  /// Makes a transport (after ignoring `SIGPIPE`).
  static func transport(
    _ commandLine: [String], environment: [String: String] = [:],
    workingDirectory: String? = nil, stdinGrace: Duration = .seconds(2),
    terminateGrace: Duration = .seconds(2)
  ) -> StdioTransport {
    _ = sigpipeIgnored
    return StdioTransport(
      StdioCommand(commandLine, environment: environment, workingDirectory: workingDirectory),
      stdinGrace: stdinGrace, terminateGrace: terminateGrace)
  }

  /// Opens a transport for `commandLine`, runs `body` with it and a recorder of its events, and
  /// closes it afterwards, even if `body` throws.
  static func withServer<Result>(
    _ commandLine: [String], environment: [String: String] = [:],
    workingDirectory: String? = nil, stdinGrace: Duration = .seconds(2),
    terminateGrace: Duration = .seconds(2),
    _ body: (StdioTransport, StdioEventRecorder) async throws -> Result
  ) async throws -> Result {
    let transport = transport(
      commandLine, environment: environment, workingDirectory: workingDirectory,
      stdinGrace: stdinGrace, terminateGrace: terminateGrace)
    let recorder = StdioEventRecorder(try await transport.open())
    do {
      let result = try await body(transport, recorder)
      await transport.close()
      return result
    } catch {
      await transport.close()
      throw error
    }
  }

  /// The 20 MB test line: every byte value except `\n` and `\r`, repeated, cut to `count`.
  static func bigLine(count: Int) -> [UInt8] {
    let pattern = (0...255).map(UInt8.init).filter { $0 != 0x0A && $0 != 0x0D }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(count + pattern.count)
    while bytes.count < count {
      bytes.append(contentsOf: pattern)
    }
    bytes.removeLast(bytes.count - count)
    return bytes
  }

  /// Makes a pipe for a test (plain `pipe`, both ends open).
  static func makePipe() throws -> (read: Int32, write: Int32) {
    var fds: [Int32] = [-1, -1]
    guard pipe(&fds) == 0 else { throw TransportError("pipe failed: \(errno)") }
    return (fds[0], fds[1])
  }

  /// Writes all of `text` to `fd`.
  static func write(_ text: String, to fd: Int32) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let count = bytes[offset...].withUnsafeMutableBytes {
        Glibc.write(fd, $0.baseAddress, $0.count)
      }
      if count <= 0 { return }
      offset += count
    }
    bytes.removeAll()
  }

  /// Reads from `fd` until `count` bytes have arrived or the other end closes.
  static func read(_ count: Int, from fd: Int32) -> [UInt8] {
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while bytes.count < count {
      let got = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if got <= 0 { break }
      bytes.append(contentsOf: buffer[..<got])
    }
    return bytes
  }
}
