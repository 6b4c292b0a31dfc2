import Foundation
import Glibc
import Testing

/// A detached tmux session on a private socket, for driving a terminal program end to end: start
/// it at a fixed size, send keys, read the screen, resize it, and kill it.
///
/// Each session runs its own tmux server (`tmux -L <unique name> -f /dev/null`), so tests can run
/// in parallel and never touch the user's tmux. The window has no status line, so the pane is
/// exactly the size asked for; a pane whose program has exited stays on screen
/// (`remain-on-exit`), and applications may set tmux's clipboard (`set-clipboard on`), so a test
/// can see whether a program let an OSC 52 sequence through.
///
/// Waits poll `capture-pane` every 50 ms until a deadline; none sleeps blindly.
public final class TmuxSession: Sendable {
  /// A tmux command that failed, or a wait that ran out of time.
  public struct Failure: Error, CustomStringConvertible {
    /// What went wrong.
    public var description: String
  }

  /// Whether a `tmux` executable is on `PATH`.
  public static let isAvailable: Bool = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").contains {
      FileManager.default.isExecutableFile(atPath: "\($0)/tmux")
    }
  }()

  /// Whether tmux is required: `CI` is set, or `PREFLIGHT_REQUIRE_TMUX=1`. Then a missing tmux
  /// fails the tests instead of skipping them.
  public static let isRequired: Bool = {
    let environment = ProcessInfo.processInfo.environment
    return !(environment["CI"] ?? "").isEmpty || environment["PREFLIGHT_REQUIRE_TMUX"] == "1"
  }()

  /// The gate for tmux suites: they run when tmux is installed or required (and then fail
  /// without it), and are skipped otherwise.
  public static let gate = ConditionTrait.enabled(
    if: isAvailable || isRequired,
    "needs tmux (apt-get install tmux); CI=1 or PREFLIGHT_REQUIRE_TMUX=1 make it required")

  /// How long a wait lasts unless a test says otherwise: bounded, and generous for a loaded
  /// machine.
  public static let defaultTimeout: Duration = .seconds(60)

  /// The private socket's name (`tmux -L`).
  public let socket: String
  /// The session (and target) name.
  public let target = "t"
  /// The socket's path, removed by `kill()`.
  private let socketPath: String

  private init(socket: String, socketPath: String) {
    self.socket = socket
    self.socketPath = socketPath
  }

  // MARK: - Starting

  /// Starts `command` (program first, run directly, no shell in between) in a new detached
  /// session on a private socket, in a window of `width` × `height` cells.
  public static func start(
    _ command: [String], width: Int = 100, height: Int = 30
  ) async throws -> TmuxSession {
    guard isAvailable else {
      throw Failure(
        description:
          "tmux is not installed, and this run requires it (CI or PREFLIGHT_REQUIRE_TMUX)")
    }
    let name = "preflight-e2e-\(getpid())-" + UUID().uuidString.prefix(8).lowercased()
    let setup: [String] = [
      "start-server", ";", "set-option", "-s", "set-clipboard", "on", ";",
      "set-option", "-g", "remain-on-exit", "on", ";", "set-option", "-g", "status", "off", ";",
      "set-option", "-s", "escape-time", "0", ";",
      "new-session", "-d", "-s", "t", "-x", String(width), "-y", String(height),
    ]
    _ = try await runTmux(socket: name, setup + command)
    let path = try await runTmux(socket: name, ["display-message", "-p", "#{socket_path}"])
    return TmuxSession(
      socket: name, socketPath: path.trimmingCharacters(in: .whitespacesAndNewlines))
  }

  /// Starts `arguments` (program first) in a new session through a small shell that makes the
  /// end visible: the program runs with `LANG=C.UTF-8`, `TERM=tmux-256color`, no `NO_COLOR` and
  /// `environment`; when it exits the shell prints `EXIT=<status>` and then
  /// `TTY: <modes>` (the terminal's `isig`, `icanon`, `echo`, `icrnl` and `opost` flags, as
  /// `stty` reports them), and waits. The shell survives a Ctrl-C meant for the program.
  public static func startProgram(
    _ arguments: [String], environment: [String: String] = [:], width: Int = 100,
    height: Int = 30
  ) async throws -> TmuxSession {
    let settings =
      ["LANG=C.UTF-8", "TERM=tmux-256color"]
      + environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    let script = """
      trap : INT
      env -u NO_COLOR "$@"
      echo "EXIT=$?"
      echo "TTY: $(stty -a | tr ' ;' '\\n\\n' | grep -E -x -e '-?(isig|icanon|echo|icrnl|opost)' \
      | tr '\\n' ' ')"
      exec sleep 3600
      """
    return try await start(
      ["/bin/sh", "-c", script, "sh"] + settings + arguments, width: width, height: height)
  }

  /// Runs `body` with a session started by `startProgram`, and kills the session afterwards,
  /// even when `body` throws.
  public static func withProgram<Result>(
    _ arguments: [String], environment: [String: String] = [:], width: Int = 100,
    height: Int = 30, _ body: (TmuxSession) async throws -> Result
  ) async throws -> Result {
    let session = try await startProgram(
      arguments, environment: environment, width: width, height: height)
    do {
      let result = try await body(session)
      await session.kill()
      return result
    } catch {
      await session.kill()
      throw error
    }
  }

  // MARK: - Keys

  /// Sends keys by tmux's names (`Enter`, `Escape`, `Tab`, `BTab`, `Up`, `C-c`, `F1`, or a
  /// single character such as `q`), one key a name.
  public func sendKeys(_ keys: String...) async throws {
    try await sendKeys(keys)
  }

  /// Sends keys by tmux's names, one key a name.
  public func sendKeys(_ keys: [String]) async throws {
    _ = try await tmux(["send-keys", "-t", target] + keys)
  }

  /// Types `text` literally, character by character.
  public func type(_ text: String) async throws {
    _ = try await tmux(["send-keys", "-t", target, "-l", "--", text])
  }

  // MARK: - Reading the screen

  /// The visible screen as plain text, a line a row (trailing blanks trimmed).
  public func capture() async throws -> String {
    try await tmux(["capture-pane", "-p", "-t", target])
  }

  /// The visible screen with its colours and attributes as SGR escape sequences
  /// (`capture-pane -p -e`).
  public func captureWithColours() async throws -> String {
    try await tmux(["capture-pane", "-p", "-e", "-t", target])
  }

  /// A tmux format expanded for the pane, such as `#{alternate_on}`, `#{pane_title}`,
  /// `#{cursor_flag}` or `#{window_bell_flag}`, without the trailing newline.
  public func display(_ format: String) async throws -> String {
    let text = try await tmux(["display-message", "-p", "-t", target, format])
    return text.hasSuffix("\n") ? String(text.dropLast()) : text
  }

  /// The names of the paste buffers (an application that set the clipboard with OSC 52 made one).
  public func bufferNames() async throws -> [String] {
    try await tmux(["list-buffers", "-F", "#{buffer_name}"]).split(separator: "\n").map(String.init)
  }

  /// Waits until the screen shows `text`, and returns that screen. When `timeout` passes first,
  /// records an issue showing the last screen and throws.
  @discardableResult
  public func waitFor(
    text: String, timeout: Duration = TmuxSession.defaultTimeout,
    sourceLocation: SourceLocation = #_sourceLocation
  ) async throws -> String {
    try await waitUntil("\"\(text)\" on screen", timeout: timeout, sourceLocation: sourceLocation) {
      $0.contains(text)
    }
  }

  /// Waits until the screen shows every one of `texts`, and returns that screen.
  @discardableResult
  public func waitFor(
    allOf texts: [String], timeout: Duration = TmuxSession.defaultTimeout,
    sourceLocation: SourceLocation = #_sourceLocation
  ) async throws -> String {
    let what = texts.map { "\"\($0)\"" }.joined(separator: ", ") + " on screen"
    return try await waitUntil(what, timeout: timeout, sourceLocation: sourceLocation) { screen in
      texts.allSatisfy { screen.contains($0) }
    }
  }

  /// Waits until the screen no longer shows `text`, and returns that screen.
  @discardableResult
  public func waitFor(
    absenceOf text: String, timeout: Duration = TmuxSession.defaultTimeout,
    sourceLocation: SourceLocation = #_sourceLocation
  ) async throws -> String {
    try await waitUntil(
      "\"\(text)\" gone from the screen", timeout: timeout, sourceLocation: sourceLocation
    ) { !$0.contains(text) }
  }

  /// Polls the screen every 50 ms until `condition` holds, and returns that screen. When
  /// `timeout` passes first, records an issue saying what was awaited, with the last screen, and
  /// throws.
  @discardableResult
  public func waitUntil(
    _ what: String, timeout: Duration = TmuxSession.defaultTimeout,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ condition: (String) -> Bool
  ) async throws -> String {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    var screen = ""
    while true {
      screen = try await capture()
      if condition(screen) { return screen }
      if clock.now >= deadline { break }
      try await Task.sleep(for: .milliseconds(50))
    }
    Issue.record(
      Comment(rawValue: "waited \(timeout) for \(what); the last screen:\n" + Self.framed(screen)),
      sourceLocation: sourceLocation)
    throw Failure(description: "timed out waiting for \(what)")
  }

  /// Waits for the `EXIT=<status>` line that `startProgram`'s shell prints when the program
  /// ends, and returns the status.
  public func waitForExit(
    timeout: Duration = TmuxSession.defaultTimeout,
    sourceLocation: SourceLocation = #_sourceLocation
  ) async throws -> Int32 {
    let screen = try await waitUntil(
      "the program to exit (EXIT=…) and the terminal report (TTY: …)", timeout: timeout,
      sourceLocation: sourceLocation
    ) { Self.exitStatus(in: $0) != nil && $0.contains("TTY: ") }
    return Self.exitStatus(in: screen) ?? -1
  }

  /// The status on an `EXIT=<status>` line of `screen`.
  public static func exitStatus(in screen: String) -> Int32? {
    for line in screen.split(separator: "\n") where line.hasPrefix("EXIT=") {
      return Int32(line.dropFirst(5).trimmingCharacters(in: .whitespaces))
    }
    return nil
  }

  /// The terminal modes on the `TTY: ` line of `screen` (`isig`, `icanon`, `-echo`, …).
  public static func terminalModes(in screen: String) -> [String] {
    for line in screen.split(separator: "\n") where line.hasPrefix("TTY: ") {
      return line.dropFirst(5).split(separator: " ").map(String.init)
    }
    return []
  }

  // MARK: - Size and processes

  /// Resizes the window to `width` × `height` cells (the program gets `SIGWINCH`).
  public func resize(width: Int, height: Int) async throws {
    _ = try await tmux(["resize-window", "-t", target, "-x", String(width), "-y", String(height)])
  }

  /// The pid of the pane's first process (for `startProgram`, the shell around the program).
  public func panePID() async throws -> Int32 {
    let text = try await display("#{pane_pid}")
    guard let pid = Int32(text) else {
      throw Failure(description: "tmux gave no pane pid: \(text)")
    }
    return pid
  }

  /// The pid of the program `startProgram` started (the shell's child, not `sleep`), waiting up
  /// to `timeout` for it to appear.
  public func programPID(timeout: Duration = .seconds(5)) async throws -> Int32 {
    let shell = try await panePID()
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    while clock.now < deadline {
      if let child = Self.children(of: shell).first(where: { !$0.commandLine.isEmpty }) {
        return child.pid
      }
      try await Task.sleep(for: .milliseconds(50))
    }
    throw Failure(description: "the pane's shell (pid \(shell)) started no program")
  }

  /// The live child processes of `pid`, with their command lines (from `/proc`).
  public static func children(of pid: Int32) -> [(pid: Int32, commandLine: [String])] {
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else {
      return []
    }
    return entries.compactMap { Int32($0) }.sorted().compactMap { child in
      guard parent(of: child) == pid else { return nil }
      return (child, commandLine(of: child))
    }
  }

  /// Every live descendant of `pid`, children before grandchildren.
  public static func descendants(of pid: Int32) -> [Int32] {
    var found: [Int32] = []
    var frontier = [pid]
    while let next = frontier.popLast() {
      let pids = children(of: next).map(\.pid)
      found += pids
      frontier += pids
    }
    return found
  }

  /// A process's parent pid (from `/proc/<pid>/stat`), nil when it is gone.
  public static func parent(of pid: Int32) -> Int32? {
    guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/stat") else { return nil }
    let text = String(decoding: data, as: UTF8.self)
    // "pid (comm) state ppid …"; comm may hold spaces and parentheses.
    guard let close = text.lastIndex(of: ")") else { return nil }
    let fields = text[text.index(after: close)...].split(separator: " ")
    return fields.count > 1 ? Int32(fields[1]) : nil
  }

  /// A process's command line (from `/proc/<pid>/cmdline`); empty for a zombie or a gone one.
  public static func commandLine(of pid: Int32) -> [String] {
    guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else {
      return []
    }
    return data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
  }

  /// Whether a process with this pid exists and is not a zombie.
  public static func isAlive(_ pid: Int32) -> Bool {
    guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/stat") else {
      return false
    }
    let text = String(decoding: data, as: UTF8.self)
    guard let close = text.lastIndex(of: ")") else { return false }
    return text[text.index(after: close)...].split(separator: " ").first != "Z"
  }

  // MARK: - Ending

  /// Ends the session: kills the tmux server (its panes get `SIGHUP`), gives what ran in the pane
  /// up to two seconds to exit, kills what is left of it with `SIGKILL`, and removes the socket.
  public func kill() async {
    var started: [Int32] = []
    if let shell = try? await panePID() {
      started = [shell] + Self.descendants(of: shell)
    }
    _ = try? await tmux(["kill-server"])
    let clock = ContinuousClock()
    let deadline = clock.now + .seconds(2)
    while started.contains(where: Self.isAlive) && clock.now < deadline {
      try? await Task.sleep(for: .milliseconds(50))
    }
    for pid in started where Self.isAlive(pid) {
      Glibc.kill(pid, SIGKILL)
    }
    if socketPath.hasSuffix("/" + socket) { unlink(socketPath) }
  }

  // MARK: - Running tmux

  /// Runs a tmux command on this session's socket and returns its standard output.
  @discardableResult
  public func tmux(_ arguments: [String]) async throws -> String {
    try await Self.runTmux(socket: socket, arguments)
  }

  private static let environment = ProcessRunner.environment(
    adding: ["LANG": "C.UTF-8"], removing: ["TMUX", "TMUX_PANE"])

  private static func runTmux(socket: String, _ arguments: [String]) async throws -> String {
    let output = try await ProcessRunner.run(
      "tmux", ["-u", "-L", socket, "-f", "/dev/null"] + arguments, environment: environment,
      timeout: .seconds(10))
    guard output.exitStatus == 0 else {
      let command = arguments.prefix(3).joined(separator: " ")
      throw Failure(
        description: "tmux \(command) failed (\(output.exitStatus.map(String.init) ?? "killed")): "
          + output.stderrText.trimmingCharacters(in: .whitespacesAndNewlines))
    }
    return output.stdoutText
  }

  /// A screen between rules, so its blank lines and edges show in a failure message.
  public static func framed(_ screen: String) -> String {
    let rule = String(repeating: "─", count: 40)
    var lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
    if screen.hasSuffix("\n") { lines.removeLast() }
    return "┌" + rule + "\n" + lines.map { "│" + $0 }.joined(separator: "\n") + "\n└" + rule
  }
}
