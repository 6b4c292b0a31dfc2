import Foundation
import PreflightCore
import PreflightJSON
import Testing

@Suite struct WireLogTests {
  let fixedTime: @Sendable () -> Int64 = { 1_795_000_869_883 }

  @Test func `a frame record has the NDJSON shape of cli.md`() throws {
    let log = WireLog(clock: fixedTime)
    let message: JSONValue = ["jsonrpc": "2.0", "id": 1, "result": ["tools": []]]
    let record = log.recordMessage(message, direction: .inbound, transport: "stdio", byteCount: 40)
    #expect(
      JSONPrinter.compact(record.json)
        == #"{"seq":1,"time":"2026-11-18T11:21:09.883Z","direction":"in","transport":"stdio","#
        + #""message":{"jsonrpc":"2.0","id":1,"result":{"tools":[]}}}"#)
  }

  @Test func `time is UTC with milliseconds`() {
    #expect(WireRecord.formatTime(0) == "1970-01-01T00:00:00.000Z")
    #expect(WireRecord.formatTime(1_795_000_869_007) == "2026-11-18T11:21:09.007Z")
  }

  @Test func `a frame that is not JSON is kept as raw text, or base64 when not UTF-8`() throws {
    let log = WireLog(clock: fixedTime)
    let text = Array("Server starting...".utf8)
    let r1 = log.recordFrame(
      text, parsed: parse(text), direction: .inbound, transport: "stdio")
    #expect(r1.json["raw"] == "Server starting...")
    #expect(r1.json["message"] == nil)
    let bytes: [UInt8] = [0xC3, 0x28, 0x7B]
    let r2 = log.recordFrame(
      bytes, parsed: parse(bytes), direction: .inbound,
      transport: "stdio")
    #expect(r2.json["rawBase64"] == .string(Data(bytes).base64EncodedString()))
  }

  @Test func `a secret inside a frame that is not UTF-8 is masked before the base64`() throws {
    let log = WireLog(redactor: Redactor(secrets: ["sk-live-ABCDEF"]), clock: fixedTime)
    let bytes: [UInt8] = [0xFF] + Array("token sk-live-ABCDEF end".utf8) + [0xC3, 0x28]
    let record = log.recordFrame(
      bytes, parsed: parse(bytes), direction: .inbound, transport: "stdio")
    let encoded = try #require(record.json["rawBase64"]?.stringValue)
    let decoded = try #require(Data(base64Encoded: encoded))
    let expected = [0xFF] + Array("token \(Redactor.mask) end".utf8) + [0xC3, 0x28]
    #expect(Array(decoded) == expected)
    #expect(record.json["redacted"] == true)
    #expect(!encoded.contains(Data("sk-live-ABCDEF".utf8).base64EncodedString().prefix(12)))
  }

