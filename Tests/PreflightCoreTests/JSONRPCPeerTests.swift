import PreflightCore
import PreflightJSON
import PreflightTestSupport
import Testing

@Suite struct JSONRPCPeerTests {
  let transport = MemoryTransport()
  let log = WireLog()
  let clock = TestClock()

  func makePeer(idStyle: RequestIDStyle = .numeric(start: 1)) async throws -> JSONRPCPeer {
    let peer = JSONRPCPeer(transport: transport, log: log, clock: clock, idStyle: idStyle)
    try await peer.start()
    return peer
  }

  @Test func `a response is matched to its request by id`() async throws {
    let peer = try await makePeer()
    async let first = peer.request("tools/list")
    async let second = peer.request("resources/list")
    let a = try #require(await transport.server.receive())
    let b = try #require(await transport.server.receive())
    // Answer out of order.
    transport.server.reply(to: b, result: ["which": "second"])
    transport.server.reply(to: a, result: ["which": "first"])
    let results = try await (first, second)
    #expect(results.0["which"] == "first")
    #expect(results.1["which"] == "second")
  }

  @Test func `a string id does not match a numeric id`() async throws {
    let peer = try await makePeer()
    let id = try await peer.startRequest("tools/list")
    #expect(id == .number("1"))
    _ = await transport.server.receive()
    transport.server.send(["jsonrpc": "2.0", "id": "1", "result": ["wrong": true]])
    await transport.server.sync()
    #expect(await peer.inFlight[id] == "tools/list")
    let unknown = log.records.last { record in
      if case .local(let kind, _, _) = record.body { return kind == "unknown-response" }
      return false
    }
    #expect(unknown != nil)
    transport.server.send(["jsonrpc": "2.0", "id": 1, "result": ["right": true]])
    #expect(try await peer.response(to: id)["right"] == true)
  }

  @Test func `the server's request ids live in their own space`() async throws {
    let peer = try await makePeer()
    async let mine = peer.request("tools/list")
    let request = try #require(await transport.server.receive())
    #expect(request["id"] == 1)
    // The server sends its own request with id 1 while ours is pending.
    transport.server.send(["jsonrpc": "2.0", "id": 1, "method": "ping"])
    let pong = try #require(await transport.server.receive())
    #expect(pong["id"] == 1)
    #expect(pong["result"] == [:])
    #expect(await peer.inFlight.count == 1)
    transport.server.reply(to: request, result: ["tools": []])
    #expect(try await mine["tools"] == [])
  }

  @Test func `an unknown server request gets method not found`() async throws {
    let peer = try await makePeer()
    transport.server.send(["jsonrpc": "2.0", "id": "s1", "method": "sampling/createMessage"])
    let answer = try #require(await transport.server.receive())
    #expect(answer["id"] == "s1")
    #expect(answer["error"]?["code"] == .int(-32601))
    await peer.close()
  }

  @Test func `a registered handler answers server requests`() async throws {
    let peer = try await makePeer()
    await peer.setRequestHandler("roots/list") { _, _ in .success(["roots": []]) }
    transport.server.send(["jsonrpc": "2.0", "id": 7, "method": "roots/list"])
    let answer = try #require(await transport.server.receive())
    #expect(answer["result"] == ["roots": []])
  }

  @Test func `a request times out, sends cancelled, and a late answer is reported`() async throws {
    let peer = try await makePeer()
    let options = RequestOptions(timeout: .seconds(60))
    let id = try await peer.startRequest("tools/call", params: ["name": "slow"], options: options)
    _ = await transport.server.receive()
    await clock.waitForSleepers()
    clock.advance(by: .seconds(59))
    #expect(await peer.inFlight[id] != nil)
    clock.advance(by: .seconds(1))
    await #expect(throws: RPCFailure.timedOut(after: .seconds(60))) {
      try await peer.response(to: id)
    }
    let cancel = try #require(await transport.server.receive())
    #expect(cancel["method"] == "notifications/cancelled")
    #expect(cancel["params"]?["requestId"] == 1)
    #expect(cancel["params"]?["reason"] == "timed out after 60 s")

