import Foundation
import Glibc

/// What a child process left behind: how it ended, what it printed, how long it took.
public struct ProcessOutput: Sendable {
  /// The exit status, when the process exited (nil when a signal killed it).
  public var exitStatus: Int32?
  /// The signal that killed the process, when one did.
  public var signal: Int32?
  /// Everything it wrote to standard output.
  public var stdout: [UInt8]
  /// Everything it wrote to standard error.
  public var stderr: [UInt8]
  /// Whether the timeout expired and the process group was killed.
  public var timedOut: Bool
  /// From spawn until the process had exited and its output was read.
  public var elapsed: Duration

  /// Standard output as text (invalid UTF-8 repaired).
  public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
  /// Standard error as text (invalid UTF-8 repaired).
  public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
}

/// A child process that could not be started.
public struct ProcessRunnerError: Error, CustomStringConvertible {
  /// What went wrong.
  public var description: String
}

/// Runs a program as a child process, feeds it standard input, collects standard output and
/// standard error, and kills it when it runs too long.
///
/// The child runs in a process group of its own, and a timeout kills the whole group with
/// `SIGKILL`. It starts with every signal at its default action and none blocked, and inherits
/// no descriptor but its three standard ones. When the child has exited but something it
/// started still holds its output open, the output is collected for a short grace period and
/// then left. This process ignores `SIGPIPE` from the first run on, so that writing to a child
/// that has gone is an error rather than death.
public enum ProcessRunner {
  /// Runs `program` (a path, or a name looked up in `PATH`) with `arguments`.
  ///
  /// - Parameters:
  ///   - stdin: bytes written to the child's standard input, which is then closed (it is always
  ///     a pipe, never a terminal).
  ///   - closeStdinAfterOutputLines: keep standard input open until the child has printed this
  ///     many lines on standard output (for driving a server that stops at end of input).
  ///   - environment: the child's whole environment; nil inherits this process's.
  ///   - stdoutIsTerminal: make standard output a pseudo-terminal (100 columns, no output
  ///     processing) instead of a pipe.
  ///   - timeout: how long the child may run before its process group is killed.
  public static func run(
    _ program: String, _ arguments: [String] = [], stdin: [UInt8] = [],
    closeStdinAfterOutputLines: Int? = nil, environment: [String: String]? = nil,
    stdoutIsTerminal: Bool = false, timeout: Duration = .seconds(30)
  ) async throws(ProcessRunnerError) -> ProcessOutput {
    let request = Request(
      commandLine: [program] + arguments, stdin: stdin,
      closeStdinAfterLines: closeStdinAfterOutputLines,
      environment: environment ?? ProcessInfo.processInfo.environment,
      stdoutIsTerminal: stdoutIsTerminal, timeout: timeout)
    let result = await withCheckedContinuation {
      (continuation: CheckedContinuation<Result<ProcessOutput, ProcessRunnerError>, Never>) in
      // The loop blocks in poll(2); it gets a thread of its own, not one of the pool's.
      let thread = Thread { continuation.resume(returning: request.execute()) }
      thread.start()
    }
    return try result.get()
  }

  /// This process's environment with `adding` set and `removing` unset.
  public static func environment(
    adding: [String: String] = [:], removing: [String] = []
  ) -> [String: String] {
    var values = ProcessInfo.processInfo.environment
    for name in removing { values[name] = nil }
    values.merge(adding) { _, new in new }
    return values
  }
}

// MARK: - The blocking implementation

private typealias UnlockPTFunction = @convention(c) (Int32) -> Int32
private typealias PTSNameFunction =
  @convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) ->
  Int32

private let ignoreSIGPIPE: Void = {
  _ = signal(SIGPIPE, SIG_IGN)
}()

private func systemError(_ what: String, _ code: Int32 = errno) -> ProcessRunnerError {
  ProcessRunnerError(description: "\(what): \(String(cString: strerror(code)))")
}

/// A close-on-exec pipe: `[read, write]`.
private func makePipe() throws(ProcessRunnerError) -> (read: Int32, write: Int32) {
  guard let pipe = SpawnSupport.closeOnExecPipe() else { throw systemError("cannot make a pipe") }
  return pipe
}

