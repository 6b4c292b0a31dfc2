import Dispatch
import Foundation
import Glibc
import Synchronization

/// A transport to an MCP server that runs as a child process and speaks newline-delimited
/// JSON-RPC on its stdin and stdout (MCP's stdio transport).
///
/// `open()` spawns the server (`posix_spawn`, its own process group, pipes for stdin, stdout and
/// stderr, no other inherited descriptors) and returns the event stream:
/// - (the start itself is ``openingNote``: "started COMMAND (pid N)", read once `open()`
///   returns, so the wire log records it before the first frame goes out);
/// - `.frame` for every non-empty stdout line, as soon as its newline arrives (a trailing `\r`
///   is dropped; bytes are kept as they are, JSON or not, valid UTF-8 or not); lines that one
///   read of the pipe completes together come as one `.frames` event, in order;
/// - `.stderr` for every stderr line (invalid UTF-8 repaired for display);
/// - `.note(kind: "process", …)` when shutdown closes stdin or sends a signal, when the process
///   ended during shutdown ("server process N exited with status 0"), and when a process the
///   server started still holds its pipes a second after it exited (reading then stops);
/// - `.closed` exactly once, last, after stdout and stderr are drained: `.local` if `close()` was
///   called, else `.processExited` with the exit status or signal and the last stderr lines.
///
/// Each pipe has its own blocking reader thread and the exit is collected by a third, so a frame
/// costs what the pipe costs: no polling interval. Writes go through a private serial queue and
/// never block Swift's cooperative threads.
///
/// - Important: The host process must ignore `SIGPIPE` (`signal(SIGPIPE, SIG_IGN)`) before
///   opening: writing to a server that has exited otherwise kills the host instead of making
///   `send` throw. The child itself starts with no signal blocked and every standard signal at
///   its default action (glibc's `posix_spawn` leaves its two internal real-time signals ignored).
///
/// A transport is used once: open, use, close. Always call `close()` (dropping the stream or the
/// transport does not stop the server); after the server has exited on its own it returns at
/// once. Processes the server leaves behind in its process group are signalled by `close()` only
/// while the server itself is still running.
public final class StdioTransport: Transport {
  /// "stdio".
  public let kind = "stdio"
  /// What this transport starts.
  public let command: StdioCommand
  /// How long `close()` waits after closing the server's stdin before sending `SIGTERM`.
  public let stdinGrace: Duration
  /// How long `close()` waits after `SIGTERM` before sending `SIGKILL`.
  public let terminateGrace: Duration

  /// How many recent stderr lines are kept (`recentStderr`).
  public static let stderrLinesKept = 20
  /// How many of them go into `.closed(.processExited(…))`.
  public static let stderrLinesReported = 10
  /// How long, after the server exits, its pipes may stay open (held by a process it started)
  /// before reading stops anyway.
  static let drainGrace = Duration.seconds(1)
  /// How long `close()` waits after `SIGKILL` before giving up on the process.
  static let killGrace = Duration.seconds(5)

  /// What exists while the server runs.
  private struct Running: Sendable {
    var pid: pid_t
    var writer: StdioFrameWriter
    var continuation: AsyncStream<TransportEvent>.Continuation
    /// Signalled once, when the process has exited (before it is reaped).
    var exited: DispatchSemaphore
  }

  private enum Phase {
    case idle
    case running(Running)
    case finished
  }

  private struct State {
    var phase = Phase.idle
    var closeRequested = false
    /// The process has exited; from then on no signal may be sent to its id.
    var exited = false
    var pid: pid_t?
    var stderrTail: [String] = []
    var startNote: String?
  }

  private let state = Mutex(State())
  /// Fires when the event stream has finished (or `close()` gave up on an unkillable process).
  private let done = StdioLatch()

  /// Makes a transport that will start `command`; `close()` waits `stdinGrace` after closing the
  /// server's stdin and `terminateGrace` after `SIGTERM` before escalating.
  public init(
    _ command: StdioCommand, stdinGrace: Duration = .seconds(2),
    terminateGrace: Duration = .seconds(2)
  ) {
    self.command = command
    self.stdinGrace = stdinGrace
    self.terminateGrace = terminateGrace
  }

  /// Makes a transport that will start `commandLine` (the program looked up in `PATH`) with
  /// `environment` over this process's and, if given, in `workingDirectory`.
  public convenience init(
    commandLine: [String], environment: [String: String] = [:], workingDirectory: String? = nil
  ) {
    self.init(
      StdioCommand(commandLine, environment: environment, workingDirectory: workingDirectory))
  }

  /// The server's process id (also its process group id), once started.
  public var pid: Int32? { state.withLock { $0.pid } }

  /// "started COMMAND (pid N)", once `open()` has returned.
  public var openingNote: (kind: String, text: String)? {
    state.withLock { $0.startNote }.map { (kind: "process", text: $0) }
  }

