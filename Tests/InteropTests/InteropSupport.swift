import Foundation
import Glibc
import PreflightCore
import PreflightJSON
import Testing

/// Paths, gating and session plumbing for the interop tests, which run servers written with the
/// official Python SDK (and reference servers from PyPI) through the real stdio transport.
enum Interop {
  /// What a test prints when the Python environments are missing.
  static let setupHint = "run Scripts/setup-python.sh (or Scripts/test.sh)"

  /// The repository root: the nearest folder above this file that holds `Package.swift`.
  static let root: String = {
    var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while url.path != "/" {
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
        return url.path
      }
      url = url.deletingLastPathComponent()
    }
    return FileManager.default.currentDirectoryPath
  }()

  /// The folder of the Python fixture servers.
  static let fixtures = root + "/Tests/InteropTests/Fixtures"

  /// `ROOT/.venv-mcp2` (mcp 2.3.0 and the reference servers).
  static let venv2 = root + "/.venv-mcp2"
  /// `ROOT/.venv-mcp1` (mcp 1.30.0).
  static let venv1 = root + "/.venv-mcp1"

  /// The virtual environments whose interpreter is missing.
  static let missingEnvironments: [String] = [venv2, venv1].filter {
    !FileManager.default.isExecutableFile(atPath: $0 + "/bin/python")
  }

  /// Whether `PREFLIGHT_REQUIRE_INTEROP=1` is set: missing environments fail the tests.
  static let required = ProcessInfo.processInfo.environment["PREFLIGHT_REQUIRE_INTEROP"] == "1"

  /// Whether the tests run: the environments exist, or they are required (and then fail).
  static let enabled = missingEnvironments.isEmpty || required

  /// The suites' gate: skipped without the environments unless they are required.
  static let gate = Testing.ConditionTrait.enabled(
    if: enabled, "needs .venv-mcp2 and .venv-mcp1: \(setupHint)")

  /// How long one request may take: bounded, and generous for a loaded machine.
  static let settings = SessionSettings(timeout: .seconds(90), connectTimeout: .seconds(90))

  /// How many servers run at once. A Python server spends 0.5–1 s of CPU starting up; started
  /// all together on a small machine they would starve each other past any sensible timeout.
  static let slots = ServerSlots(count: max(2, 2 * ProcessInfo.processInfo.activeProcessorCount))

  /// Ignores `SIGPIPE` once for the test process, as `StdioTransport` requires of its host.
  static let sigpipeIgnored: Void = {
    _ = signal(SIGPIPE, SIG_IGN)
  }()

  /// Throws (failing the test with the setup hint) when the environments are missing.
  static func requireEnvironment() throws {
    guard !missingEnvironments.isEmpty else { return }
    throw InteropFailure("missing \(missingEnvironments.joined(separator: " and ")): \(setupHint)")
  }

  /// A fixture run with a virtual environment's interpreter, from the repository root.
  static func fixture(_ file: String, venv: String) -> StdioCommand {
    StdioCommand([venv + "/bin/python", fixtures + "/" + file], workingDirectory: root)
  }

  /// A program installed in `.venv-mcp2/bin`, with arguments.
  static func installed(_ program: String, _ arguments: [String]) -> StdioCommand {
    StdioCommand([venv2 + "/bin/" + program] + arguments, workingDirectory: root)
  }

  /// The real stdio transport for `command` (after ignoring `SIGPIPE`); nothing starts until it
  /// is opened.
  static func stdio(_ command: StdioCommand) -> StdioTransport {
    _ = sigpipeIgnored
    return StdioTransport(command, stdinGrace: .seconds(2), terminateGrace: .seconds(2))
  }

  /// Runs `body` with a session (not yet connected) for `command` over the stdio transport,
  /// and closes it afterwards, even when `body` throws.
  static func withSession<Result>(
    _ command: StdioCommand, profile: ClientProfile = .chatgpt,
    _ body: (MCPClientSession) async throws -> Result
  ) async throws -> Result {
    try await withSession(transport: stdio(command), profile: profile, body)
  }

  /// Runs `body` with a session (not yet connected) over `transport`, once a server slot is
  /// free, and closes it afterwards, even when `body` throws.
  static func withSession<Result>(
    transport: any Transport, profile: ClientProfile = .chatgpt,
    _ body: (MCPClientSession) async throws -> Result
  ) async throws -> Result {
    try requireEnvironment()
    await slots.acquire()
    let session = MCPClientSession(
      transport: transport, profile: profile, settings: settings, log: WireLog())
    do {
      let result = try await body(session)
      await session.close()
      await slots.release()
      return result
    } catch {
      await session.close()
      await slots.release()
      throw error
    }
  }

  /// Runs `body` with a session for `command` that is already connected, and closes it
  /// afterwards.
  static func withConnectedSession<Result>(
    _ command: StdioCommand, profile: ClientProfile = .chatgpt,
    _ body: (MCPClientSession, ServerInfo) async throws -> Result
  ) async throws -> Result {
    try await withSession(command, profile: profile) {
      session in
      let info = try await session.connect()
      return try await body(session, info)
    }
  }

  /// Every event the peer reported, once its transport has closed (nothing otherwise: the stream
  /// of a peer that never started never ends).
  static func events(of session: MCPClientSession) async -> [PeerEvent] {
    guard await session.peer.closed != nil else { return [] }
    var events: [PeerEvent] = []
    for await event in session.peer.events {
      events.append(event)
    }
    return events
  }

  /// The text blocks of a `tools/call` result's `content`.
  static func texts(_ result: JSONValue) -> [String] {
    (result["content"]?.arrayValue ?? []).compactMap { item in
      item["type"] == "text" ? item["text"]?.stringValue : nil
    }
  }

  /// An object's members by key, to compare objects whose member order does not matter
  /// (nil when `value` is not an object or repeats a key).
  static func members(_ value: JSONValue?) -> [String: JSONValue]? {
    guard let object = value?.objectValue, object.duplicateKeys.isEmpty else { return nil }
    return Dictionary(uniqueKeysWithValues: object.members.map { ($0.key, $0.value) })
  }

  /// Whether an object has a member with this key.
  static func has(_ value: JSONValue?, _ key: String) -> Bool {
    value?.objectValue?.contains(key) ?? false
  }
}

