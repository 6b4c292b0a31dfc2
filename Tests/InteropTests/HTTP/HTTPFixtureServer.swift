import Foundation
import Glibc
import PreflightTestSupport
import Synchronization

/// One HTTP fixture server process, started by a test: its URL line read from standard output
/// with a deadline, its standard error kept in a file for failure messages, and `SIGTERM` at the
/// end.
///
/// The child runs in a process group of its own with every signal at its default action, its
/// standard input is `/dev/null`, and it inherits no descriptor but its three standard ones (the
/// tests start many processes at once; a stray inherited pipe would keep another test's reader
/// waiting).
final class HTTPFixtureServer: Sendable {
  /// The process id (also its process group id).
  let pid: pid_t
  /// The URL the server printed when it was ready (`http://127.0.0.1:PORT/mcp` or `…/sse`;
  /// `https://` when it serves TLS).
  let url: String
  /// What the test calls the server, for messages.
  let name: String
  /// The file that receives the server's standard error.
  let stderrPath: String
  private let stdoutFD: Int32
  private let stopTask = Mutex<Task<Int32, Never>?>(nil)
  private let cleaned = Mutex(false)

  private init(pid: pid_t, url: String, name: String, stderrPath: String, stdoutFD: Int32) {
    self.pid = pid
    self.url = url
    self.name = name
    self.stderrPath = stderrPath
    self.stdoutFD = stdoutFD
  }

  /// Everything the server wrote to standard error so far.
  var stderrText: String {
    (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? ""
  }

  /// Starts `commandLine` (the program as an absolute path) and waits until it prints its URL
  /// line, at most `deadline`. Throws, with the server's standard error, when it exits or stays
  /// silent; a silent server is killed.
  static func start(
    _ commandLine: [String], name: String, deadline: Duration = .seconds(90)
  ) async throws -> HTTPFixtureServer {
    let stderrPath =
      FileManager.default.temporaryDirectory.path
      + "/preflight-http-fixture-\(UUID().uuidString).stderr"
    let result = await withCheckedContinuation {
      (continuation: CheckedContinuation<Result<HTTPFixtureServer, InteropFailure>, Never>) in
      // The wait blocks in poll(2); it gets a thread of its own, not one of the pool's.
      let thread = Thread {
        continuation.resume(
          returning: launch(
            commandLine, name: name, stderrPath: stderrPath, deadline: deadline))
      }
      thread.start()
    }
    return try result.get()
  }

  /// Sends `SIGTERM` and waits for the exit, at most `grace`; then kills the process group.
  /// Returns the exit status (nil when a signal ended the process). Safe to call more than once
  /// and from several tasks: they all wait for the same stop.
  @discardableResult
  func terminate(grace: Duration = .seconds(5)) async -> Int32? {
    let pid = self.pid
    let stopping = stopTask.withLock { task -> Task<Int32, Never> in
      if let task { return task }
      let made = Task {
        await withCheckedContinuation { (continuation: CheckedContinuation<Int32, Never>) in
          let thread = Thread {
            continuation.resume(returning: Self.stop(pid, grace: grace))
          }
          thread.start()
        }
      }
      task = made
      return made
    }
    let status = await stopping.value
    let first = cleaned.withLock { done -> Bool in
      defer { done = true }
      return !done
    }
    if first {
      close(stdoutFD)
      try? FileManager.default.removeItem(atPath: stderrPath)
    }
    return Self.exitStatus(status)
  }

  private static func exitStatus(_ status: Int32) -> Int32? {
    status & 0x7F == 0 ? (status >> 8) & 0xFF : nil
  }

  // MARK: - Blocking parts (on threads of their own)

  private static func launch(
    _ commandLine: [String], name: String, stderrPath: String, deadline: Duration
  ) -> Result<HTTPFixtureServer, InteropFailure> {
    guard let (readFD, writeFD) = SpawnSupport.closeOnExecPipe() else {
      return .failure(
        InteropFailure("\(name): cannot make a pipe: \(String(cString: strerror(errno)))"))
    }

    var actions = posix_spawn_file_actions_t()
    var attributes = posix_spawnattr_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, writeFD, 1)
    posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    SpawnSupport.isolate(&actions, &attributes)

    var pid: pid_t = 0
    let environment = ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }
    let spawned = SpawnSupport.withCStrings(commandLine) { argv in
      SpawnSupport.withCStrings(environment) { envp in
        posix_spawn(&pid, commandLine[0], &actions, &attributes, argv, envp)
      }
    }
    close(writeFD)
    guard spawned == 0 else {
      close(readFD)
      return .failure(
        InteropFailure(
          "\(name): cannot start \(commandLine[0]): \(String(cString: strerror(spawned)))"))
    }

    let clock = ContinuousClock()
    let end = clock.now + deadline
    var line: [UInt8] = []
    var why: String?
    reading: while true {
      if let newline = line.firstIndex(of: 0x0A) {
        line = Array(line[..<newline])
        break
      }
      let remaining = end - clock.now
      guard remaining > .zero else {
        why = "printed no URL line within \(deadline)"
        break
      }
      let milliseconds = max(
        1,
        Int32(
          remaining.components.seconds * 1000 + remaining.components.attoseconds
            / 1_000_000_000_000_000))
      var entry = pollfd(fd: readFD, events: Int16(POLLIN), revents: 0)
      let ready = poll(&entry, 1, milliseconds)
      if ready < 0 && errno == EINTR { continue }
      guard ready > 0 else { continue }
      var buffer = [UInt8](repeating: 0, count: 4096)
      let count = buffer.withUnsafeMutableBytes { read(readFD, $0.baseAddress, $0.count) }
      if count > 0 {
        line.append(contentsOf: buffer[0..<count])
      } else if count < 0 && errno == EINTR {
        continue
      } else {
        why = "closed its standard output before printing a URL line"
        break reading
      }
    }
    let text = String(decoding: line, as: UTF8.self)
    if why == nil, !(text.hasPrefix("http://127.0.0.1:") || text.hasPrefix("https://127.0.0.1:")) {
      why = "printed '\(text)' instead of a URL line"
    }
    if let why {
      let status = stop(pid, grace: .seconds(2))
      close(readFD)
      let stderr = (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? ""
      try? FileManager.default.removeItem(atPath: stderrPath)
      return .failure(
        InteropFailure(
          "\(name) \(why) (\(describe(status))); its stderr:\n\(stderr.suffix(4_000))"))
    }
    return .success(
      HTTPFixtureServer(
        pid: pid, url: text, name: name, stderrPath: stderrPath, stdoutFD: readFD))
  }

  /// SIGTERM, a wait of at most `grace`, then SIGKILL to the group; returns the wait status.
  private static func stop(_ pid: pid_t, grace: Duration) -> Int32 {
    var status: Int32 = 0
    if waitpid(pid, &status, WNOHANG) == pid { return status }
    kill(pid, SIGTERM)
    let clock = ContinuousClock()
    let end = clock.now + grace
    while clock.now < end {
      if waitpid(pid, &status, WNOHANG) == pid { return status }
      usleep(10_000)
    }
    kill(-pid, SIGKILL)
    kill(pid, SIGKILL)
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return status
  }

  private static func describe(_ status: Int32) -> String {
    if let code = exitStatus(status) { return "exit status \(code)" }
    return "killed by signal \(status & 0x7F)"
  }
}