/// A pseudo-terminal: the controller to read from and the terminal end to give the child.
private func makeTerminal() throws(ProcessRunnerError) -> (controller: Int32, terminal: Int32) {
  let controller = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
  guard controller >= 0 else { throw systemError("cannot open /dev/ptmx") }
  guard let unlock = SpawnSupport.lookUp("unlockpt", as: UnlockPTFunction.self),
    let name = SpawnSupport.lookUp("ptsname_r", as: PTSNameFunction.self)
  else {
    close(controller)
    throw ProcessRunnerError(description: "this C library has no unlockpt or ptsname_r")
  }
  var path = [CChar](repeating: 0, count: 256)
  func pathText() -> String {
    String(decoding: path.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
  guard unlock(controller) == 0, name(controller, &path, path.count) == 0 else {
    let code = errno
    close(controller)
    throw systemError("cannot set up a pseudo-terminal", code)
  }
  let terminal = open(path, O_RDWR | O_NOCTTY | O_CLOEXEC)
  guard terminal >= 0 else {
    let code = errno
    close(controller)
    throw systemError("cannot open \(pathText())", code)
  }
  var attributes = termios()
  if tcgetattr(terminal, &attributes) == 0 {
    attributes.c_oflag &= ~tcflag_t(OPOST)
    _ = tcsetattr(terminal, TCSANOW, &attributes)
  }
  var size = winsize(ws_row: 40, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
  _ = ioctl(terminal, UInt(TIOCSWINSZ), &size)
  return (controller, terminal)
}

/// One output stream being collected.
private struct Collector {
  var fd: Int32
  var bytes: [UInt8] = []
  var open: Bool { fd >= 0 }

  /// Reads what is available; closes at end of file (or `EIO`, a pseudo-terminal's end).
  mutating func drain() {
    var buffer = [UInt8](repeating: 0, count: 65536)
    while fd >= 0 {
      let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if count > 0 {
        bytes.append(contentsOf: buffer[0..<count])
        continue
      }
      if count < 0 && errno == EINTR { continue }
      if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { return }
      close(fd)
      fd = -1
    }
  }

  mutating func abandon() {
    if fd >= 0 {
      close(fd)
      fd = -1
    }
  }
}

private struct Request: Sendable {
  var commandLine: [String]
  var stdin: [UInt8]
  var closeStdinAfterLines: Int?
  var environment: [String: String]
  var stdoutIsTerminal: Bool
  var timeout: Duration

  /// How long output is still collected after the child exited while something else holds its
  /// output open.
  static let grace: Duration = .milliseconds(300)

  func execute() -> Result<ProcessOutput, ProcessRunnerError> {
    do {
      return .success(try spawnAndCollect())
    } catch {
      return .failure(error)
    }
  }

  private func spawnAndCollect() throws(ProcessRunnerError) -> ProcessOutput {
    _ = ignoreSIGPIPE
    var opened: [Int32] = []
    func closeOpened() {
      for fd in opened { close(fd) }
    }
    let input: (read: Int32, write: Int32)
    let output: (read: Int32, write: Int32)
    let errors: (read: Int32, write: Int32)
    do throws(ProcessRunnerError) {
      input = try makePipe()
      opened += [input.read, input.write]
      if stdoutIsTerminal {
        let pty = try makeTerminal()
        output = (pty.controller, pty.terminal)
      } else {
        output = try makePipe()
      }
      opened += [output.read, output.write]
      errors = try makePipe()
    } catch {
      closeOpened()
      throw error
    }

    let clock = ContinuousClock()
    let start = clock.now
    var pid: pid_t = 0
    let spawned = spawn(&pid, input: input.read, output: output.write, errors: errors.write)
    close(input.read)
    close(output.write)
    close(errors.write)
    guard spawned == 0 else {
      close(input.write)
      close(output.read)
      close(errors.read)
      throw systemError("cannot start '\(commandLine[0])'", spawned)
    }

    for fd in [input.write, output.read, errors.read] {
      _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    }
    var stdinFD = input.write
    var pending = stdin[...]
    var out = Collector(fd: output.read)
    var err = Collector(fd: errors.read)
    let deadline = start + timeout
    var waitStatus: Int32?
    var exitedAt: ContinuousClock.Instant?
    var timedOut = false

    func closeStdinIfDone() {
      guard stdinFD >= 0, pending.isEmpty else { return }
      if let lines = closeStdinAfterLines, out.open,
        out.bytes.lazy.filter({ $0 == 0x0A }).count < lines
      {
        return
      }
      close(stdinFD)
      stdinFD = -1
    }

    while true {
      if waitStatus == nil {
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid {
          waitStatus = status
          exitedAt = clock.now
        }
      }
      if waitStatus != nil {
        if !out.open && !err.open { break }
        if let exitedAt, clock.now - exitedAt > Self.grace { break }
      }
      if clock.now >= deadline {
        timedOut = true
        kill(-pid, SIGKILL)
        kill(pid, SIGKILL)
        if waitStatus == nil {
          var status: Int32 = 0
          while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
          waitStatus = status
        }
        out.drain()
        err.drain()
        break
      }
      closeStdinIfDone()

      var entries: [pollfd] = []
      if stdinFD >= 0 && !pending.isEmpty {
        entries.append(pollfd(fd: stdinFD, events: Int16(POLLOUT), revents: 0))
      }
      for fd in [out.fd, err.fd] where fd >= 0 {
        entries.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0))
      }
      // Waiting for output needs no floor; waiting for exit (or past a held-open pipe) checks
      // waitpid every few milliseconds.
      let remaining = deadline - clock.now
      let slice: Duration =
        waitStatus != nil
        ? .milliseconds(20) : entries.isEmpty ? .milliseconds(2) : .milliseconds(50)
      let wait = max(Duration.zero, min(remaining, slice))
      let milliseconds = Int32(
        wait.components.seconds * 1000 + wait.components.attoseconds / 1_000_000_000_000_000)
      _ = entries.withUnsafeMutableBufferPointer {
        poll($0.baseAddress, nfds_t($0.count), max(1, milliseconds))
      }
      for entry in entries where entry.revents != 0 {
        if entry.fd == stdinFD {
          if entry.revents & Int16(POLLERR | POLLHUP) != 0 {
            close(stdinFD)
            stdinFD = -1
            pending = []
            continue
          }
          let written = pending.withUnsafeBytes { write(stdinFD, $0.baseAddress, $0.count) }
          if written > 0 {
            pending = pending.dropFirst(written)
          } else if written < 0 && errno != EAGAIN && errno != EINTR && errno != EWOULDBLOCK {
            close(stdinFD)
            stdinFD = -1
            pending = []
          }
        } else if entry.fd == out.fd {
          out.drain()
        } else if entry.fd == err.fd {
          err.drain()
        }
      }
    }
    if stdinFD >= 0 { close(stdinFD) }
    out.abandon()
    err.abandon()

    let status = waitStatus ?? 0
    let low = status & 0x7F
    return ProcessOutput(
      exitStatus: low == 0 ? (status >> 8) & 0xFF : nil,
      signal: low != 0 && low != 0x7F ? low : nil,
      stdout: out.bytes, stderr: err.bytes, timedOut: timedOut, elapsed: clock.now - start)
  }

  /// Starts the child in a process group of its own with the given standard descriptors;
  /// returns 0 or an `errno`.
  private func spawn(_ pid: inout pid_t, input: Int32, output: Int32, errors: Int32) -> Int32 {
    var actions = posix_spawn_file_actions_t()
    var attributes = posix_spawnattr_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    posix_spawn_file_actions_adddup2(&actions, input, 0)
    posix_spawn_file_actions_adddup2(&actions, output, 1)
    posix_spawn_file_actions_adddup2(&actions, errors, 2)
    SpawnSupport.isolate(&actions, &attributes)

    let pairs = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    return SpawnSupport.withCStrings(commandLine) { argv in
      SpawnSupport.withCStrings(pairs) { envp in
        posix_spawnp(&pid, commandLine[0], &actions, &attributes, argv, envp)
      }
    }
  }
}
