import PreflightJSON

/// What a wire-log record holds.
public enum WireBody: Sendable, Hashable {
  /// A frame that parsed as JSON (redacted where secrets appeared).
  case message(JSONValue)
  /// A frame that is not JSON, as UTF-8 text, with why it did not parse.
  case raw(String, reason: String)
  /// A frame whose bytes are not UTF-8, base64-encoded, with why it did not parse.
  case rawBase64(String, reason: String)
  /// One line of the server's standard error.
  case stderr(String)
  /// An event of Preflight's own: `kind` from the list in cli.md, text for people, extra fields.
  case local(kind: String, text: String, details: JSONValue?)
}
