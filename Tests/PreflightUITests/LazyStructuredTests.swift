import ApprovalPolicy
import HostFlow
import PreflightCore
import PreflightJSON
import TerminalGrid
import Testing

@testable import PreflightUI

/// A large `structuredContent` kept as bytes and laid out lazily: the same lines, findings and
/// search results as the parsed value gives.
@Suite struct LazyStructuredTests {
  static let samples = [
    #"{"items":[{"id":1,"name":"record 0000001","tags":["alpha","beta"],"value":3},{"id":2,"name":"b","tags":[],"value":{}}]}"#,
    #"{ "a" : [ 1 , 2.50E-3 , -0 , 1e400 ] , "b" : { } , "c" : [ [ ] ] , "d" : null, "e": true }"#,
    #"{"esc":"quote \" backslash \\ slash \/ nl \n u \u00e9 \ud83d\ude42","k\"ey":"v"}"#,
    "{\"c1\":\"a\u{85}b\u{7F}c\",\"unicode\":\"日本語 🙂\"}",
    #"{}"#,
  ]

  static func raw(_ text: String) throws -> RawJSON {
    try #require(RawJSON(validating: Array(text.utf8)))
  }

  static func texts(_ lines: [StyledLine]) -> [String] {
    lines.map { $0.spans.map(\.text).joined() }
  }

  @Test(arguments: samples)
  func `pretty lines of the bytes equal the eager pretty lines, colours included`(text: String)
    throws
  {
    var lines = LazyLines(width: 60)
    lines.append(StyledLine("before"))
    lines.append(prettyJSON: try Self.raw(text), indent: 2)
    lines.append(StyledLine("after"))
    let eager = JSONColour.lines(try JSONParser.parse(text), indent: 2)
    #expect(lines.count == eager.count + 2)
    #expect(Array(lines.all.dropFirst().dropLast()) == eager)
    #expect(lines.line(0) == StyledLine("before"))
    #expect(lines.line(lines.count - 1) == StyledLine("after"))
  }

  /// `count` records: several checkpoints' worth of lines.
  static func big(_ count: Int) -> String {
    let records = (0..<count).map {
      #"{"id":\#($0),"name":"record \#($0)","tags":["alpha","beta"],"value":\#($0 * 3)}"#
    }
    return #"{"items":["# + records.joined(separator: ",") + #"],"marker":"END-OF-BIG"}"#
  }

  @Test func `every line of a layout with many checkpoints matches, and search finds lines`()
    throws
  {
    let text = Self.big(300)
    var lines = LazyLines(width: 80)
    lines.append(text: "a text before\nwith two lines")
    lines.append(prettyJSON: try Self.raw(text), indent: 2)
    lines.append(StyledLine("tail line"))
    let eager = JSONColour.lines(try JSONParser.parse(text), indent: 2)
    #expect(lines.count == 2 + eager.count + 1)
    #expect(Array(lines.all[2..<(2 + eager.count)]) == eager)
    let texts = Self.texts(lines.all)
    for needle in ["record 150\"", "end-of-big", "tail", "with two", "\"value\": 897"] {
      let from = -1
      let expected = texts.firstIndex { $0.lowercased().contains(needle.lowercased()) }
      if needle == "\"value\": 897" {
        // The bytes as sent have no space after the colon: search is over the bytes.
        #expect(lines.find(needle, after: from) == nil)
        #expect(lines.find("\"value\":897", after: from) == expected)
      } else {
        #expect(lines.find(needle, after: from) == expected, "\(needle)")
      }
    }
    let record = try #require(texts.firstIndex { $0.contains("\"record 150\"") })
    #expect(lines.find("record 150\"", after: record) == record, "wraps around to the same line")
    #expect(lines.find("a text", after: 100) == 0, "wraps around past the block")
    #expect(lines.find("absent", after: 0) == nil)
  }

