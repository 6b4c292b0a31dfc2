import Foundation
import Glibc
import PreflightTestSupport
import Testing

/// The header's state when the server is initialized and its tools are listed.
let readyMark = "● ready"

/// The header's state after the server went away.
let disconnectedMark = "✕ disconnected"

/// Runs the built `preflight` with `arguments` in a tmux session of `width` × `height` (through
/// `TmuxSession.startProgram`, so its end prints `EXIT=` and the terminal modes), and kills the
/// session afterwards.
func withPreflight<Result>(
  _ arguments: [String] = [], environment: [String: String] = [:], width: Int = 100,
  height: Int = 30, _ body: (TmuxSession) async throws -> Result
) async throws -> Result {
  try await TmuxSession.withProgram(
    [try preflightPath()] + arguments, environment: environment, width: width, height: height,
    body)
}

/// The SGR parameters in `text` that set a foreground or background colour (30–38, 40–48,
/// 90–97, 100–107), as `capture-pane -e` writes them.
func colourParameters(in text: String) -> Set<Int> {
  var found = Set<Int>()
  for piece in text.split(separator: "\u{1B}[").dropFirst() {
    guard let end = piece.firstIndex(of: "m") else { continue }
    let parameters = piece[..<end]
    guard parameters.allSatisfy({ $0.isNumber || $0 == ";" }) else { continue }
    for number in parameters.split(separator: ";").compactMap({ Int($0) }) {
      switch number {
      case 30...38, 40...48, 90...97, 100...107: found.insert(number)
      default: break
      }
    }
  }
  return found
}

/// The screen's first line: the header.
func headerLine(_ screen: String) -> String {
  String(screen.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
}

/// The screen's lines (the newline after the last row does not start another).
func screenLines(_ screen: String) -> [Substring] {
  var lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
  if screen.hasSuffix("\n") { lines.removeLast() }
  return lines
}

/// Which of `names` the screen shows as a tool-list row (a name after the selection mark or its
/// blank, inside the box).
func visibleTools(_ names: [String], on screen: String) -> [String] {
  names.filter { name in
    screenLines(screen).contains { $0.contains("▶ \(name) ") || $0.contains("  \(name) ") }
  }
}

/// Waits until preflight shows `● ready` and every one of `tools` in the tool list.
@discardableResult
func waitForReady(
  _ session: TmuxSession, tools: [String], timeout: Duration = TmuxSession.defaultTimeout,
  sourceLocation: SourceLocation = #_sourceLocation
) async throws -> String {
  try await session.waitUntil(
    "\(readyMark) and the tools \(tools.joined(separator: ", "))", timeout: timeout,
    sourceLocation: sourceLocation
  ) { screen in
    headerLine(screen).hasSuffix(readyMark) && visibleTools(tools, on: screen).count == tools.count
  }
}

/// Checks for a bounded while that the screen keeps showing `text` (that a key did not end or
/// blank the program), polling like a wait.
func expectStays(
  _ text: String, on session: TmuxSession, for duration: Duration = .milliseconds(400),
  sourceLocation: SourceLocation = #_sourceLocation
) async throws {
  let clock = ContinuousClock()
  let end = clock.now + duration
  while clock.now < end {
    let screen = try await session.capture()
    guard screen.contains(text) else {
      Issue.record(
        Comment(rawValue: "\"\(text)\" left the screen:\n" + TmuxSession.framed(screen)),
        sourceLocation: sourceLocation)
      throw EndToEndFailure()
    }
    try await Task.sleep(for: .milliseconds(50))
  }
}

/// Waits for the program to end, then checks it ended with one of `statuses` and left the
/// terminal as it found it: out of the alternate screen, cursor shown, line discipline back to
/// canonical mode with echo and signals, and nothing of the TUI left on screen.
func expectExitAndTerminalRestored(
  _ session: TmuxSession, statuses: Set<Int32> = [0],
  sourceLocation: SourceLocation = #_sourceLocation
) async throws {
  let status = try await session.waitForExit(sourceLocation: sourceLocation)
  let screen = try await session.capture()
  #expect(
    statuses.contains(status), "exit status \(status), expected one of \(statuses.sorted())",
    sourceLocation: sourceLocation)
  #expect(
    try await session.display("#{alternate_on}") == "0", "left the alternate screen",
    sourceLocation: sourceLocation)
  #expect(
    try await session.display("#{cursor_flag}") == "1", "the cursor is visible again",
    sourceLocation: sourceLocation)
  let modes = TmuxSession.terminalModes(in: screen)
  #expect(
    modes.sorted() == ["echo", "icanon", "icrnl", "isig", "opost"],
    "terminal modes after exit: \(modes)", sourceLocation: sourceLocation)
  #expect(
    !screen.contains("Preflight") && !screen.contains("┃"),
    "the TUI is gone from the screen:\n\(TmuxSession.framed(screen))",
    sourceLocation: sourceLocation)
}

/// The live child processes of `pid` whose command line contains `marker`.
func childProcesses(of pid: Int32, containing marker: String) -> [Int32] {
  TmuxSession.children(of: pid).filter { $0.commandLine.joined(separator: " ").contains(marker) }
    .map(\.pid)
}

/// Waits until `pid` has exactly one child whose command line contains `marker` and returns it.
func serverProcess(
  of pid: Int32, containing marker: String, timeout: Duration = .seconds(10),
  sourceLocation: SourceLocation = #_sourceLocation
) async throws -> Int32 {
  let clock = ContinuousClock()
  let deadline = clock.now + timeout
  while clock.now < deadline {
    let found = childProcesses(of: pid, containing: marker)
    if found.count == 1 { return found[0] }
    try await Task.sleep(for: .milliseconds(50))
  }
  let children = TmuxSession.children(of: pid).map { "\($0.pid) \($0.commandLine)" }
  Issue.record(
    "no single child of \(pid) running \(marker); children: \(children)",
    sourceLocation: sourceLocation)
  throw EndToEndFailure()
}

/// Python SDK servers for the TUI: skipped without `.venv-mcp2` unless
/// `PREFLIGHT_REQUIRE_INTEROP=1` (as the interop tests are).
enum PythonServers {
  /// `ROOT/.venv-mcp2/bin/python`.
  static let python2: String? = try? PackagePaths.root() + "/.venv-mcp2/bin/python"

  /// Whether the environment exists.
  static let available = python2.map { FileManager.default.isExecutableFile(atPath: $0) } ?? false

  /// Whether missing environments fail the tests.
  static let required = ProcessInfo.processInfo.environment["PREFLIGHT_REQUIRE_INTEROP"] == "1"

  /// The gate.
  static let gate = ConditionTrait.enabled(
    if: available || required, "needs .venv-mcp2: run Scripts/setup-python.sh")

  /// The command line for an interop fixture run with mcp 2.x.
  static func fixture(_ name: String) throws -> [String] {
    guard available, let python2 else {
      Issue.record("missing .venv-mcp2: run Scripts/setup-python.sh")
      throw EndToEndFailure()
    }
    return [python2, try PackagePaths.root() + "/Tests/InteropTests/Fixtures/" + name]
  }
}
