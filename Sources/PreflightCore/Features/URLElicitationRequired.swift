import PreflightJSON

/// The `-32042` error (URL elicitation required, 2025-11-25): the server refuses a request
/// until the user has visited one or more URLs, listed in `data.elicitations`.
public struct URLElicitationRequired: Sendable, Hashable {
  /// The error code.
  public static let code = -32042

  /// The URL elicitations the server listed.
  public var elicitations: [ElicitationRequest]

  /// Reads the error; nil unless its code is `-32042`.
  public init?(_ error: JSONRPCErrorObject) {
    guard error.code == URLElicitationRequired.code else { return nil }
    elicitations = (error.data?["elicitations"]?.arrayValue ?? []).map {
      ElicitationRequest(params: $0)
    }
  }

  /// One line per URL, with its domain, for people (untrusted text: sanitize before display).
  public var lines: [String] {
    elicitations.map { e in
      let domain = e.domain.map { " (domain \($0))" } ?? ""
      return "\(e.url ?? "(no url)")\(domain): \(e.message)"
    }
  }
}
