import Glibc
import Synchronization
import Testing

@testable import PreflightCore

@Suite(.timeLimit(.minutes(5))) struct StdioServerTransportTests {
  typealias Support = StdioTestSupport

  /// Two fresh pipes for a server transport: the test writes to `input.write` and reads from
  /// `output.read`. Each descriptor is closed exactly once (tests run in parallel, and closing a
  /// number twice could close another test's descriptor).
  final class Pipes: Sendable {
    let input: (read: Int32, write: Int32)
    let output: (read: Int32, write: Int32)
    private let open: Mutex<Set<Int32>>

    init() throws {
      _ = Support.sigpipeIgnored
      input = try Support.makePipe()
      output = try Support.makePipe()
      open = Mutex([input.read, input.write, output.read, output.write])
    }

    /// Closes `fd` if it is still open.
    func close(_ fd: Int32) {
      if open.withLock({ $0.remove(fd) }) != nil {
        _ = Glibc.close(fd)
      }
    }

    /// Closes every descriptor still open.
    func closeAll() {
      for fd in open.withLock({ $0 }) {
        close(fd)
      }
    }
  }

  @Test func `frames written to the input arrive split the same way as the client's`()
    async throws
  {
    let pipes = try Pipes()
    defer { pipes.closeAll() }
    let transport = StdioServerTransport(input: pipes.input.read, output: pipes.output.write)
    let recorder = StdioEventRecorder(try await transport.open())
    Support.write("{\"jsonrpc\":", to: pipes.input.write)
    Support.write("\"2.0\"}\r\n\n", to: pipes.input.write)
    #expect(await recorder.waitForFrames(1))
    Support.write("not json\n{\"id\":", to: pipes.input.write)
    Support.write("2}\n", to: pipes.input.write)
    #expect(await recorder.waitForFrames(3))
    #expect(recorder.frameTexts == ["{\"jsonrpc\":\"2.0\"}", "not json", "{\"id\":2}"])
    await transport.close()
    #expect(await recorder.waitForClose() == .local)
  }

  @Test func `send writes the frame and a newline to the output`() async throws {
    let pipes = try Pipes()
    defer { pipes.closeAll() }
    let transport = StdioServerTransport(input: pipes.input.read, output: pipes.output.write)
    _ = try await transport.open()
    try await transport.send(Array("{\"id\":1}".utf8))
    try await transport.send(Array("{\"id\":2}".utf8))
    let written = Support.read(18, from: pipes.output.read)
    #expect(String(decoding: written, as: UTF8.self) == "{\"id\":1}\n{\"id\":2}\n")
    await transport.close()
  }

  @Test func `end of input closes the stream and answers can still be sent`() async throws {
    let pipes = try Pipes()
    defer { pipes.closeAll() }
    let transport = StdioServerTransport(input: pipes.input.read, output: pipes.output.write)
    let recorder = StdioEventRecorder(try await transport.open())
    Support.write("{\"id\":1}\n{\"id\":2}", to: pipes.input.write)
    pipes.close(pipes.input.write)
    #expect(await recorder.waitForClose() == .endOfStream)
    #expect(recorder.frameTexts == ["{\"id\":1}", "{\"id\":2}"])
    #expect(recorder.closeReasons.count == 1)
    try await transport.send(Array("late".utf8))
    #expect(Support.read(5, from: pipes.output.read) == Array("late\n".utf8))
    await transport.close()
    await #expect(throws: TransportError.self) { try await transport.send([0x31]) }
  }

  @Test func `close stops reading, reports a local close and leaves the descriptors open`()
    async throws
  {
    let pipes = try Pipes()
    defer { pipes.closeAll() }
    let transport = StdioServerTransport(input: pipes.input.read, output: pipes.output.write)
    let recorder = StdioEventRecorder(try await transport.open())
    await transport.close()
    await transport.close()
    #expect(await recorder.waitForClose() == .local)
    #expect(recorder.closeReasons == [.local])
    #expect(fcntl(pipes.input.read, F_GETFD) != -1)
    #expect(fcntl(pipes.output.write, F_GETFD) != -1)
    await #expect(throws: TransportError.self) { try await transport.send([0x31]) }
    await #expect(throws: TransportError.self) { _ = try await transport.open() }
  }

  @Test func `sending to an output nobody reads throws a broken pipe error`() async throws {
    let pipes = try Pipes()
    defer { pipes.closeAll() }
    let transport = StdioServerTransport(input: pipes.input.read, output: pipes.output.write)
    _ = try await transport.open()
    pipes.close(pipes.output.read)
    let error = await #expect(throws: TransportError.self) {
      try await transport.send(Array("{}".utf8))
    }
    #expect(
      error?.message == "cannot write to stdout: the other side stopped reading (broken pipe)")
    await transport.close()
  }
}