  /// The last lines the server wrote to stderr, oldest first (at most `stderrLinesKept`, blank
  /// lines left out).
  public var recentStderr: [String] { state.withLock { $0.stderrTail } }

  /// Starts the server and returns its event stream; throws if it cannot be started, or if this
  /// transport was opened or closed before.
  public func open() async throws(TransportError) -> AsyncStream<TransportEvent> {
    let name = command.programName
    let outputReader: StdioLineReader
    let errorReader: StdioLineReader
    switch (StdioLineReader.make(), StdioLineReader.make()) {
    case (.success(let first), .success(let second)):
      (outputReader, errorReader) = (first, second)
    case (let first, let second):
      var text = ""
      for result in [first, second] {
        switch result {
        case .success(let reader): reader.discard()
        case .failure(let error): text = error.text
        }
      }
      throw TransportError("cannot start '\(name)': cannot make a pipe: \(text)")
    }

    let (stream, continuation) = AsyncStream.makeStream(
      of: TransportEvent.self, bufferingPolicy: .unbounded)
    let environment = ProcessInfo.processInfo.environment
    let failure = state.withLock { state -> (error: TransportError, launchFailed: Bool)? in
      guard case .idle = state.phase, !state.closeRequested else {
        return (TransportError("cannot start '\(name)': this transport was already used"), false)
      }
      switch ProcessLauncher.launch(command, baseEnvironment: environment) {
      case .success(let child):
        let writer = StdioFrameWriter(
          fd: child.stdin, closesDescriptor: true, failurePrefix: "cannot send to '\(name)'",
          label: "preflight.stdio.stdin.\(child.pid)")
        let running = Running(
          pid: child.pid, writer: writer, continuation: continuation,
          exited: DispatchSemaphore(value: 0))
        state.phase = .running(running)
        state.pid = child.pid
        state.startNote = "started \(command.displayText) (pid \(child.pid))"
        startThreads(child, running, outputReader, errorReader)
        return nil
      case .failure(let error):
        state.phase = .finished
        return (error, true)
      }
    }
    guard let failure else { return stream }
    outputReader.discard()
    errorReader.discard()
    continuation.finish()
    if failure.launchFailed {
      done.fire()
    }
    throw failure.error
  }

  /// Sends one frame followed by a newline; throws if the server is gone or the transport is
  /// closed.
  public func send(_ frame: [UInt8]) async throws(TransportError) {
    let prefix = "cannot send to '\(command.programName)'"
    let writer = try state.withLock { state throws(TransportError) -> StdioFrameWriter in
      if state.closeRequested {
        throw TransportError("\(prefix): the transport is closed")
      }
      switch state.phase {
      case .idle:
        throw TransportError("\(prefix): the transport is not open")
      case .finished:
        if state.pid == nil {
          throw TransportError("\(prefix): the server did not start")
        }
        throw TransportError("\(prefix): the server process has exited", channelGone: true)
      case .running(let running):
        return running.writer
      }
    }
    try await writer.write(frame)
  }

