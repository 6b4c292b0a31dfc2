import PreflightJSON

/// Answers the requests a server sends to the client: elicitation, sampling and roots. Each
/// front end implements it (the TUI asks the user; headless commands answer from flags and
/// files, or decline, and say so). ``MCPClientSession/install(_:)`` routes only the methods
/// whose capability the profile advertises; the rest get `-32601`.
public protocol ServerRequestHandler: Sendable {
  /// Answers `elicitation/create` from the server called `server`.
  func elicit(_ request: ElicitationRequest, server: String) async -> ElicitationAnswer

  /// Answers `sampling/createMessage`: a `CreateMessageResult`, or an error (by convention
  /// code `-1` when the user rejects).
  func sample(_ params: JSONValue, server: String) async -> Result<JSONValue, JSONRPCErrorObject>

  /// The roots to answer `roots/list` with.
  func roots() async -> [ClientRoot]
}
