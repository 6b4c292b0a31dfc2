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

  private var session: URLSession {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.urlCache = nil
    configuration.httpShouldSetCookies = false
    return URLSession(configuration: configuration)
  }

  /// Sends one request and records it and its answer in the wire log.
  func send(
    method: String, url: String, headers: [(String, String)], body: JSONValue? = nil,
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
        "Content-Type", "Mcp-Session-Id", "MCP-Protocol-Version", "WWW-Authenticate",
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

  /// GETs a JSON metadata document.
  func fetchMetadata(_ url: String) async -> MetadataFetch {
    let answer = await send(
      method: "GET", url: url, headers: [("Accept", "application/json")], withUserHeaders: false)
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
