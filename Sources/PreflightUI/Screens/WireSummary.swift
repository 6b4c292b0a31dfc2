import PreflightCore
import PreflightJSON
import PreflightText

/// Turns a wire-log record into a wire-pane line: a label and a one-line summary.
enum WireSummary {
  /// Label, summary and kind for a record; `method` is the method of the request a response
  /// answers, when known.
  static func describe(_ record: WireRecord, requestMethod: String?) -> (
    String, String, WireRow.Kind
  ) {
    switch record.body {
    case .stderr(let line):
      return ("stderr", line, .stderr)
    case .local(let kind, let text, _):
      return (kind, text, .local)
    case .raw(let text, _):
      return ("not JSON", text, .problem)
    case .rawBase64(_, let reason):
      return ("not UTF-8", reason, .problem)
    case .message(let message):
      let direction: WireRow.Kind = record.direction == .outbound ? .outbound : .inbound
      switch JSONRPCMessage.classify(message) {
      case .request(let id, let method, let params):
        return ("\(method) #\(id)", requestSummary(method, params), direction)
      case .notification(let method, let params):
        return (method, notificationSummary(method, params), direction)
      case .response(let id, let result):
        return ("result #\(id)", resultSummary(requestMethod, result), direction)
      case .errorResponse(let id, let error):
        return (
          "error #\(id.map(\.description) ?? "null")", "\(error.code) \(error.message)", .problem
        )
      case .batch(let items):
        return ("batch", "\(items.count) messages", direction)
      case .invalid(let reason):
        return ("invalid", reason, .problem)
      }
    }
  }

  private static func requestSummary(_ method: String, _ params: JSONValue?) -> String {
    switch method {
    case "initialize":
      let client = params?["clientInfo"]
      let name = client?["name"]?.stringValue ?? "?"
      let version = client?["version"]?.stringValue ?? "?"
      let protocolVersion = params?["protocolVersion"]?.stringValue ?? "?"
      return "\(name) \(version) · \(protocolVersion)"
    case "tools/call":
      let name = params?["name"]?.stringValue ?? "?"
      let arguments = params?["arguments"].map { JSONPrinter.compact($0) } ?? "{}"
      return "\(name) \(arguments)"
    case "tools/list", "resources/list", "prompts/list":
      if let cursor = params?["cursor"] { return "cursor \(JSONPrinter.compact(cursor))" }
      return ""
    case "resources/read":
      return params?["uri"]?.stringValue ?? ""
    default:
      return params.map { JSONPrinter.compact($0) } ?? ""
    }
  }

  private static func notificationSummary(_ method: String, _ params: JSONValue?) -> String {
    switch method {
    case "notifications/progress":
      let progress = params?["progress"]?.numberText ?? "?"
      let total = params?["total"]?.numberText.map { "/\($0)" } ?? ""
      let message = params?["message"]?.stringValue.map { " " + $0 } ?? ""
      return "\(progress)\(total)\(message)"
    case "notifications/message":
      let level = params?["level"]?.stringValue ?? "?"
      let data = params?["data"].map { $0.stringValue ?? JSONPrinter.compact($0) } ?? ""
      return "\(level): \(data)"
    case "notifications/cancelled":
      return "request \(params?["requestId"].map { JSONPrinter.compact($0) } ?? "?")"
    default:
      return params.map { JSONPrinter.compact($0) } ?? ""
    }
  }

  private static func resultSummary(_ method: String?, _ result: JSONValue) -> String {
    switch method {
    case "initialize":
      let server = result["serverInfo"]
      let name = server?["name"]?.stringValue ?? "?"
      let version = server?["version"]?.stringValue ?? ""
      let capabilities = result["capabilities"]?.objectValue?.keys.joined(separator: " ") ?? ""
      return "\(name) \(version) · \(capabilities)"
    case "tools/list":
      let count = result["tools"]?.arrayValue?.count ?? 0
      let more = result["nextCursor"].map { $0.isNull ? "" : " · more" } ?? ""
      return "\(count) tool\(count == 1 ? "" : "s")\(more)"
    case "tools/call":
      var parts: [String] = []
      if result["isError"] == .bool(true) { parts.append("isError") }
      let content = result["content"]?.arrayValue ?? []
      parts.append("\(content.count) content")
      if result["structuredContent"] != nil { parts.append("structuredContent") }
      return parts.joined(separator: " · ")
    default:
      if case .object(let o) = result, o.isEmpty { return "{}" }
      return result.objectValue?.keys.joined(separator: " ") ?? JSONPrinter.compact(result)
    }
  }

  /// `412 B`, `1.1 KB`, `6.3 MB`.
  static func size(_ bytes: Int) -> String {
    if bytes < 1000 { return "\(bytes) B" }
    if bytes < 1_000_000 { return oneDecimal(Double(bytes) / 1000) + " KB" }
    return oneDecimal(Double(bytes) / 1_000_000) + " MB"
  }

  /// `4.8 ms`, `120 ms`, `2.1 s`.
  static func latency(_ ms: Double) -> String {
    if ms < 10 { return oneDecimal(ms) + " ms" }
    if ms < 1000 { return "\(Int(ms.rounded())) ms" }
    return oneDecimal(ms / 1000) + " s"
  }

  private static func oneDecimal(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    return "\(tenths / 10).\(tenths % 10)"
  }

  /// `HH:MM:SS.mmm` of a UTC time in milliseconds.
  static func clock(_ millis: Int64) -> String {
    let full = WireRecord.formatTime(millis)
    // "2026-11-26T12:01:09.883Z" → "12:01:09.883"
    let start = full.index(full.startIndex, offsetBy: 11)
    let end = full.index(full.endIndex, offsetBy: -1)
    return String(full[start..<end])
  }
}
