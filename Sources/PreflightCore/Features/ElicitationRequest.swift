import PreflightJSON

/// An `elicitation/create` request from a server, read leniently: a missing `mode` is form mode,
/// as the specification requires.
public struct ElicitationRequest: Sendable, Hashable {
  /// Form mode asks for values against `requestedSchema`; URL mode asks consent to open `url`.
  public enum Mode: String, Sendable, Hashable {
    /// A flat form from `requestedSchema`.
    case form
    /// An out-of-band URL the user may agree to open.
    case url
  }

  /// The mode.
  public var mode: Mode
  /// The server's message to the user (untrusted text).
  public var message: String
  /// Form mode: the requested schema (a flat object schema).
  public var requestedSchema: JSONValue?
  /// URL mode: the URL to open.
  public var url: String?
  /// URL mode: the id the server may later complete with `notifications/elicitation/complete`.
  public var elicitationID: String?
  /// The params as sent.
  public var raw: JSONValue

  /// Reads the params of `elicitation/create` (or one entry of `-32042`'s `data.elicitations`).
  public init(params: JSONValue?) {
    raw = params ?? .null
    mode = params?["mode"]?.stringValue == "url" ? .url : .form
    message = params?["message"]?.stringValue ?? ""
    requestedSchema = params?["requestedSchema"]
    url = params?["url"]?.stringValue
    elicitationID = params?["elicitationId"]?.stringValue
  }

  /// The host part of ``url`` (what the user must see before consenting), or nil when the URL
  /// has none.
  public var domain: String? {
    guard let url, let schemeEnd = url.range(of: "://") else { return nil }
    var rest = url[schemeEnd.upperBound...]
    if let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) {
      rest = rest[..<end]
    }
    if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
    if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
      return String(rest[...close]).lowercased()
    }
    if let colon = rest.firstIndex(of: ":") { rest = rest[..<colon] }
    return rest.isEmpty ? nil : rest.lowercased()
  }
}
