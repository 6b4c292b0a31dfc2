import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The status line and headers of an HTTP response.
struct HTTPResponseHead: Sendable, Hashable {
  /// The status code.
  var status: Int
  /// The headers, names lowercased.
  var headers: [String: String]

  /// Makes a head.
  init(status: Int, headers: [String: String]) {
    self.status = status
    var lowered: [String: String] = [:]
    for (name, value) in headers {
      lowered[name.lowercased()] = value
    }
    self.headers = lowered
  }

  /// Reads a Foundation response.
  init(_ response: HTTPURLResponse) {
    var headers: [String: String] = [:]
    for (name, value) in response.allHeaderFields {
      if let name = name as? String, let value = value as? String {
        headers[name] = value
      }
    }
    self.init(status: response.statusCode, headers: headers)
  }

  /// A header's value, the name compared without regard to case.
  func value(_ name: String) -> String? { headers[name.lowercased()] }

  /// Whether the status is 2xx.
  var isSuccess: Bool { (200..<300).contains(status) }

  /// The media type of `Content-Type`, lowercased, without parameters; nil when absent.
  ///
  /// Read on every response, so it stays out of Foundation: spaces and tabs are trimmed by hand
  /// (Foundation's `trimmingCharacters` showed at the top of a call's profile).
  var mediaType: String? {
    guard let raw = headers["content-type"] else { return nil }
    var type = raw.split(separator: ";", maxSplits: 1).first ?? ""
    while let first = type.first, Self.isBlank(first) { type = type.dropFirst() }
    while let last = type.last, Self.isBlank(last) { type = type.dropLast() }
    return type.lowercased()
  }

  /// What `CharacterSet.whitespaces` holds: a tab or a space separator (Zs).
  private static func isBlank(_ character: Character) -> Bool {
    character.unicodeScalars.allSatisfy {
      $0 == "\t" || $0.properties.generalCategory == .spaceSeparator
    }
  }

  /// "401 Unauthorized".
  var statusLine: String { Self.statusLine(status) }

  /// "401 Unauthorized" for a status code.
  static func statusLine(_ status: Int) -> String {
    let reasons: [Int: String] = [
      200: "OK", 201: "Created", 202: "Accepted", 204: "No Content", 301: "Moved Permanently",
      302: "Found", 307: "Temporary Redirect", 308: "Permanent Redirect", 400: "Bad Request",
      401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
      406: "Not Acceptable", 408: "Request Timeout", 409: "Conflict", 410: "Gone",
      413: "Content Too Large", 415: "Unsupported Media Type", 421: "Misdirected Request",
      422: "Unprocessable Content", 424: "Failed Dependency", 429: "Too Many Requests",
      500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway",
      503: "Service Unavailable", 504: "Gateway Timeout",
    ]
    guard let reason = reasons[status] else { return "\(status)" }
    return "\(status) \(reason)"
  }

  /// "HTTP 401 Unauthorized from https://…/mcp: Bearer realm=…; the body says: …" (not yet
  /// redacted: the transport redacts it with its own redactor).
  func failureText(url: String, body: [UInt8], total: Int) -> String {
    var text = "HTTP \(statusLine) from \(url)"
    var parts: [String] = []
    if let challenge = value("WWW-Authenticate") {
      parts.append(challenge)
    }
    if !body.isEmpty {
      parts.append("the body says: " + HTTPRecord.excerpt(body, total: total))
    }
    if !parts.isEmpty {
      text += ": " + parts.joined(separator: "; ")
    }
    return text
  }
}
