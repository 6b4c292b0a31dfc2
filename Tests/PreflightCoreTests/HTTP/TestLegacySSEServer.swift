import Foundation
import PreflightJSON
import Synchronization

/// A scripted legacy HTTP+SSE server (2024-11-05): `GET ssePath` opens the stream and sends an
/// `endpoint` event with `endpoint`; each POST there is answered `202` and its response goes out
/// as a `message` event on the stream. A POST to `ssePath` is answered `405`, as a legacy server
/// behind the same URL would.
final class TestLegacySSEServer: Sendable {
  private struct State {
    var outbox: [String] = []
    var stopped = false
  }

  /// The HTTP server.
  let http: TestHTTPServer
  private let state = Mutex(State())
  private let wake = DispatchSemaphore(value: 0)

  /// Starts a server; `endpoint` is the endpoint event's data.
  init(ssePath: String = "/sse", endpoint: String = "/messages?sessionId=abc") throws {
    let box = Mutex<TestLegacySSEServer?>(nil)
    http = try TestHTTPServer { request, responder in
      guard let server = box.withLock({ $0 }) else { return }
      server.answer(request, responder, ssePath: ssePath, endpoint: endpoint)
    }
    box.withLock { $0 = self }
  }

  /// The SSE URL.
  func url(_ path: String = "/sse") -> String { http.url(path) }

  /// Stops the server and its stream.
  func stop() {
    state.withLock { $0.stopped = true }
    wake.signal()
    http.stop()
  }

  private func answer(
    _ request: TestHTTPRequest, _ responder: TestHTTPResponder, ssePath: String, endpoint: String
  ) {
    if request.method == "GET", request.path == ssePath {
      responder.startSSE()
      responder.write("event: endpoint\ndata: \(endpoint)\n\n")
      while true {
        _ = wake.wait(timeout: .now() + 0.05)
        let (messages, stopped) = state.withLock { state -> ([String], Bool) in
          defer { state.outbox = [] }
          return (state.outbox, state.stopped)
        }
        for message in messages {
          responder.write("event: message\ndata: \(message)\n\n")
        }
        if stopped {
          responder.endStream()
          return
        }
      }
    }
    guard request.method == "POST", request.path != ssePath else {
      responder.respond(status: 405)
      return
    }
    responder.respond(status: 202, text: "Accepted")
    guard let message = request.json, let method = message["method"]?.stringValue,
      let id = message["id"]
    else { return }
    let result: String
    switch method {
    case "initialize":
      result =
        #"{"protocolVersion":"2024-11-05","capabilities":{"tools":{}},"serverInfo":{"name":"legacy","version":"1"}}"#
    case "tools/list":
      result = #"{"tools":[{"name":"old","inputSchema":{"type":"object"}}]}"#
    default:
      result = "{}"
    }
    state.withLock {
      $0.outbox.append(#"{"jsonrpc":"2.0","id":\#(JSONPrinter.compact(id)),"result":\#(result)}"#)
    }
    wake.signal()
  }
}
