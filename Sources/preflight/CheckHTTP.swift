import Foundation
import PreflightCore
import PreflightJSON
import ServerCheck

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The plain HTTP requests of the connector check that are not MCP session traffic: ChatGPT's
/// `server/discover` probe and OAuth metadata fetches. Each exchange is written to the wire log
/// (redacted) so findings can cite it.
struct CheckHTTP {
  /// One answer.
  struct Answer {
    var status: Int?
    var headers: [String: String]
    var body: Data
    var failure: String?
    var seqs: [Int]

    /// A header's value, the name compared without regard to case.
    func header(_ name: String) -> String? {
      headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }
  }

  let log: WireLog
  let userHeaders: [(name: String, value: String)]
  let timeout: Duration
  /// Where the redirect chains met are kept.
  let redirects = RedirectLog()

  private var session: URLSession {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.urlCache = nil
    configuration.httpShouldSetCookies = false
    return URLSession(configuration: configuration, delegate: RedirectRefusal(), delegateQueue: nil)
  }

  /// The statuses that redirect when they carry a `Location`.
  static let redirectStatuses: Set<Int> = [301, 302, 303, 307, 308]

  /// Sends one request and records it and its answer in the wire log, following redirects
  /// itself one hop at a time so each is logged and kept in ``redirects`` (as `purpose`). It
  /// does not follow a hop that leaves HTTPS (or goes to plain http on a non-loopback host),
  /// a loop, or past ``RedirectChain/hardLimit``; then the redirect answer is returned. A 303,
  /// and a 301 or 302 to a POST, continue as a GET without the body, as HTTP clients do; the
  /// user's headers are not sent to another origin.
  func send(
    method: String, url: String, headers: [(String, String)], body: JSONValue? = nil,
    withUserHeaders: Bool, purpose: String
  ) async -> Answer {
    var current = (method: method, url: url, body: body, headers: headers)
    var sendUserHeaders = withUserHeaders
    var chain = RedirectChain(
      purpose: purpose, method: method, start: log.redactor.redactURL(url).0)
    var visited: Set<String> = [CheckEngine.normalizedURL(url)]
    var seqs: [Int] = []
    while true {
      var answer = await sendOnce(
        method: current.method, url: current.url, headers: current.headers, body: current.body,
        withUserHeaders: sendUserHeaders)
      seqs += answer.seqs
      guard let status = answer.status, Self.redirectStatuses.contains(status),
        let location = answer.header("Location")
      else {
        answer.seqs = seqs
        redirects.record(chain)
        return answer
      }
      let next = URL(string: location, relativeTo: URL(string: current.url))?.absoluteURL
        .absoluteString
      chain.hops.append(
        RedirectHop(
          url: log.redactor.redactURL(current.url).0, status: status,
          location: next.map { log.redactor.redactURL($0).0 }, evidence: answer.seqs))
      if let stop = stopReason(from: current.url, to: next, visited: &visited, hops: chain.hops) {
        chain.stopped = stop
        answer.seqs = seqs
        redirects.record(chain)
        return answer
      }
      guard let next else { continue }
      if !CheckEngine.sameOrigin(current.url, next) { sendUserHeaders = false }
      if status == 303 || ((status == 301 || status == 302) && current.method == "POST") {
        current.method = "GET"
        current.body = nil
        current.headers = current.headers.filter { $0.0.lowercased() != "content-type" }
      }
      current.url = next
    }
  }

  /// Why the check does not follow a redirect from `from` to `to`, or nil to follow it.
  private func stopReason(
    from: String, to: String?, visited: inout Set<String>, hops: [RedirectHop]
  ) -> String? {
    guard let to, let parts = URLComponents(string: to) else {
      return "the Location is not a URL"
    }
    let scheme = parts.scheme?.lowercased() ?? ""
    let fromScheme = URLComponents(string: from)?.scheme?.lowercased() ?? ""
    if scheme != "https"
      && (scheme != "http" || fromScheme == "https"
        || !CheckEngine.isLoopback(parts.host ?? ""))
    {
      return "the redirect leaves HTTPS, so the check does not follow it"
    }
    if !visited.insert(CheckEngine.normalizedURL(to)).inserted {
      return "the chain loops"
    }
    if hops.count > RedirectChain.hardLimit {
      return "a redirect after \(RedirectChain.hardLimit), the most the check follows"
    }
    return nil
  }