  static func record(_ structured: JSONValue) -> CallRecord {
    CallRecord(
      call: ModelCall(name: "big", arguments: [:]), approvalRequired: false,
      outcome: ApprovalOutcome(kind: .notRequired, reason: "read-only"), sent: true,
      result: ["content": [["type": "text", "text": "items"]], "structuredContent": structured])
  }

  static let schema: JSONValue = [
    "outputSchema": [
      "type": "object", "required": ["items", "count"],
      "properties": [
        "items": [
          "type": "array",
          "items": [
            "type": "object", "required": ["id", "name"],
            "properties": ["id": ["type": "integer"], "name": ["type": "string", "maxLength": 9]],
          ],
        ]
      ],
    ]
  ]

  @Test func `validation findings of the bytes equal the eager validator's`() throws {
    let text = Self.big(40)
    let frame =
      Array(#"{"jsonrpc":"2.0","id":1,"result":{"structuredContent":"#.utf8)
      + Array(text.utf8) + Array("}}".utf8)
    let lazy = try DeferringJSONParser.parse(
      frame, deferring: ["result", "structuredContent"], above: 1)
    let structured = try #require(lazy["result"]?["structuredContent"])
    #expect(structured.objectValue?.raw != nil)
    let eager = try JSONParser.parse(text)
    let lazyLines = Self.texts(
      ResultLayout(Self.record(structured), tool: Self.schema, width: 100, generation: 1).lines.all)
    let eagerLines = Self.texts(
      ResultLayout(Self.record(eager), tool: Self.schema, width: 100, generation: 1).lines.all)
    let findings = { (lines: [String]) in lines.filter { $0.contains("✕") || $0.contains("•") } }
    #expect(!findings(eagerLines).isEmpty)
    #expect(findings(lazyLines) == findings(eagerLines))
    #expect(lazyLines.contains { $0.contains("pretty-printed as it is drawn") })
    let body = lazyLines.filter { !$0.contains("pretty-printed as it is drawn") }
    #expect(body == eagerLines)
  }

  @Test(arguments: [
    ("short", "short"), ("\n\nafter blank lines\nsecond", "after blank lines"),
    (String(repeating: "é", count: 45) + "\nnext", String(repeating: "é", count: 40) + "…"),
  ])
  func `the transcript names the first line of a text result, cut at 40 characters`(
    text: String, shown: String
  ) {
    let record = CallRecord(
      call: ModelCall(name: "big", arguments: [:]), approvalRequired: false,
      outcome: ApprovalOutcome(kind: .notRequired, reason: "read-only"), sent: true,
      result: ["content": [["type": "text", "text": .string(text)]]])
    let entry = TranscriptEntry(
      call: record.call, conversation: "c", policy: .chatgpt, record: record, origin: "form")
    #expect(entry.summary == "result: 1 content block (\"" + shown + "\")")
  }

  @Test func `invalid JSON inside structuredContent leaves the frame unparsed, as before`() {
    let frame = Array(#"{"jsonrpc":"2.0","id":1,"result":{"structuredContent":{"a":[1,}}}"#.utf8)
    #expect(throws: JSONParseError.self) {
      try DeferringJSONParser.parse(frame, deferring: ["result", "structuredContent"], above: 1)
    }
  }

  @Test func `the audience view summarises a large deferred object without parsing it`() throws {
    let raw = try Self.raw(Self.big(20_000))
    let structured = JSONValue.object(JSONObject(deferred: raw))
    #expect(!ResultLayout.fits(structured, within: 8_192))
    #expect(ResultLayout.fits(structured, within: raw.byteCount))
    let layout = ResultLayout(Self.record(structured), tool: nil, width: 80, generation: 1)
    #expect(layout.lines.count > 20_000 * 9)
    #expect(
      Self.texts([layout.lines.line(layout.lines.count - 2)]) == [#"    "marker": "END-OF-BIG""#])
  }
}
