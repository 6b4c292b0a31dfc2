import Foundation
import PreflightCore
import PreflightJSON
import Testing

/// A legacy HTTP+SSE fixture reached over a `--transport` mode with a profile.
struct LegacyRow: Sendable, CustomTestStringConvertible {
  /// The SDK line.
  var line: SDKLine
  /// sse or auto.
  var transport: HTTPTransportMode
  /// The profile.
  var profile: ClientProfile

  /// `serverInfo.name`.
  var serverName: String { line == .mcp2 ? "sdk2-legacy-sse" : "sdk1-legacy-sse" }
  /// `serverInfo.version`.
  var serverVersion: String { line == .mcp2 ? "1.0.0" : "1.30.0" }
  /// "mcp 2.3.0, --transport sse, full".
  var testDescription: String {
    "\(line.rawValue), --transport \(transport.rawValue), \(profile.name)"
  }

  /// Both lines, sse and auto, chatgpt and full.
  static let all = SDKLine.allCases.flatMap { line in
    [HTTPTransportMode.sse, .auto].flatMap { transport in
      [ClientProfile.chatgpt, .full].map {
        LegacyRow(line: line, transport: transport, profile: $0)
      }
    }
  }
}

extension HTTPInteropTests {
  /// The legacy HTTP+SSE servers (2024-11-05) and `--transport auto`'s fallback to them.
  @Suite struct LegacySSE {
    @Test(arguments: LegacyRow.all)
    func `lists and calls tools over the SSE stream; auto falls back after POST 405`(
      row: LegacyRow
    ) async throws {
      try await HTTPInterop.withServer(.legacy(row.line)) { server in
        let log = try await HTTPInterop.withSession(
          server.url, transport: row.transport, profile: row.profile
        ) { session in
          let info = try await session.connect()
          #expect(info.name == row.serverName)
          #expect(info.version == row.serverVersion)
          let names = try await session.listTools().tools.compactMap { $0["name"]?.stringValue }
          #expect(names == HTTPInteropTests.StreamableHTTP.toolNames)
          let listed = try await session.callTool("list_tasks", arguments: [:])
          #expect(
            Interop.members(listed["structuredContent"]?["tasks"]?[0]) == [
              "id": 1, "title": "Write the README", "done": false,
            ])
          // The server's ping arrives on the SSE stream; the answer is POSTed.
          let pong = try await session.callTool("ping_client", arguments: ["timeout_seconds": 5])
          #expect(HTTPInterop.text(pong) == "pong received", "\(pong)")
          if row.profile.sendsProgressTokens {
            let slow = try await session.callTool("slow", arguments: ["steps": 2])
            #expect(HTTPInterop.text(slow) == "slow done after 2 steps")
          }
          return session.log
        }
        let dump = HTTPInterop.dump(log)

        let inbound = log.records.filter(\.isInboundFrame)
        #expect(inbound.count >= 5, "\(dump)")
        for record in inbound {
          #expect(record.transport == "sse", "\(record.line)")
          #expect(record.httpMethodName == "GET", "\(record.line)")
          #expect(record.httpField("url")?.stringValue == server.url, "\(record.line)")
          #expect(record.httpStatusCode == 200, "\(record.line)")
          #expect(
            record.httpHeaderValue("Content-Type") == "text/event-stream; charset=utf-8",
            "\(record.line)")
          #expect(record.sseEventID == nil, "\(record.line)")
        }
        #expect(log.inbound("ping").count == 1, "\(dump)")
        if row.profile.sendsProgressTokens {
          let progress = log.inbound("notifications/progress")
          let call = log.outbound("tools/call").last?.message
          let response = log.response(to: call?["id"])
          #expect(progress.count == 2, "\(dump)")
          #expect(progress.allSatisfy { $0.seq < (response?.seq ?? 0) }, "\(dump)")
        }
        // Every message after the choice is POSTed to the endpoint the stream named.
        let posted = log.records.filter { $0.isOutboundFrame && $0.transport == "sse" }
        #expect(!posted.isEmpty, "\(dump)")
        for record in posted {
          #expect(record.httpMethodName == "POST", "\(record.line)")
          let url = record.httpField("url")?.stringValue ?? ""
          let base = String(server.url.dropLast("/sse".count))
          #expect(url.hasPrefix(base + "/messages/?session_id="), "\(record.line)")
        }
        #expect(!log.exchanges("POST", status: 202).isEmpty, "\(dump)")

