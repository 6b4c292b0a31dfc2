import Foundation

/// What the HTTP transports need to know: where, with which headers, and how the client
/// behaves (from the client profile).
public struct HTTPTransportOptions: Sendable {
  /// The MCP endpoint (Streamable HTTP) or the SSE endpoint (legacy).
  public var url: String
  /// Headers sent on every request, in order (`-H`, `--bearer`), after `${VAR}` expansion.
  /// Names are compared without regard to case; a user header replaces a transport header of
  /// the same name, except `Mcp-Session-Id`, `MCP-Protocol-Version` and `Last-Event-ID`, which
  /// the transport owns.
  public var headers: [(name: String, value: String)]
  /// `--insecure`: accept any TLS certificate. FoundationNetworking on Linux cannot turn
  /// certificate checks off (it offers no server-trust challenge), so there the requests go
  /// through libcurl instead (``HTTPEngine``); the transport's opening note is a
  /// `tls-warning` for https URLs.
  public var insecure: Bool
  /// When `Mcp-Session-Id` is echoed (the client profile's rule).
  public var sessionIDEcho: SessionIDEcho
  /// Whether the GET stream for server-initiated messages is opened after
  /// `notifications/initialized` (the client profile's rule).
  public var opensGetStream: Bool
  /// How long to wait for response headers when connecting: the `initialize` POST, GET
  /// streams, notification and response POSTs, DELETE (at most 5 s). Other requests have no
  /// transport timeout: the JSON-RPC peer times them out and cancels them.
  public var connectTimeout: Duration
  /// Masks secrets in URLs and messages the transport writes itself.
  public var redactor: Redactor
  /// The HTTP engine to use instead of the one `insecure` implies (tests only).
  var engine: HTTPEngine?

  /// The `tls-warning` note for the wire log when `--insecure` turns certificate checks off
  /// for an https URL; nil otherwise.
  var tlsWarning: (kind: String, text: String)? {
    guard insecure, let url = URL(string: url), url.scheme?.lowercased() == "https" else {
      return nil
    }
    let host = url.host ?? "the server"
    return (
      "tls-warning",
      "TLS certificates are not verified (--insecure): anyone on the path to \(host) can read "
        + "and change this session"
    )
  }

  /// Makes options.
  public init(
    url: String, headers: [(name: String, value: String)] = [], insecure: Bool = false,
    sessionIDEcho: SessionIDEcho = .always, opensGetStream: Bool = true,
    connectTimeout: Duration = .seconds(10), redactor: Redactor = Redactor()
  ) {
    self.url = url
    self.headers = headers
    self.insecure = insecure
    self.sessionIDEcho = sessionIDEcho
    self.opensGetStream = opensGetStream
    self.connectTimeout = connectTimeout
    self.redactor = redactor
  }

  /// Options for `url` that follow `profile`'s session-id and GET-stream rules.
  public init(
    url: String, profile: ClientProfile, headers: [(name: String, value: String)] = [],
    insecure: Bool = false, connectTimeout: Duration = .seconds(10),
    redactor: Redactor = Redactor()
  ) {
    self.init(
      url: url, headers: headers, insecure: insecure, sessionIDEcho: profile.sessionIDEcho,
      opensGetStream: profile.opensGetStream, connectTimeout: connectTimeout, redactor: redactor)
  }
}
