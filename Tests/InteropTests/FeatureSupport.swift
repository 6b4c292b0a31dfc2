import Foundation
import PreflightCore
import PreflightJSON
import Synchronization

/// The features fixture (`Fixtures/sdk2_features.py`) over stdio or Streamable HTTP.
enum FeatureTransport: String, CaseIterable, Sendable {
  case stdio
  case http

  /// The fixture's stdio command line.
  static let stdioCommand = Interop.fixture("sdk2_features.py", venv: Interop.venv2)

  /// The fixture served over HTTP on a free port.
  static let httpFixture = HTTPFixture(
    script: Interop.fixtures + "/sdk2_features.py", python: Interop.venv2 + "/bin/python",
    arguments: ["--http", "--port", "0"])

  /// Runs `body` with a connected session (profile `full` unless given) that routes server
  /// requests to `handler`. Each HTTP run starts its own server: the fixture keeps its
  /// logging level and subscriptions per process.
  func withSession<Result>(
    profile: ClientProfile = .full, handler: ScriptedRequestHandler = ScriptedRequestHandler(),
    _ body: (MCPClientSession) async throws -> Result
  ) async throws -> Result {
    switch self {
    case .stdio:
      return try await Interop.withSession(FeatureTransport.stdioCommand, profile: profile) {
        session in
        await session.install(handler)
        _ = try await session.connect()
        return try await body(session)
      }
    case .http:
      return try await HTTPInterop.withServer(FeatureTransport.httpFixture) { server in
        try await HTTPInterop.withSession(server.url, profile: profile) { session in
          await session.install(handler)
          _ = try await session.connect()
          return try await body(session)
        }
      }
    }
  }
}

/// A ``ServerRequestHandler`` for tests: answers from what the test set, and records every
/// request it was asked.
final class ScriptedRequestHandler: ServerRequestHandler {
  struct State {
    var elicitAnswer: ElicitationAnswer = .decline
    var samplingAnswer: Result<JSONValue, JSONRPCErrorObject> = .failure(
      JSONRPCErrorObject(code: -1, message: "User rejected sampling request"))
    var roots: [ClientRoot] = []
    var elicitations: [(ElicitationRequest, String)] = []
    var samplings: [JSONValue] = []
    var rootsAsked = 0
  }

  let state = Mutex(State())

  init() {}

  func elicit(_ request: ElicitationRequest, server: String) async -> ElicitationAnswer {
    state.withLock {
      $0.elicitations.append((request, server))
      return $0.elicitAnswer
    }
  }

  func sample(_ params: JSONValue, server: String) async -> Result<JSONValue, JSONRPCErrorObject> {
    state.withLock {
      $0.samplings.append(params)
      return $0.samplingAnswer
    }
  }

  func roots() async -> [ClientRoot] {
    state.withLock {
      $0.rootsAsked += 1
      return $0.roots
    }
  }
}

extension MCPClientSession {
  /// Calls a tool and returns its first text block, or throws when there is none.
  func callText(_ name: String, _ arguments: JSONValue = [:]) async throws -> String {
    let result = try await callTool(name, arguments: arguments)
    guard let text = Interop.texts(result).first else {
      throw InteropFailure("\(name) returned no text: \(result)")
    }
    return text
  }
}

extension WireLog {
  /// Waits (up to `seconds`) until some record satisfies `predicate`; the records then.
  func waitFor(
    seconds: Int = 20, _ predicate: (WireRecord) -> Bool
  ) async -> [WireRecord] {
    let clock = ContinuousClock()
    let deadline = clock.now + .seconds(seconds)
    while clock.now < deadline {
      let matching = records.filter(predicate)
      if !matching.isEmpty { return matching }
      try? await Task.sleep(for: .milliseconds(20))
    }
    return []
  }
}