        let chosen = log.locals("transport-chosen")
        switch row.transport {
        case .auto:
          // POST /sse → 405 (allow: GET, HEAD): the fallback, said in the log.
          #expect(log.exchanges("POST", status: 405).count == 1, "\(dump)")
          #expect(chosen.count == 1, "\(dump)")
          let text = chosen.first?.localText ?? ""
          #expect(text.contains("legacy HTTP+SSE"), "\(text)")
          #expect(text.contains("405"), "\(text)")
          #expect(log.outbound("initialize").count == 1, "\(dump)")
        default:
          #expect(chosen.isEmpty, "\(dump)")
          #expect(log.records.allSatisfy { $0.transport == "sse" }, "\(dump)")
        }
      }
    }
  }

  /// A session the server forgets (`404`) and a stream that drops mid-response.
  @Suite struct Recovery {
    @Test func `a session the server forgets (404) is initialized again and the request retried`()
      async throws
    {
      try await HTTPInterop.withServer(.forgetful) { server in
        let (added, log) = try await HTTPInterop.withSession(server.url, profile: .full) {
          session in
          _ = try await session.connect()
          _ = try await session.listTools()  // request 1
          _ = try await session.callTool("list_tasks", arguments: [:])  // request 2
          // Request 3 of the session gets 404.
          let added = try await session.callTool("add_task", arguments: ["title": "after 404"])
          return (added, session.log)
        }
        let dump = HTTPInterop.dump(log)
        #expect(added["isError"] != true, "\(added)")
        #expect(added["structuredContent"]?["title"] == "after 404")

        let notFound = log.records.filter { $0.httpStatusCode == 404 }
        #expect(notFound.count == 1, "\(dump)")
        let expired = log.locals("session-expired")
        let reconnected = log.locals("reconnected")
        #expect(expired.count == 1, "\(dump)")
        #expect(reconnected.count == 1, "\(dump)")
        #expect(reconnected.first?.localText?.contains("tools/call") == true, "\(dump)")

        let initializes = log.outbound("initialize")
        try #require(initializes.count == 2, "\(dump)")
        let ids = initializes.map {
          log.response(to: $0.message?["id"])?.httpHeaderValue("Mcp-Session-Id")
        }
        #expect(ids.allSatisfy { HTTPInterop.isSessionID($0) }, "\(dump)")
        #expect(ids[0] != ids[1], "\(dump)")
        let calls = log.outbound("tools/call")
        try #require(calls.count == 3, "\(dump)")
        // The third call went with the old session and came back 404; the retry, after the new
        // initialize, with the new one.
        #expect(calls[1].httpHeaderValue("Mcp-Session-Id") == ids[0])
        #expect(calls[2].httpHeaderValue("Mcp-Session-Id") == ids[1])
        #expect(calls[1].message?["params"] == calls[2].message?["params"])
        // Frames Preflight sends are recorded in the order it sends them; the transport's own
        // records (the 404, the notes) reach the log through its event stream and may land a
        // little later on a loaded machine, so only the sends are ordered here.
        #expect(
          notFound.first != nil && expired.first != nil && reconnected.first != nil, "\(dump)")
        #expect(initializes[1].seq < calls[2].seq, "\(dump)")
        #expect(log.response(to: calls[2].message?["id"]) != nil, "\(dump)")
        #expect(
          server.stderrText.contains("forgetting session \(ids[0] ?? "?") after 2 requests"),
          "\(server.stderrText)")
      }
    }

    @Test func `two requests that meet the forgotten session together start one new session`()
      async throws
    {
      try await HTTPInterop.withServer(.forgetful) { server in
        let (outcomes, log) = try await HTTPInterop.withSession(server.url, profile: .full) {
          session in
          _ = try await session.connect()
          _ = try await session.listTools()
          _ = try await session.callTool("list_tasks", arguments: [:])
          // Requests 3 and 4 of the session: both carry the old session id and both get 404.
          async let first = Self.outcome { () async throws(SessionError) in
            try await session.callTool("list_tasks", arguments: [:])
          }
          async let second = Self.outcome { () async throws(SessionError) in
            try await session.callTool("add_task", arguments: ["title": "together"])
          }
          let outcomes = await [first, second]
          return (outcomes, session.log)
        }
        let dump = HTTPInterop.dump(log)
        let failures = outcomes.compactMap { outcome -> SessionError? in
          if case .failure(let error) = outcome { return error }
          return nil
        }
        #expect(failures.isEmpty, "\(failures)\n\(dump)")
        let results = outcomes.compactMap { try? $0.get() }
        #expect(results.first?["isError"] == false, "\(dump)")
        #expect(results.last?["structuredContent"]?["title"] == "together", "\(dump)")
        #expect(log.outbound("initialize").count == 2, "\(dump)")
        #expect(log.locals("reconnected").count == 1, "\(dump)")
        #expect(!log.locals("session-expired").isEmpty, "\(dump)")
        // Every request after the new initialize carried the new session id.
        let initializes = log.outbound("initialize")
        let newID = log.response(to: initializes.last?.message?["id"])?.httpHeaderValue(
          "Mcp-Session-Id")
        #expect(HTTPInterop.isSessionID(newID), "\(dump)")
        for record in log.records
        where record.isOutboundFrame && record.seq > (initializes.last?.seq ?? .max)
          && record.method != "initialize"
        {
          #expect(record.httpHeaderValue("Mcp-Session-Id") == newID, "\(record.line)")
        }
      }
    }

    /// The result of `body`, or its error.
    static func outcome(
      _ body: () async throws(SessionError) -> JSONValue
    ) async -> Result<JSONValue, SessionError> {
      do throws(SessionError) {
        return .success(try await body())
      } catch {
        return .failure(error)
      }
    }

    @Test(arguments: [ClientProfile.full, .chatgpt2025])
    func `a stream that drops mid-response is resumed with Last-Event-ID`(
      profile: ClientProfile
    ) async throws {
      try await HTTPInterop.withServer(.resumable) { server in
        let (result, log) = try await HTTPInterop.withSession(server.url, profile: profile) {
          session in
          _ = try await session.connect()
          return (try await session.callTool("drop_midway", arguments: ["parts": 3]), session.log)
        }
        let dump = HTTPInterop.dump(log)
        #expect(HTTPInterop.text(result) == "drop_midway done: 3 parts", "\(result)")
        let parts = log.inbound("notifications/message")
        #expect(
          parts.map { $0.message?["params"]?["data"] } == [
            "part 1 of 3", "part 2 of 3", "part 3 of 3",
          ], "\(dump)")
        // With an event store every message event has an id.
        for record in log.records.filter(\.isInboundFrame) {
          #expect(record.sseEventID.flatMap { Int($0) } != nil, "\(record.line)")
        }
        let call = try #require(log.outbound("tools/call").first?.message)
        let response = try #require(log.response(to: call["id"]), "\(dump)")
        let resumes = log.records.filter { $0.httpHeaderValue("Last-Event-ID") != nil }

        guard profile.protocolVersion == "2025-11-25" else {
          // Before 2025-11-25 the SDK does not close the stream: everything comes on the POST.
          #expect(resumes.isEmpty, "\(dump)")
          #expect(log.locals("stream-dropped").isEmpty, "\(dump)")
          #expect((parts + [response]).allSatisfy { $0.httpMethodName == "POST" }, "\(dump)")
          return
        }
        try #require(parts.count == 3)
        #expect(log.locals("stream-dropped").count == 1, "\(dump)")
        // Part 1 came on the POST stream, which then ended; the GET resumed after its id.
        #expect(parts[0].httpMethodName == "POST", "\(dump)")
        let resumed = try #require(
          log.exchanges("GET", status: 200).first { $0.httpHeaderValue("Last-Event-ID") != nil },
          "\(dump)")
        #expect(resumed.httpHeaderValue("Last-Event-ID") == parts[0].sseEventID, "\(dump)")
        #expect(
          resumed.httpHeaderValue("Mcp-Session-Id") == parts[0].httpHeaderValue("Mcp-Session-Id"))
        for record in [parts[1], parts[2], response] {
          #expect(record.httpMethodName == "GET", "\(record.line)")
          #expect(record.httpHeaderValue("Last-Event-ID") == parts[0].sseEventID, "\(record.line)")
          #expect(record.seq > resumed.seq, "\(record.line)")
        }
      }
    }
  }
}