  /// Shuts the server down as MCP says: closes its stdin, waits `stdinGrace`, sends `SIGTERM` to
  /// its process group, waits `terminateGrace`, then sends `SIGKILL`; returns once the process is
  /// reaped and the event stream has ended with `.closed(.local)`.
  ///
  /// Safe to call more than once and from several tasks; every call returns when shutdown is
  /// over. Gives up (and returns) if the process survives `SIGKILL` for 5 seconds.
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
        return running
      case .finished:
        return nil
      }
    }
    if let running {
      let thread = Thread { self.shutDown(running) }
      thread.name = "preflight.stdio.shutdown.\(running.pid)"
      thread.start()
    }
    await done.wait()
  }

  // MARK: - Threads

  /// Starts the stdout and stderr readers and the thread that waits for the exit.
  private func startThreads(
    _ child: ProcessLauncher.Child, _ running: Running,
    _ outputReader: StdioLineReader, _ errorReader: StdioLineReader
  ) {
    let continuation = running.continuation
    let readers = DispatchGroup()
    readers.enter()
    readers.enter()
    outputReader.start(
      name: "preflight.stdio.stdout.\(child.pid)", fd: child.stdout, closesDescriptor: true,
      onLines: { lines in
        if let event = StdioLineReader.frameEvent(lines) {
          continuation.yield(event)
        }
      },
      onEnd: { end in
        if case .failed(let code) = end {
          continuation.yield(
            .note(
              kind: "process",
              text: "cannot read the server's stdout: \(StdioPOSIX.describe(errno: code))"))
        }
        readers.leave()
      })
    errorReader.start(
      name: "preflight.stdio.stderr.\(child.pid)", fd: child.stderr, closesDescriptor: true,
      onLines: { lines in
        for line in lines {
          let text = String(decoding: line, as: UTF8.self)
          self.remember(stderrLine: text)
          continuation.yield(.stderr(text))
        }
      },
      onEnd: { _ in readers.leave() })
    let waiter = Thread {
      self.awaitExit(running, readers: readers, stopReaders: [outputReader, errorReader])
    }
    waiter.name = "preflight.stdio.wait.\(child.pid)"
    waiter.start()
  }

  /// Keeps a stderr line for the exit report.
  private func remember(stderrLine line: String) {
    guard !line.allSatisfy(\.isWhitespace) else { return }
    var kept = line
    if kept.utf8.count > 2_000 {
      kept = String(kept.prefix(1_000)) + " …"
    }
    state.withLock { state in
      state.stderrTail.append(kept)
      if state.stderrTail.count > Self.stderrLinesKept {
        state.stderrTail.removeFirst(state.stderrTail.count - Self.stderrLinesKept)
      }
    }
  }

  /// The waiting thread: waits for the exit, reaps, drains both pipes, then ends the stream.
  private func awaitExit(
    _ running: Running, readers: DispatchGroup, stopReaders: [StdioLineReader]
  ) {
    let pid = running.pid
    var info = siginfo_t()
    // Wait without reaping, so that no signal can reach a recycled process id.
    while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) != 0, errno == EINTR {}
    state.withLock { $0.exited = true }
    running.exited.signal()
    var status: Int32 = 0
    var reaped: pid_t = -1
    repeat {
      reaped = waitpid(pid, &status, 0)
    } while reaped < 0 && errno == EINTR
    let termination = reaped == pid ? ProcessTermination(waitStatus: status) : ProcessTermination()

    if readers.wait(timeout: .now() + Self.interval(Self.drainGrace)) == .timedOut {
      running.continuation.yield(
        .note(
          kind: "process",
          text: "server process \(pid) \(termination), but another process still holds its "
            + "stdout or stderr; stopped reading"))
      for reader in stopReaders {
        reader.stop()
      }
      readers.wait()
    }
    running.writer.closeDescriptor()

    let (closedLocally, tail) = state.withLock { state -> (Bool, [String]) in
      state.phase = .finished
      return (state.closeRequested, state.stderrTail)
    }
    if closedLocally {
      running.continuation.yield(
        .note(kind: "process", text: "server process \(pid) \(termination)"))
      running.continuation.yield(.closed(.local))
    } else {
      running.continuation.yield(
        .closed(
          .processExited(
            status: termination.status, signal: termination.signal,
            lastStderr: Array(tail.suffix(Self.stderrLinesReported)))))
    }
    running.continuation.finish()
    done.fire()
  }

  /// The shutdown thread: close stdin, wait, `SIGTERM`, wait, `SIGKILL`, wait.
  private func shutDown(_ running: Running) {
    let pid = running.pid
    running.writer.closeDescriptor()
    note(
      running,
      unlessExited: "shutting down: closed the server's stdin, waiting up to "
        + "\(Self.seconds(stdinGrace)) for it to exit")
    if running.exited.wait(timeout: .now() + Self.interval(stdinGrace)) == .success { return }
    signal(
      running, SIGTERM,
      note: "sent SIGTERM to process group \(pid), waiting up to \(Self.seconds(terminateGrace))")
    if running.exited.wait(timeout: .now() + Self.interval(terminateGrace)) == .success { return }
    signal(running, SIGKILL, note: "sent SIGKILL to process group \(pid)")
    if running.exited.wait(timeout: .now() + Self.interval(Self.killGrace)) == .success { return }
    note(running, unlessExited: "server process \(pid) survived SIGKILL; giving up on it")
    done.fire()
  }

  /// Yields a note, unless the process has already exited (its `.closed` may be on its way).
  private func note(_ running: Running, unlessExited text: String) {
    state.withLock { state in
      if !state.exited {
        running.continuation.yield(.note(kind: "process", text: text))
      }
    }
  }

  /// Sends `signal` to the server's process group (or to the process alone, if it left its
  /// group), unless it has already exited; yields `note` when sent.
  private func signal(_ running: Running, _ signal: Int32, note text: String) {
    state.withLock { state in
      guard !state.exited else { return }
      if kill(-running.pid, signal) != 0 {
        _ = kill(running.pid, signal)
      }
      running.continuation.yield(.note(kind: "process", text: text))
    }
  }

  /// A `Duration` as a Dispatch interval (whole nanoseconds, clamped to a day).
  private static func interval(_ duration: Duration) -> DispatchTimeInterval {
    let (seconds, attoseconds) = duration.components
    guard seconds >= 0, attoseconds >= 0 else { return .nanoseconds(0) }
    return .nanoseconds(
      Int(min(seconds, 86_400)) * 1_000_000_000 + Int(attoseconds / 1_000_000_000))
  }

  /// A `Duration` for notes: "2 s", "0.5 s".
  private static func seconds(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    let milliseconds = Int(seconds) * 1_000 + Int(attoseconds / 1_000_000_000_000_000)
    if milliseconds % 1_000 == 0 { return "\(milliseconds / 1_000) s" }
    return "\(Double(milliseconds) / 1_000) s"
  }
}