/// A failure that stops a test, explained by its text.
struct InteropFailure: Error, CustomStringConvertible {
  /// Why.
  var description: String

  /// Makes a failure.
  init(_ description: String) {
    self.description = description
  }
}

/// The two lines of the official Python SDK, with the fixtures written for each.
enum SDKLine: String, CaseIterable, Sendable, CustomTestStringConvertible {
  case mcp2 = "mcp 2.3.0"
  case mcp1 = "mcp 1.30.0"

  /// "mcp 2.3.0" or "mcp 1.30.0".
  var testDescription: String { rawValue }

  /// The virtual environment with this SDK.
  var venv: String {
    switch self {
    case .mcp2: Interop.venv2
    case .mcp1: Interop.venv1
    }
  }

  /// The tasks server (high-level API) for this SDK.
  var tasks: StdioCommand {
    Interop.fixture(self == .mcp2 ? "sdk2_tasks.py" : "sdk1_tasks.py", venv: venv)
  }

  /// The paginated server (low-level API) for this SDK.
  var paginated: StdioCommand {
    Interop.fixture(self == .mcp2 ? "sdk2_paginated.py" : "sdk1_paginated.py", venv: venv)
  }

  /// The tasks server's `serverInfo.name`.
  var tasksName: String { self == .mcp2 ? "sdk2-tasks" : "sdk1-tasks" }

  /// The tasks server's `serverInfo.version` (FastMCP 1.x reports the SDK's version).
  var tasksVersion: String { self == .mcp2 ? "1.0.0" : "1.30.0" }

  /// The tasks server's instructions.
  var tasksInstructions: String {
    let major = self == .mcp2 ? "2" : "1"
    return "Tasks fixture (mcp \(major).x). Call list_tasks before add_task."
  }

  /// The paginated server's `serverInfo.name`.
  var paginatedName: String { self == .mcp2 ? "sdk2-paginated" : "sdk1-paginated" }
}

extension WireRecord {
  /// The message's `method`, when the record is a JSON-RPC request or notification.
  var method: String? { message?["method"]?.stringValue }

  /// Whether the record is a frame (parsed or raw), not a stderr line or a local event.
  var isFrame: Bool {
    switch body {
    case .message, .raw, .rawBase64: true
    case .stderr, .local: false
    }
  }

  /// The text of a raw (non-JSON, UTF-8) frame.
  var rawText: String? {
    if case .raw(let text, _) = body { return text }
    return nil
  }

  /// The line of a stderr record.
  var stderrLine: String? {
    if case .stderr(let line) = body { return line }
    return nil
  }

  /// The kind of a local record.
  var localKind: String? {
    if case .local(let kind, _, _) = body { return kind }
    return nil
  }

  /// The text of a local record.
  var localText: String? {
    if case .local(_, let text, _) = body { return text }
    return nil
  }

  /// A short summary of a frame for order checks: `out initialize #1`, `in result #1`,
  /// `out notifications/initialized`, `in raw`.
  var summary: String {
    let d = direction.rawValue
    guard let m = message else { return isFrame ? "\(d) raw" : "\(d) \(localKind ?? "stderr")" }
    let id = m["id"].map { " #\($0)" } ?? ""
    if let method { return "\(d) \(method)\(id)" }
    if m["error"] != nil { return "\(d) error\(id)" }
    return "\(d) result\(id)"
  }
}

extension WireLog {
  /// The inbound notifications with this method, in order.
  func inbound(_ method: String) -> [WireRecord] {
    records.filter { $0.direction == .inbound && $0.method == method }
  }

  /// The outbound requests or notifications with this method, in order.
  func outbound(_ method: String) -> [WireRecord] {
    records.filter { $0.direction == .outbound && $0.method == method }
  }

  /// The inbound response to the request with this id.
  func response(to id: JSONValue?) -> WireRecord? {
    records.first {
      $0.direction == .inbound && $0.method == nil && $0.message?["id"] == id && id != nil
    }
  }
}

extension PeerEvent {
  /// The method of a notification event.
  var notificationMethod: String? {
    if case .notification(let method, _, _) = self { return method }
    return nil
  }

  /// The wire-log seq of an event that has one.
  var seq: Int? {
    switch self {
    case .notification(_, _, let seq), .request(_, _, _, let seq), .lateResponse(_, let seq),
      .unknownResponse(_, let seq), .invalidFrame(_, let seq), .stderr(_, let seq):
      seq
    case .closed: nil
    }
  }
}

/// A counting semaphore for the servers the tests start (never nested, so it cannot deadlock).
actor ServerSlots {
  private var free: Int
  private var waiting: [CheckedContinuation<Void, Never>] = []

  /// Makes `count` slots.
  init(count: Int) {
    free = count
  }

  /// Waits for a free slot and takes it.
  func acquire() async {
    if free > 0 {
      free -= 1
      return
    }
    await withCheckedContinuation { waiting.append($0) }
  }

  /// Gives a slot back, to the longest waiter if any.
  func release() {
    if waiting.isEmpty {
      free += 1
    } else {
      waiting.removeFirst().resume()
    }
  }
}
