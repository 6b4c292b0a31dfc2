import PreflightJSON

/// Why a session could not do what was asked; each case maps to an exit code of cli.md.
public enum SessionError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The server could not be reached, started, or kept (exit 3).
  case connection(String)
  /// The server refused the credentials: HTTP 401 or 403, with the challenge (exit 3).
  case unauthorized(String)
  /// The server answered a request with a JSON-RPC error (exit 1).
  case rpc(method: String, error: JSONRPCErrorObject)
  /// The server answered with something that is not a valid answer (exit 1).
  case invalidResponse(method: String, reason: String)

  /// The exit code cli.md assigns.
  public var exitCode: Int32 {
    switch self {
    case .connection, .unauthorized: 3
    case .rpc, .invalidResponse: 1
    }
  }

  /// A sentence for people.
  public var description: String {
    switch self {
    case .connection(let why), .unauthorized(let why): why
    case .rpc(let method, let error):
      if let required = URLElicitationRequired(error) {
        "\(method) failed: the server requires the user to open "
          + (required.elicitations.count == 1 ? "a URL" : "\(required.elicitations.count) URLs")
          + " first (URL elicitation required, code -32042): "
          + required.lines.joined(separator: "; ")
      } else {
        "\(method) failed: the server answered with an error: \(error)"
      }
    case .invalidResponse(let method, let reason):
      "\(method): the server's answer is invalid: \(reason)"
    }
  }
}
