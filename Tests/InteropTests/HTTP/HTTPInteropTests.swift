import Foundation
import PreflightCore
import PreflightJSON
import Testing

/// Preflight against HTTP servers written with the official Python SDK (both lines) and a few
/// small stdlib servers, all started on 127.0.0.1 by the tests (`Fixtures/http/README.md`).
///
/// The nested suites share one server per fixture and mode (``SharedHTTPFixtures``): the state of
/// `add_task` is shared with them, so no test counts on a task id.
@Suite(Interop.gate, .sharedHTTPFixtures, .timeLimit(.minutes(5)))
struct HTTPInteropTests {}

/// A Streamable HTTP fixture in one mode.
struct StreamableRow: Sendable, CustomTestStringConvertible {
  /// The SDK line.
  var line: SDKLine
  /// SSE, json_response or stateless.
  var mode: StreamableMode

  /// The fixture.
  var fixture: HTTPFixture { .streamable(line, mode) }
  /// `serverInfo.name`.
  var serverName: String { line == .mcp2 ? "sdk2-http" : "sdk1-http" }
  /// `serverInfo.version`.
  var serverVersion: String { line == .mcp2 ? "1.0.0" : "1.30.0" }
  /// "mcp 2.3.0, SSE".
  var testDescription: String { "\(line.rawValue), \(mode.rawValue)" }

  /// Both lines in every mode.
  static let all = SDKLine.allCases.flatMap { line in
    StreamableMode.allCases.map { StreamableRow(line: line, mode: $0) }
  }
}

/// A client profile over a `--transport` mode.
struct ClientRow: Sendable, CustomTestStringConvertible {
  /// The profile.
  var profile: ClientProfile
  /// auto or http.
  var transport: HTTPTransportMode

  /// "chatgpt over --transport auto".
  var testDescription: String { "\(profile.name) over --transport \(transport.rawValue)" }

  /// Whether this client leaves `Mcp-Session-Id` off `tools/call` (ChatGPT, as observed).
  var omitsSessionOnCalls: Bool { profile.sessionIDEcho == .exceptToolsCall }

  /// chatgpt and full, each over auto and http.
  static let all = [ClientProfile.chatgpt, .full].flatMap { profile in
    [HTTPTransportMode.auto, .http].map { ClientRow(profile: profile, transport: $0) }
  }
}

extension HTTPInteropTests {
  /// `sdk2_http.py` and `sdk1_http.py` in SSE, json_response and stateless mode.
  @Suite struct StreamableHTTP {
    /// The tools every fixture lists, in order.
    static let toolNames = ["list_tasks", "add_task", "slow", "ping_client"]

