import Glibc
import Synchronization

/// The server side of MCP's stdio transport: frames arrive one per line on this process's stdin
/// and go out one per line on its stdout.
///
/// A dedicated thread blocks reading the input (no polling interval) and splits it into lines the
/// same way `StdioTransport` does: `\n`-delimited, a trailing `\r` dropped, empty lines skipped,
/// bytes kept as they are. End of input gives `.closed(.endOfStream)`; `close()` gives
/// `.closed(.local)`. Writes go through a private serial queue, whole frames at a time.
///
/// The descriptors are injectable (tests use a pipe pair) and never closed by the transport.
/// Frames may still be sent after the input has ended (answers to requests in flight), until
/// `close()`.
///
/// - Important: The host process must ignore `SIGPIPE` (`signal(SIGPIPE, SIG_IGN)`) so that a
///   client that has gone makes `send` throw instead of killing the process.
public final class StdioServerTransport: Transport {
  /// "stdio".
  public let kind = "stdio"
  /// The descriptor frames are read from (0, stdin, by default).
  public let input: Int32
  /// The descriptor frames are written to (1, stdout, by default).
  public let output: Int32

  private struct Running: Sendable {
    var reader: StdioLineReader
    var writer: StdioFrameWriter
  }

  private enum Phase {
    case idle
    case running(Running)
    case finished
  }

  private struct State {
    var phase = Phase.idle
    var closeRequested = false
  }

  private let state = Mutex(State())
  /// Fires when the event stream has finished.
  private let done = StdioLatch()

  /// Makes a transport on `input` and `output` (by default this process's stdin and stdout).
  public init(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO) {
    self.input = input
    self.output = output
  }

  /// Starts reading the input and returns the event stream; throws if this transport was opened
  /// or closed before.
  public func open() async throws(TransportError) -> AsyncStream<TransportEvent> {
    let reader: StdioLineReader
    switch StdioLineReader.make() {
    case .success(let made):
      reader = made
    case .failure(let error):
      throw TransportError("cannot read stdin: cannot make a pipe: \(error.text)")
    }
    let (stream, continuation) = AsyncStream.makeStream(
      of: TransportEvent.self, bufferingPolicy: .unbounded)
    let writer = StdioFrameWriter(
      fd: output, closesDescriptor: false, failurePrefix: "cannot write to stdout",
      label: "preflight.stdio.server.stdout")
    let opened = state.withLock { state -> Bool in
      guard case .idle = state.phase, !state.closeRequested else { return false }
      state.phase = .running(Running(reader: reader, writer: writer))
      return true
    }
    guard opened else {
      reader.discard()
      throw TransportError("cannot read stdin: this transport was already used")
    }
    reader.start(
      name: "preflight.stdio.stdin", fd: input, closesDescriptor: false,
      onLines: { lines in
        if let event = StdioLineReader.frameEvent(lines) {
          continuation.yield(event)
        }
      },
      onEnd: { end in
        let closedLocally = self.state.withLock { $0.closeRequested }
        let reason: CloseReason
        switch end {
        case .stopped:
          reason = .local
        case .endOfFile:
          reason = closedLocally ? .local : .endOfStream
        case .failed(let code):
          reason =
            closedLocally
            ? .local : .failure("cannot read stdin: \(StdioPOSIX.describe(errno: code))")
        }
        continuation.yield(.closed(reason))
        continuation.finish()
        self.done.fire()
      })
    return stream
  }

  /// Writes one frame followed by a newline; throws once the transport is closed or if the
  /// output is gone.
  public func send(_ frame: [UInt8]) async throws(TransportError) {
    let writer = try state.withLock { state throws(TransportError) -> StdioFrameWriter in
      guard !state.closeRequested, case .running(let running) = state.phase else {
        throw TransportError("cannot write to stdout: the transport is closed")
      }
      return running.writer
    }
    try await writer.write(frame)
  }

  /// Stops reading, stops writing after frames already queued, and returns once the stream has
  /// ended; the descriptors stay open. Safe to call more than once.
  public func close() async {
    let running = state.withLock { state -> Running? in
      guard !state.closeRequested else { return nil }
      state.closeRequested = true
      switch state.phase {
      case .idle:
        state.phase = .finished
        done.fire()
        return nil
      case .running(let running):
        state.phase = .finished
        return running
      case .finished:
        return nil
      }
    }
    if let running {
      running.reader.stop()
      running.writer.closeDescriptor()
    }
    await done.wait()
  }
}