  /// One request and its answer, without following redirects.
  private func sendOnce(
    method: String, url: String, headers: [(String, String)], body: JSONValue?,
    withUserHeaders: Bool
  ) async -> Answer {
    guard let target = URL(string: url) else {
      return Answer(status: nil, headers: [:], body: Data(), failure: "not a URL: \(url)", seqs: [])
    }
    var request = URLRequest(url: target)
    request.httpMethod = method
    request.timeoutInterval = Double(timeout.components.seconds) + 1
    var all = headers
    if withUserHeaders {
      all += userHeaders.map { ($0.name, $0.value) }
    }
    for (name, value) in all { request.setValue(value, forHTTPHeaderField: name) }
    var shown = JSONObject()
    for (name, value) in all {
      shown[name] = .string(Redactor.isSecretName(name) ? Redactor.mask : value)
    }
    let requestHTTP: JSONValue = [
      "method": .string(method), "url": .string(log.redactor.redactURL(url).0),
      "headers": .object(shown),
    ]
    var seqs: [Int] = []
    if let body {
      let bytes = JSONPrinter.compactBytes(body)
      request.httpBody = Data(bytes)
      seqs.append(
        log.recordMessage(
          body, direction: .outbound, transport: "http", byteCount: bytes.count,
          http: requestHTTP
        ).seq)
    } else {
      seqs.append(
        log.recordLocal(
          kind: "check-fetch", text: "\(method) \(url)", http: requestHTTP, transport: "http"
        ).seq)
    }
    let session = self.session
    defer { session.finishTasksAndInvalidate() }
    do {
      let (data, response) = try await session.data(for: request)
      guard let http = response as? HTTPURLResponse else {
        return Answer(status: nil, headers: [:], body: data, failure: "not HTTP", seqs: seqs)
      }
      var headers: [String: String] = [:]
      for (name, value) in http.allHeaderFields {
        if let name = name as? String, let value = value as? String { headers[name] = value }
      }
      var answerHTTP = JSONObject()
      answerHTTP["method"] = .string(method)
      answerHTTP["url"] = .string(log.redactor.redactURL(url).0)
      answerHTTP["status"] = .int(http.statusCode)
      var kept = JSONObject()
      for name in [
        "Content-Type", "Mcp-Session-Id", "MCP-Protocol-Version", "WWW-Authenticate", "Location",
      ] {
        if let value = headers.first(where: { $0.key.lowercased() == name.lowercased() })?.value {
          kept[name] = .string(value)
        }
      }
      answerHTTP["headers"] = .object(kept)
      let bytes = [UInt8](data)
      if let message = Self.message(in: data, contentType: kept["Content-Type"]?.stringValue) {
        seqs.append(
          log.recordMessage(
            message, direction: .inbound, transport: "http", byteCount: bytes.count,
            http: .object(answerHTTP)
          ).seq)
      } else {
        if !bytes.isEmpty {
          answerHTTP["body"] = .string(String(decoding: bytes.prefix(4_096), as: UTF8.self))
        }
        seqs.append(
          log.recordLocal(
            kind: "http", text: "HTTP \(http.statusCode) from \(url)",
            http: .object(answerHTTP), transport: "http"
          ).seq)
      }
      return Answer(status: http.statusCode, headers: headers, body: data, failure: nil, seqs: seqs)
    } catch {
      let text = log.redactor.redact(error.localizedDescription).0
      seqs.append(
        log.recordLocal(kind: "http-error", text: "\(method) \(url): \(text)", transport: "http")
          .seq)
      return Answer(status: nil, headers: [:], body: Data(), failure: text, seqs: seqs)
    }
  }

  /// The JSON value of a body: the body itself, or for an SSE body the first `data:` event
  /// that parses.
  static func message(in data: Data, contentType: String?) -> JSONValue? {
    let bytes = [UInt8](data)
    if let value = try? JSONParser.parse(bytes) { return value }
    guard contentType?.lowercased().contains("text/event-stream") == true else { return nil }
    let text = String(decoding: bytes, as: UTF8.self)
    var event: [String] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let line = line.hasSuffix("\r") ? line.dropLast() : line
      if line.isEmpty {
        if !event.isEmpty, let value = try? JSONParser.parse(event.joined(separator: "\n")) {
          return value
        }
        event = []
      } else if line.hasPrefix("data:") {
        var rest = line.dropFirst(5)
        if rest.hasPrefix(" ") { rest = rest.dropFirst() }
        event.append(String(rest))
      }
    }
    if !event.isEmpty { return try? JSONParser.parse(event.joined(separator: "\n")) }
    return nil
  }

  /// GETs a JSON metadata document (`purpose` names it for the redirect rules).
  func fetchMetadata(_ url: String, purpose: String) async -> MetadataFetch {
    let answer = await send(
      method: "GET", url: url, headers: [("Accept", "application/json")], withUserHeaders: false,
      purpose: purpose)
    var document: JSONValue?
    var failure = answer.failure
    if answer.status == 200 {
      document = try? JSONParser.parse([UInt8](answer.body))
      if document?.objectValue == nil { failure = "the body is not a JSON object" }
    }
    return MetadataFetch(
      url: log.redactor.redactURL(url).0, status: answer.status, document: document,
      failure: failure, evidence: answer.seqs)
  }
}
