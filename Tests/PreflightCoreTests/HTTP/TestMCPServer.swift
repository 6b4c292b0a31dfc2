import Foundation
import PreflightJSON
import Synchronization

/// A scripted Streamable HTTP MCP server on top of ``TestHTTPServer``: answers `initialize`
/// (with a session id), `202` for notifications and responses, `tools/list`, `tools/call` and
/// `ping`, `405` for GET and `200` for DELETE, in JSON or SSE; `override` takes any request
/// first (return true when it answered).
final class TestMCPServer: Sendable {
  /// How requests are answered.
  enum Style: Sendable {
    case json
    case sse
  }

  /// Answers a request before the defaults; true when it did.
  typealias Override = @Sendable (TestHTTPRequest, TestHTTPResponder, TestMCPServer) -> Bool

  /// The HTTP server.
  let http: TestHTTPServer
  /// The session id handed out by `initialize` (a counter is appended: `s1`, `s2`…).
  let sessionPrefix: String?
  private let sessions = Mutex(0)

  /// Starts a server.
  init(style: Style = .json, sessionPrefix: String? = "s", override: Override? = nil) throws {
    let box = Mutex<TestMCPServer?>(nil)
    let http = try TestHTTPServer { request, responder in
      guard let server = box.withLock({ $0 }) else { return }
      if let override, override(request, responder, server) { return }
      server.answer(request, responder, style: style)
    }
    self.http = http
    self.sessionPrefix = sessionPrefix
    box.withLock { $0 = self }
  }

  /// The MCP endpoint.
  var url: String { http.url("/mcp") }

  /// The current session id (nil before `initialize`).
  var currentSession: String? {
    guard let sessionPrefix else { return nil }
    let count = sessions.withLock { $0 }
    return count == 0 ? nil : "\(sessionPrefix)\(count)"
  }

  /// Stops the server.
  func stop() { http.stop() }

  /// The default answers.
  func answer(_ request: TestHTTPRequest, _ responder: TestHTTPResponder, style: Style) {
    switch request.method {
    case "GET":
      responder.respond(status: 405)
      return
    case "DELETE":
      responder.respond(status: 200)
      return
    default:
      break
    }
    guard let message = request.json else {
      responder.respond(status: 400, text: "not JSON")
      return
    }
    guard let method = message["method"]?.stringValue, let id = message["id"] else {
      responder.respond(status: 202)
      return
    }
    var headers: [(String, String)] = []
    let result: String
    switch method {
    case "initialize":
      if let sessionPrefix {
        let number = sessions.withLock { count -> Int in
          count += 1
          return count
        }
        headers.append(("Mcp-Session-Id", "\(sessionPrefix)\(number)"))
      }
      let version = message["params"]?["protocolVersion"]?.stringValue ?? "2025-06-18"
      result =
        #"{"protocolVersion":"\#(version)","capabilities":{"tools":{}},"#
        + #""serverInfo":{"name":"test","version":"1"}}"#
    case "tools/list":
      result = #"{"tools":[{"name":"echo","inputSchema":{"type":"object"}}]}"#
    case "tools/call":
      result = #"{"content":[{"type":"text","text":"done"}]}"#
    default:
      result = "{}"
    }
    let response = #"{"jsonrpc":"2.0","id":\#(JSONPrinter.compact(id)),"result":\#(result)}"#
    switch style {
    case .json:
      responder.json(response, headers: headers)
    case .sse:
      responder.startSSE(headers: headers)
      responder.write("event: message\ndata: \(response)\n\n")
      responder.endStream()
    }
  }
}