  @Test func `stderr and local records`() {
    let log = WireLog(clock: fixedTime)
    #expect(log.recordStderr("warming up", transport: "stdio").json["stderr"] == "warming up")
    let local = log.recordLocal(
      kind: "approval-denied", text: "approval denied — no request sent", transport: "stdio")
    #expect(local.json["direction"] == "local")
    #expect(
      local.json["local"] == [
        "kind": "approval-denied", "text": "approval denied — no request sent",
      ])
  }

  @Test(arguments: [
    "Authorization", "authorization", "Cookie", "api_key", "apiKey", "client_secret",
    "GITHUB_TOKEN", "password", "access_token", "x-api-key",
  ])
  func `members named like secrets are masked`(name: String) {
    let log = WireLog()
    let record = log.recordMessage(
      ["params": .object(JSONObject([JSONMember(key: name, value: "hunter2-secret")]))],
      direction: .outbound, transport: "stdio", byteCount: 1)
    #expect(record.message?["params"]?[name] == .string(Redactor.mask))
    #expect(record.redacted)
    #expect(record.json["redacted"] == true)
  }

  @Test(arguments: ["progressToken", "maxTokens", "name", "cursor", "title"])
  func `ordinary members are not masked`(name: String) {
    let log = WireLog()
    let record = log.recordMessage(
      ["params": .object(JSONObject([JSONMember(key: name, value: "value-1234")]))],
      direction: .outbound, transport: "stdio", byteCount: 1)
    #expect(record.message?["params"]?[name] == "value-1234")
    #expect(!record.redacted)
  }

  @Test func `a user secret is masked inside any string, stderr and raw text included`() {
    let log = WireLog(redactor: Redactor(secrets: ["sk-live-ABCDEF"]))
    let r1 = log.recordStderr("using key sk-live-ABCDEF for auth", transport: "stdio")
    #expect(r1.body == .stderr("using key [REDACTED] for auth"))
    let r2 = log.recordMessage(
      ["result": ["content": [["type": "text", "text": "echo sk-live-ABCDEF"]]]],
      direction: .inbound, transport: "stdio", byteCount: 1)
    #expect(r2.message?["result"]?["content"]?[0]?["text"] == "echo [REDACTED]")
    let raw = Array("oops sk-live-ABCDEF".utf8)
    let r3 = log.recordFrame(
      raw, parsed: parse(raw), direction: .inbound, transport: "stdio")
    #expect(r3.json["raw"] == "oops [REDACTED]")
    #expect(!JSONPrinter.compact(r3.json).contains("sk-live"))
  }

  @Test func `evictions keep memory under the cap and are recorded`() {
    let log = WireLog(capacity: 100)
    for i in 0..<1_000 {
      log.recordStderr("line \(i)", transport: "stdio")
    }
    let records = log.records
    #expect(records.count <= 101)
    #expect(log.evictedCount > 850)
    let seqs = records.map(\.seq)
    #expect(seqs == seqs.sorted())
    #expect(
      records.contains {
        if case .local(let kind, _, let details) = $0.body {
          return kind == "evicted" && details?["count"]?.intValue != nil
        }
        return false
      })
    // The newest record survives.
    #expect(records.contains { $0.body == .stderr("line 999") })
  }

  @Test func `the file keeps every record as one JSON line`() throws {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("wirelog-\(UInt32.random(in: 0...UInt32.max)).ndjson").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let log = WireLog(capacity: 10)
    try log.attachFile(path: path)
    for i in 0..<50 {
      log.recordMessage(["i": .int(i)], direction: .outbound, transport: "stdio", byteCount: 7)
    }
    log.closeFile()
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let lines = text.split(separator: "\n")
    let parsed = try lines.map { try JSONParser.parse(String($0)) }
    let messages = parsed.compactMap { $0["message"]?["i"]?.intValue }
    #expect(messages == Array(0..<50))
    let seqs = parsed.compactMap { $0["seq"]?.intValue }
    #expect(seqs == Array(1...seqs.count))
  }

  @Test func `observers see records as they are appended`() {
    let log = WireLog()
    let seen = SeenRecords()
    log.addObserver { seen.add($0.seq) }
    log.recordStderr("a", transport: "stdio")
    log.recordStderr("b", transport: "stdio")
    #expect(seen.values == [1, 2])
  }
}

private func parse(_ bytes: [UInt8]) -> Result<JSONValue, JSONParseError> {
  Result { () throws(JSONParseError) -> JSONValue in try JSONParser.parse(bytes) }
}

private final class SeenRecords: @unchecked Sendable {
  private var storage: [Int] = []
  func add(_ value: Int) { storage.append(value) }
  var values: [Int] { storage }
}

@Suite struct RedactorURLTests {
  @Test(arguments: [
    ("https://x.test/mcp?api_key=abc123&page=2", "https://x.test/mcp?api_key=[REDACTED]&page=2"),
    ("https://x.test/mcp?token=t0k3n#frag", "https://x.test/mcp?token=[REDACTED]#frag"),
    ("https://user:pass@x.test/mcp", "https://[REDACTED]@x.test/mcp"),
    ("https://x.test/mcp?key=k1", "https://x.test/mcp?key=[REDACTED]"),
    ("https://x.test/mcp", "https://x.test/mcp"),
  ])
  func `secrets in URLs are masked`(url: String, expected: String) {
    #expect(Redactor().redactURL(url).0 == expected)
  }

  @Test func `a known secret inside a URL path is masked`() {
    let redactor = Redactor(secrets: ["s3cr3t-path"])
    #expect(
      redactor.redactURL("https://x.test/s3cr3t-path/mcp").0 == "https://x.test/[REDACTED]/mcp")
  }
}