    @Test(arguments: StreamableRow.all, ClientRow.all)
    func `connects, lists tools, calls list_tasks and add_task, and logs the HTTP of every frame`(
      row: StreamableRow, client: ClientRow
    ) async throws {
      try await HTTPInterop.withServer(row.fixture) { server in
        let title = "\(row) / \(client)"
        let profile = client.profile
        // ChatGPT leaves Mcp-Session-Id off tools/call (cli.md, "as observed"); a stateful SDK
        // server refuses such a call with 400 "Missing session ID". Preflight must send it just
        // so and say what happened.
        let refused = client.omitsSessionOnCalls && row.mode.hasSession
        let log = try await HTTPInterop.withSession(
          server.url, transport: client.transport, profile: profile
        ) { session in
          let info = try await session.connect()
          #expect(info.name == row.serverName)
          #expect(info.version == row.serverVersion)
          #expect(info.protocolVersion == profile.protocolVersion)
          let names = try await session.listTools().tools.compactMap { $0["name"]?.stringValue }
          #expect(names == Self.toolNames)

          let calls: [(String, JSONValue)] = [
            ("list_tasks", [:]), ("add_task", ["title": .string(title)]),
          ]
          if refused {
            for (name, arguments) in calls {
              do throws(SessionError) {
                let result = try await session.callTool(name, arguments: arguments)
                Issue.record("\(name) without Mcp-Session-Id was answered: \(result)")
              } catch {
                #expect(error.exitCode == 3)
                #expect(error.description.contains("HTTP 400 Bad Request"), "\(error)")
                #expect(error.description.contains("Missing session ID"), "\(error)")
              }
            }
            // The session carries on.
            let again = try await session.listTools().tools.count
            #expect(again == Self.toolNames.count)
          } else {
            let listed = try await session.callTool("list_tasks", arguments: [:])
            #expect(listed["isError"] != true)
            let tasks = listed["structuredContent"]?["tasks"]?.arrayValue ?? []
            #expect(tasks.count >= 2)
            #expect(
              tasks.prefix(2).map { Interop.members($0) } == [
                ["id": 1, "title": "Write the README", "done": false],
                ["id": 2, "title": "Ship it", "done": true],
              ])
            let added = try await session.callTool("add_task", arguments: calls[1].1)
            #expect(added["isError"] != true)
            let task = added["structuredContent"]
            #expect(task?["title"] == .string(title))
            #expect(task?["done"] == false)
            #expect((task?["id"]?.intValue ?? 0) >= 3)
          }
          return session.log
        }
        let dump = HTTPInterop.dump(log)

        // Inbound frames: 200, the mode's content type, the session id of initialize (none when
        // stateless), no event ids (these fixtures have no event store).
        let inbound = log.records.filter(\.isInboundFrame)
        #expect(inbound.count >= (refused ? 3 : 4), "\(dump)")
        let sessionID = inbound.first?.httpHeaderValue("Mcp-Session-Id")
        if row.mode.hasSession {
          #expect(HTTPInterop.isSessionID(sessionID), "\(dump)")
        } else {
          #expect(sessionID == nil, "\(dump)")
        }
        for record in inbound {
          #expect(record.transport == "http", "\(record.line)")
          #expect(record.httpMethodName == "POST", "\(record.line)")
          #expect(record.httpField("url")?.stringValue == server.url, "\(record.line)")
          #expect(record.httpStatusCode == 200, "\(record.line)")
          #expect(record.httpHeaderValue("Content-Type") == row.mode.contentType, "\(record.line)")
          #expect(record.httpHeaderValue("Mcp-Session-Id") == sessionID, "\(record.line)")
          #expect(record.sseEventID == nil, "\(record.line)")
        }

        // Outbound frames: the session id and protocol version after initialize, as the profile
        // echoes them.
        let outbound = log.records.filter(\.isOutboundFrame)
        #expect(
          outbound.map(\.method).prefix(3) == [
            "initialize", "notifications/initialized", "tools/list",
          ])
        for record in outbound {
          #expect(record.httpMethodName == "POST", "\(record.line)")
          #expect(record.httpHeaderValue("Content-Type") == "application/json", "\(record.line)")
          if record.method == "initialize" {
            #expect(record.httpHeaderValue("Mcp-Session-Id") == nil, "\(record.line)")
            #expect(record.httpHeaderValue("MCP-Protocol-Version") == nil, "\(record.line)")
            continue
          }
          #expect(
            record.httpHeaderValue("MCP-Protocol-Version") == profile.protocolVersion,
            "\(record.line)")
          let echoed = client.omitsSessionOnCalls && record.method == "tools/call" ? nil : sessionID
          #expect(record.httpHeaderValue("Mcp-Session-Id") == echoed, "\(record.line)")
        }
        if refused {
          #expect(log.exchanges("POST", status: 400).count == 2, "\(dump)")
        }

