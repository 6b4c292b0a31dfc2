import PreflightCore
import PreflightJSON
import PreflightTestSupport
import Testing

/// A large `structuredContent` stays as the frame's bytes through the peer and the wire log,
/// and redaction still reaches inside it.
@Suite struct DeferredStructuredTests {
  static func frame(_ structured: String) -> [UInt8] {
    Array(#"{"jsonrpc":"2.0","id":1,"result":{"structuredContent":"#.utf8) + Array(structured.utf8)
      + Array("}}".utf8)
  }

  static func deferred(_ structured: String) throws -> JSONValue {
    try DeferringJSONParser.parse(
      frame(structured), deferring: ["result", "structuredContent"], above: 1)
  }

  static func big(_ count: Int) -> String {
    let records = (0..<count).map { #"{"id":\#($0),"name":"record \#($0)","tags":["a","b"]}"# }
    return #"{"items":["# + records.joined(separator: ",") + "]}"
  }

  @Test func `a large structuredContent arrives unparsed and is logged exactly`() async throws {
    let transport = MemoryTransport()
    let log = WireLog()
    let peer = JSONRPCPeer(transport: transport, log: log, clock: TestClock())
    try await peer.start()
    let structured = Self.big(30_000)
    #expect(structured.utf8.count > JSONRPCPeer.deferredObjectBytes)
    async let result = peer.request("tools/call")
    let request = try #require(await transport.server.receive())
    let id = JSONPrinter.compact(try #require(request["id"]))
    transport.server.sendRaw(
      Array(#"{"jsonrpc":"2.0","id":\#(id),"result":{"structuredContent":\#(structured)}}"#.utf8))
    let value = try await result
    let object = try #require(value["structuredContent"]?.objectValue)
    #expect(object.raw != nil)
    #expect(object.raw?.byteCount == structured.utf8.count)
    let logged = try #require(log.records.last { $0.direction == .inbound }?.message)
    #expect(logged["result"]?["structuredContent"]?.objectValue?.raw != nil)
    #expect(JSONPrinter.compact(logged["result"]!["structuredContent"]!) == structured)
  }

  @Test func `members named like secrets inside are redacted as in a parsed value`() throws {
    let text = #"{"items":[{"id":1,"api_key":"abcd1234"},{"id":2,"note":"fine"}]}"#
    let lazy = try Self.deferred(text)
    let eager = try JSONParser.parse(Self.frame(text))
    let redactor = Redactor()
    let redacted = try #require(redactor.redact(lazy))
    #expect(redacted == redactor.redact(eager))
    #expect(!JSONPrinter.compact(redacted).contains("abcd1234"))
  }

  @Test func `the user's secrets inside are masked, escaped or not`() throws {
    let redactor = Redactor(secrets: ["sk-SECRET-1"])
    for text in [
      #"{"items":[{"note":"token sk-SECRET-1 here"}]}"#,
      #"{"items":[{"note":"token sk-\u0053ECRET-1 here"}]}"#,
    ] {
      let lazy = try Self.deferred(text)
      let masked = try #require(redactor.maskingSecretValues(lazy))
      #expect(!JSONPrinter.compact(masked).contains("SECRET"))
      #expect(masked == redactor.maskingSecretValues(try JSONParser.parse(Self.frame(text))))
      #expect(redactor.redact(lazy) != nil)
    }
  }

  @Test func `nothing to redact leaves the object unparsed`() throws {
    let lazy = try Self.deferred(Self.big(50))
    #expect(Redactor().redact(lazy) == nil)
    #expect(Redactor(secrets: ["not-in-there"]).maskingSecretValues(lazy) == nil)
    #expect(lazy["result"]?["structuredContent"]?.objectValue?.raw != nil)
  }
}