    transport.server.send(["jsonrpc": "2.0", "id": 1, "result": ["content": []]])
    await transport.server.sync()
    let kinds = log.records.compactMap { record -> String? in
      if case .local(let kind, _, _) = record.body { return kind }
      return nil
    }
    #expect(kinds.contains("cancel-requested"))
    #expect(kinds.contains("late-response"))
    // The late frame itself is in the log, whole.
    #expect(log.records.contains { $0.direction == .inbound && $0.message?["result"] != nil })
  }

  @Test func `progress resets the timeout up to the hard maximum`() async throws {
    let peer = try await makePeer()
    let options = RequestOptions(
      timeout: .seconds(60), resetOnProgress: true, maxTotal: .seconds(150), progressToken: "p1")
    let id = try await peer.startRequest("tools/call", options: options)
    let sent = try #require(await transport.server.receive())
    #expect(sent["params"]?["_meta"]?["progressToken"] == "p1")
    for _ in 0..<3 {
      await clock.waitForSleepers()
      clock.advance(by: .seconds(40))
      transport.server.send([
        "jsonrpc": "2.0", "method": "notifications/progress",
        "params": ["progressToken": "p1", "progress": 1],
      ])
      await transport.server.sync()
    }
    // 120 s have passed: alive thanks to progress.
    #expect(await peer.inFlight[id] != nil)
    await clock.waitForSleepers()
    clock.advance(by: .seconds(30))
    await #expect(throws: RPCFailure.timedOut(after: .seconds(150))) {
      try await peer.response(to: id)
    }
  }

  @Test func `progress does not reset a timeout that does not allow it`() async throws {
    let peer = try await makePeer()
    let options = RequestOptions(timeout: .seconds(60), progressToken: "p1")
    let id = try await peer.startRequest("tools/call", options: options)
    _ = await transport.server.receive()
    await clock.waitForSleepers()
    clock.advance(by: .seconds(50))
    transport.server.send([
      "jsonrpc": "2.0", "method": "notifications/progress",
      "params": ["progressToken": "p1", "progress": 1],
    ])
    await transport.server.sync()
    clock.advance(by: .seconds(10))
    await #expect(throws: RPCFailure.timedOut(after: .seconds(60))) {
      try await peer.response(to: id)
    }
  }

  @Test func `cancelling the waiting task sends notifications cancelled`() async throws {
    let peer = try await makePeer()
    let task = Task { try await peer.request("tools/call", params: ["name": "x"]) }
    _ = await transport.server.receive()
    task.cancel()
    await #expect(throws: RPCFailure.cancelled) { try await task.value }
    let cancel = try #require(await transport.server.receive())
    #expect(cancel["method"] == "notifications/cancelled")
    #expect(cancel["params"]?["requestId"] == 1)
  }

  @Test func `initialize is never cancelled on the wire`() async throws {
    let peer = try await makePeer()
    let id = try await peer.startRequest(
      "initialize", options: RequestOptions(timeout: .seconds(5)))
    _ = await transport.server.receive()
    await peer.cancel(id)
    await #expect(throws: RPCFailure.cancelled) { try await peer.response(to: id) }
    transport.server.send(["jsonrpc": "2.0", "id": "after", "method": "ping"])
    // The next frame from the client is the ping answer, not a cancellation.
    let next = try #require(await transport.server.receive())
    #expect(next["id"] == "after")
  }

  @Test func `an error response fails the request with the error kept whole`() async throws {
    let peer = try await makePeer()
    let result = Task { () throws(RPCFailure) -> JSONValue in try await peer.request("tools/call") }
    let request = try #require(await transport.server.receive())
    transport.server.send([
      "jsonrpc": "2.0", "id": request["id"] ?? nil,
      "error": ["code": -32602, "message": "Unknown tool", "data": ["tool": "x"], "extra": 1],
    ])
    do {
      _ = try await result.value
      Issue.record("expected an error")
    } catch let error as RPCFailure {
      guard case .error(let e) = error else { throw error }
      #expect(e.code == -32602)
      #expect(e.data == ["tool": "x"])
      #expect(e.raw["extra"] == 1)
    }
  }

  @Test func `frames that are not JSON are kept raw and reported`() async throws {
    let peer = try await makePeer()
    transport.server.sendRaw(Array("Starting server on stdio...".utf8))
    transport.server.sendRaw([0xFF, 0xFE, 0x41])
    transport.server.send(["jsonrpc": "2.0", "hello": true])
    await transport.server.sync()
    let records = log.records
    #expect(
      records.contains {
        if case .raw(let text, _) = $0.body { return text == "Starting server on stdio..." }
        return false
      })
    #expect(
      records.contains {
        if case .rawBase64(let b64, _) = $0.body { return b64 == "//5B" }
        return false
      })
    var invalid = 0
    for await event in peer.events {
      if case .invalidFrame = event { invalid += 1 }
      if invalid == 3 { break }
    }
    #expect(invalid == 3)
  }

  @Test func `a batch from a 2025-03-26 server is handled item by item`() async throws {
    let peer = try await makePeer()
    async let a = peer.request("a")
    async let b = peer.request("b")
    let ra = try #require(await transport.server.receive())
    let rb = try #require(await transport.server.receive())
    transport.server.send([
      ["jsonrpc": "2.0", "id": ra["id"] ?? nil, "result": 1],
      ["jsonrpc": "2.0", "id": rb["id"] ?? nil, "result": 2],
    ])
    let results = try await (a, b)
    #expect(results.0 == 1 && results.1 == 2)
  }

  @Test func `pending requests fail when the server goes away`() async throws {
    let peer = try await makePeer()
    let result = Task { try await peer.request("tools/list") }
    _ = await transport.server.receive()
    let reason = CloseReason.processExited(status: 1, signal: nil, lastStderr: ["boom"])
    transport.server.close(reason)
    await #expect(throws: RPCFailure.closed(reason)) { try await result.value }
    #expect(
      log.records.contains {
        if case .local(let kind, let text, _) = $0.body {
          return kind == "server-exited" && text.contains("boom")
        }
        return false
      })
    await #expect(throws: RPCFailure.closed(reason)) { try await peer.request("again") }
  }

  @Test func `string request ids use the profile's prefix`() async throws {
    let peer = try await makePeer(idStyle: .string(prefix: "openai-mcp-"))
    async let r = peer.request("ping")
    let request = try #require(await transport.server.receive())
    #expect(request["id"] == "openai-mcp-1")
    transport.server.reply(to: request, result: [:])
    _ = try await r
  }

  @Test func `outgoing frames are compact JSON-RPC 2.0 in the wire log`() async throws {
    let peer = try await makePeer()
    try await peer.notify("notifications/initialized")
    let bytes = try #require(await transport.server.receiveBytes())
    #expect(
      String(decoding: bytes, as: UTF8.self)
        == #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#)
    let record = try #require(log.records.last)
    #expect(record.direction == .outbound)
    #expect(record.byteCount == bytes.count)
  }
}