        // notifications/initialized got 202.
        #expect(!log.exchanges("POST", status: 202).isEmpty, "\(dump)")
        // --transport auto says it chose Streamable HTTP and why.
        let chosen = log.locals("transport-chosen")
        if client.transport == .auto {
          #expect(chosen.count == 1, "\(dump)")
          let text = chosen.first?.localText ?? ""
          #expect(text.contains("Streamable HTTP"), "\(text)")
          #expect(text.contains("200 OK (\(row.mode.contentType))"), "\(text)")
        } else {
          #expect(chosen.isEmpty, "\(dump)")
        }
        // The chatgpt profile opens no GET stream.
        if !profile.opensGetStream {
          #expect(log.exchanges("GET").isEmpty, "\(dump)")
        }
        // Closing ends the session with DELETE; without a session there is nothing to end.
        let deletes = log.exchanges("DELETE").map(\.httpStatusCode)
        #expect(deletes == (row.mode.hasSession ? [200] : []), "\(dump)")
      }
    }

    @Test(arguments: SDKLine.allCases, StreamableMode.allCases)
    func `progress of slow is in the wire log before the result, as it is sent`(
      line: SDKLine, mode: StreamableMode
    ) async throws {
      try await HTTPInterop.withServer(.streamable(line, mode)) { server in
        let (result, log) = try await HTTPInterop.withSession(server.url, profile: .full) {
          session in
          _ = try await session.connect()
          return (try await session.callTool("slow", arguments: ["steps": 3]), session.log)
        }
        let dump = HTTPInterop.dump(log)
        #expect(HTTPInterop.text(result) == "slow done after 3 steps")
        #expect(result["structuredContent"]?["result"] == "slow done after 3 steps")
        let call = try #require(log.outbound("tools/call").first?.message)
        let token = try #require(call["params"]?["_meta"]?["progressToken"])
        let response = try #require(log.response(to: call["id"]), "\(dump)")
        #expect(response.httpHeaderValue("Content-Type") == mode.contentType)
        let progress = log.inbound("notifications/progress")
        guard mode != .json else {
          // A JSON body holds one message: the response.
          #expect(progress.isEmpty, "\(dump)")
          return
        }
        try #require(progress.count == 3, "\(dump)")
        for (index, record) in progress.enumerated() {
          let params = record.message?["params"]
          #expect(params?["progressToken"] == token)
          // 2.x writes integers, 1.x floats (1.0).
          #expect(params?["progress"]?.doubleValue == Double(index + 1))
          #expect(params?["total"]?.doubleValue == 3)
          #expect(params?["message"] == .string("step \(index + 1) of 3"))
          #expect(record.seq < response.seq)
          #expect(record.httpMethodName == "POST")
          #expect(record.httpHeaderValue("Content-Type") == "text/event-stream")
        }
        // Sent about 100 ms apart and the result right after the last: recorded as they
        // came, not all at the end.
        let first = progress[0].timeMillis
        #expect(progress[2].timeMillis - first >= 100, "\(dump)")
        #expect(response.timeMillis - first >= 100, "\(dump)")
      }
    }

    @Test(arguments: SDKLine.allCases)
    func `a server ping on the POST stream is answered and the tool gets its pong`(
      line: SDKLine
    ) async throws {
      try await HTTPInterop.withServer(.streamable(line, .sse)) { server in
        let (result, log) = try await HTTPInterop.withSession(server.url, profile: .full) {
          session in
          _ = try await session.connect()
          let result = try await session.callTool("ping_client", arguments: ["timeout_seconds": 5])
          return (result, session.log)
        }
        let dump = HTTPInterop.dump(log)
        #expect(result["isError"] != true, "\(result)")
        #expect(HTTPInterop.text(result) == "pong received")
        #expect(result["structuredContent"]?["result"] == "pong received")

        let call = try #require(log.outbound("tools/call").first)
        let ping = try #require(log.inbound("ping").first, "\(dump)")
        // Per session, from 1 in 2.x and from 0 in 1.x.
        #expect(ping.message?["id"] == (line == .mcp2 ? 1 : 0))
        #expect(ping.httpMethodName == "POST")
        #expect(ping.httpHeaderValue("Content-Type") == "text/event-stream")
        let answer = try #require(
          log.records.first {
            $0.isOutboundFrame && $0.method == nil && $0.message?["id"] == ping.message?["id"]
          }, "\(dump)")
        #expect(Interop.members(answer.message?["result"]) == [:], "\(answer.line)")
        #expect(answer.message?["error"] == nil)
        #expect(answer.httpMethodName == "POST")
        let sessionID = log.records.first(where: \.isInboundFrame)?.httpHeaderValue(
          "Mcp-Session-Id")
        #expect(answer.httpHeaderValue("Mcp-Session-Id") == sessionID)
        let response = try #require(log.response(to: call.message?["id"]), "\(dump)")
        #expect(
          call.seq < ping.seq && ping.seq < answer.seq && answer.seq < response.seq, "\(dump)")
        #expect(response.httpMethodName == "POST")
      }
    }

    @Test(arguments: SDKLine.allCases, [StreamableMode.json, .stateless])
    func `ping_client without a back-channel fails as the SDK fails it, in words`(
      line: SDKLine, mode: StreamableMode
    ) async throws {
      try await HTTPInterop.withServer(.streamable(line, mode)) { server in
        try await HTTPInterop.withSession(server.url, profile: .full) { session in
          _ = try await session.connect()
          let log = session.log
          switch line {
          case .mcp2:
            // 2.x refuses at once with a JSON-RPC error; no ping is sent.
            do throws(SessionError) {
              let result = try await session.callTool(
                "ping_client", arguments: ["timeout_seconds": 0.5])
              Issue.record("expected error -32600, got \(result)")
            } catch {
              guard case .rpc(let method, let rpcError) = error else {
                Issue.record("expected SessionError.rpc, got \(error)")
                return
              }
              #expect(method == "tools/call")
              #expect(rpcError.code == -32_600)
              #expect(rpcError.message.contains("no back-channel"), "\(rpcError)")
              #expect(error.exitCode == 1)
            }
            #expect(log.inbound("ping").isEmpty)
          case .mcp1:
            // 1.x times out waiting for the answer: in JSON mode no ping reaches the client; in
            // stateless mode it does and is answered, but the answer lands in another transport.
            let result = try await session.callTool(
              "ping_client", arguments: ["timeout_seconds": 0.5])
            #expect(result["isError"] == true)
            let text = HTTPInterop.text(result) ?? ""
            #expect(
              text.contains("Timed out while waiting for response to ServerRequest"), "\(text)")
            let pings = log.inbound("ping")
            #expect(pings.count == (mode == .stateless ? 1 : 0), "\(HTTPInterop.dump(log))")
            for ping in pings {
              let answered = log.records.contains {
                $0.isOutboundFrame && $0.method == nil && $0.message?["id"] == ping.message?["id"]
              }
              #expect(answered, "\(HTTPInterop.dump(log))")
            }
          }
        }
      }
    }
  }
}
