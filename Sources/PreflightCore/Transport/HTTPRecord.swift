import PreflightJSON

/// Builds the wire log's `http` objects (cli.md): method, URL, status, the headers that
/// matter, the SSE event id, and for error statuses the body as text.
enum HTTPRecord {
  /// The headers the wire log shows, spelled as the log spells them.
  static let headersThatMatter = [
    "Content-Type", "Mcp-Session-Id", "MCP-Protocol-Version", "Last-Event-ID", "WWW-Authenticate",
  ]
  /// How much of a body goes into a record.
  static let bodyLimit = 4_096

  /// The `http` object of a response (or of an exchange that failed before one).
  /// `requestHeaders` adds request headers that matter (the `Last-Event-ID` of a resumption).
  static func response(
    method: String, url: String, head: HTTPResponseHead?,
    requestHeaders: [(name: String, value: String)] = [], eventID: String? = nil,
    body: [UInt8]? = nil, bodyTotal: Int? = nil, extra: JSONObject = JSONObject()
  ) -> JSONValue {
    var object = JSONObject()
    object["method"] = .string(method)
    object["url"] = .string(url)
    if let head {
      object["status"] = .int(head.status)
    }
    var headers = JSONObject()
    for name in headersThatMatter {
      if let value = head?.value(name) {
        headers[name] = .string(value)
      } else if let value = requestHeaders.first(where: {
        $0.name.lowercased() == name.lowercased()
      }) {
        headers[name] = .string(value.value)
      }
    }
    object["headers"] = .object(headers)
    if let eventID {
      object["eventId"] = .string(eventID)
    }
    if let body, !body.isEmpty {
      object["body"] = .string(text(body, total: bodyTotal ?? body.count))
    }
    for member in extra.members {
      object[member.key] = member.value
    }
    return .object(object)
  }

  /// The `http` object of a request about to go out: method, URL, and the request headers that
  /// matter plus the user's (secret-named ones masked here already).
  static func request(
    method: String, url: String, headers: [(name: String, value: String)]
  ) -> JSONValue {
    var object = JSONObject()
    object["method"] = .string(method)
    object["url"] = .string(url)
    var shown = JSONObject()
    for header in headers {
      shown[header.name] = .string(
        Redactor.isSecretName(header.name) ? Redactor.mask : header.value)
    }
    object["headers"] = .object(shown)
    return .object(object)
  }

  /// A body as text for records and messages: at most `limit` bytes, invalid UTF-8 repaired,
  /// with the full size named when cut.
  static func text(_ body: [UInt8], total: Int, limit: Int = bodyLimit) -> String {
    let shown = body.prefix(limit)
    var text = String(decoding: shown, as: UTF8.self)
    if total > shown.count {
      text += " … (\(total) bytes in all)"
    }
    return text
  }

  /// A body squeezed onto one line for an error message: whitespace runs become one space,
  /// at most `limit` characters.
  static func excerpt(_ body: [UInt8], total: Int, limit: Int = 1_000) -> String {
    let raw = String(decoding: body.prefix(limit * 4), as: UTF8.self)
    let squeezed = raw.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    if squeezed.count > limit || total > body.count {
      return String(squeezed.prefix(limit)) + " …"
    }
    return squeezed
  }
}
