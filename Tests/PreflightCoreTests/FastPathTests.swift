import PreflightCore
import PreflightJSON
import PreflightTestSupport
import Testing

/// The shortcuts taken for call throughput (docs/benchmarks.md) answer exactly as the plain
/// code they replaced.
@Suite struct FastPathTests {
  /// The rule as it was written before the byte-level shortcut, kept here as the reference.
  static func referenceIsSecretName(_ name: String) -> Bool {
    let n = String(name.lowercased().filter { $0 != "_" && $0 != "-" && $0 != "." })
    if n == "progresstoken" { return false }
    let suffixes = [
      "token", "secret", "password", "passwd", "apikey", "authorization", "cookie", "privatekey",
      "credential", "credentials", "accesskey", "sessionkey", "signature",
    ]
    return suffixes.contains { n.hasSuffix($0) } || n == "auth" || n == "setcookie"
  }

  static let names: [String] = {
    let words = [
      "token", "Token", "TOKEN", "progressToken", "progress_token", "PROGRESS-TOKEN", "maxTokens",
      "secret", "client_secret", "Authorization", "authorization", "auth", "AUTH", "Auth_", "oauth",
      "author", "Cookie", "Set-Cookie", "setcookie", "set.cookie", "cookies", "password", "passwd",
      "api_key", "apiKey", "API-KEY", "private_key", "privateKey", "credential", "credentials",
      "access_key", "session_key", "sessionKey", "signature", "x-signature", "id", "", "_", "-.",
      "name", "method", "jsonrpc", "openai/session", "openai/subject",
      "a.very.long.name.ending.in.token",
      "tokenizer", "secrets", "keyboard", "GITHUB_TOKEN", "toke", "n", "xauthorizationx",
      // Not ASCII: the general path answers these.
      "tøken", "TOKEN\u{301}", "\u{212A}EY", "api\u{212A}ey", "İtoken", "ﬁtoken", "straße_secret",
    ]
    return words + words.map { $0 + "s" } + words.map { "x_" + $0 }
  }()

  @Test(arguments: names)
  func `a name is a secret name exactly when the plain rule says so`(name: String) {
    #expect(Redactor.isSecretName(name) == Self.referenceIsSecretName(name), "\(name)")
  }

  @Test func `the printer escapes the same bytes in runs as one by one`() throws {
    let samples = [
      "", "plain", "quote \" and backslash \\", "\n\r\t\u{8}\u{C}", "\u{0}\u{1F}\u{7F}",
      "C1 \u{80}\u{85}\u{9F} but not \u{A0}\u{C2}\u{A9}", "é and 日本 and 🙂", "\u{1B}[31mred",
      "end with a quote\"", "\"start", String(repeating: "long run ", count: 200) + "\u{7}",
    ]
    for sample in samples {
      var out: [UInt8] = []
      JSONPrinter.writeString(sample, into: &out)
      var expected: [UInt8] = [0x22]
      for scalar in sample.unicodeScalars {
        switch scalar.value {
        case 0x22: expected += Array("\\\"".utf8)
        case 0x5C: expected += Array("\\\\".utf8)
        case 0x0A: expected += Array("\\n".utf8)
        case 0x0D: expected += Array("\\r".utf8)
        case 0x09: expected += Array("\\t".utf8)
        case 0x08: expected += Array("\\b".utf8)
        case 0x0C: expected += Array("\\f".utf8)
        case 0..<0x20, 0x7F...0x9F:
          let hex = String(scalar.value, radix: 16)
          expected += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
        default: expected += Array(String(scalar).utf8)
        }
      }
      expected.append(0x22)
      #expect(out == expected, "\(sample.debugDescription)")
      // And it reads back as the same string.
      #expect(try JSONParser.parse(out) == .string(sample))
    }
  }

  @Test func `the wire log finds records by seq without copying the log`() {
    let log = WireLog(capacity: 10)
    #expect(log.lastSeq == 0)
    #expect(log.record(seq: 1) == nil)
    for i in 1...25 {
      log.recordLocal(kind: "note", text: "record \(i)", transport: "memory")
    }
    let kept = log.records
    #expect(log.lastSeq == kept.last?.seq)
    for seq in 0...(log.lastSeq + 2) {
      #expect(log.record(seq: seq) == kept.first { $0.seq == seq })
      #expect(log.records(after: seq) == kept.filter { $0.seq > seq })
    }
  }

  @Test func `each of several requests times out at its own deadline`() async throws {
    let transport = MemoryTransport()
    let clock = TestClock()
    let peer = JSONRPCPeer(transport: transport, log: WireLog(), clock: clock)
    try await peer.start()
    let long = try await peer.startRequest(
      "tools/call", params: ["name": "long"], options: RequestOptions(timeout: .seconds(60)))
    _ = await transport.server.receive()
    await clock.waitForSleepers()
    // A shorter deadline after a longer one wakes the sweeper earlier.
    let short = try await peer.startRequest(
      "tools/call", params: ["name": "short"], options: RequestOptions(timeout: .seconds(10)))
    _ = await transport.server.receive()
    await clock.waitForSleepers()
    clock.advance(by: .seconds(10))
    await #expect(throws: RPCFailure.timedOut(after: .seconds(10))) {
      try await peer.response(to: short)
    }
    let cancel = try #require(await transport.server.receive())
    #expect(cancel["params"]?["requestId"] == 2)
    #expect(await peer.inFlight[long] != nil)
    // A third request made meanwhile keeps its own deadline too.
    let third = try await peer.startRequest(
      "tools/call", params: ["name": "third"], options: RequestOptions(timeout: .seconds(100)))
    _ = await transport.server.receive()
    await clock.waitForSleepers()
    clock.advance(by: .seconds(50))
    await #expect(throws: RPCFailure.timedOut(after: .seconds(60))) {
      try await peer.response(to: long)
    }
    #expect(await peer.inFlight[third] != nil)
    transport.server.send(["jsonrpc": "2.0", "id": 3, "result": ["ok": true]])
    #expect(try await peer.response(to: third)["ok"] == true)
  }
}
