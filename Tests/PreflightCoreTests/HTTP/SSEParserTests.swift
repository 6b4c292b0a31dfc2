import Foundation
import Testing

@testable import PreflightCore

@Suite struct SSEParserTests {
  /// Parses `text` in one chunk.
  static func parse(_ bytes: [UInt8]) -> [SSEEvent] {
    var parser = SSEParser()
    return parser.feed(bytes)
  }

  static func parse(_ text: String) -> [SSEEvent] { parse(Array(text.utf8)) }

  @Test(arguments: [
    ("data: hello\n\n", [SSEEvent(text: "hello")]),
    ("event: ping\ndata: x\n\n", [SSEEvent(type: "ping", text: "x")]),
    ("id: 7\ndata: x\n\n", [SSEEvent(text: "x", id: "7")]),
    ("retry: 250\ndata: x\n\n", [SSEEvent(text: "x", retry: 250)]),
    ("data: a\ndata: b\ndata: c\n\n", [SSEEvent(text: "a\nb\nc")]),
    ("data:no-space\n\n", [SSEEvent(text: "no-space")]),
    ("data:  two spaces\n\n", [SSEEvent(text: " two spaces")]),
    ("data\n\n", [SSEEvent(text: "")]),
    ("data:\ndata:\n\n", [SSEEvent(text: "\n")]),
    (": keep-alive\ndata: x\n\n", [SSEEvent(text: "x")]),
    (":\n:comment\n\n", []),
    ("foo: bar\ndata: x\n\n", [SSEEvent(text: "x")]),
    ("event: e\n\n", []),
    ("id: 1\n\ndata: x\n\n", [SSEEvent(text: "x")]),
    ("event:\ndata: x\n\n", [SSEEvent(text: "x")]),
    ("data: x\r\n\r\n", [SSEEvent(text: "x")]),
    ("data: x\r\rdata: y\r\r", [SSEEvent(text: "x"), SSEEvent(text: "y")]),
    ("data: a\rdata: b\r\ndata: c\n\n", [SSEEvent(text: "a\nb\nc")]),
    ("data: x\n\ndata: y\n\n", [SSEEvent(text: "x"), SSEEvent(text: "y")]),
    ("data: x", []),
    ("data: x\n", []),
    ("\u{FEFF}data: bom\n\n", [SSEEvent(text: "bom")]),
    ("data: caf\u{E9} \u{65E5}\n\n", [SSEEvent(text: "caf\u{E9} \u{65E5}")]),
    ("retry: 12a\ndata: x\n\n", [SSEEvent(text: "x")]),
    ("retry:\ndata: x\n\n", [SSEEvent(text: "x")]),
    ("id: a\u{0}b\ndata: x\n\n", [SSEEvent(text: "x")]),
    ("id\ndata: x\n\n", [SSEEvent(text: "x", id: "")]),
    ("data: {\"a\":1}\n\n", [SSEEvent(text: "{\"a\":1}")]),
  ])
  func `a table of streams parses as the standard says`(text: String, expected: [SSEEvent]) {
    #expect(Self.parse(text) == expected)
  }

  @Test func `the last event id persists across events and a resumed stream starts with it`() {
    var parser = SSEParser()
    let events = parser.feed(Array("id: 1\ndata: a\n\ndata: b\n\n".utf8))
    #expect(events.map(\.id) == ["1", nil])
    #expect(parser.lastEventID == "1")
    let resumed = SSEParser(lastEventID: "1", retry: 100)
    #expect(resumed.lastEventID == "1")
    #expect(resumed.retry == 100)
  }

  @Test func `retry sets the reconnection time even in a block without data`() {
    var parser = SSEParser()
    #expect(parser.feed(Array("retry: 100\nid: e1\n\n".utf8)).isEmpty)
    #expect(parser.retry == 100)
    #expect(parser.lastEventID == "e1")
    _ = parser.feed(Array("retry: nope\n\n".utf8))
    #expect(parser.retry == 100)
  }

  @Test func `unknown fields are ignored but counted for diagnostics`() {
    var parser = SSEParser()
    let body = #"{"jsonrpc":"2.0","id":1,"result":{}}"#
    #expect(parser.feed(Array((body + "\n\n").utf8)).isEmpty)
    #expect(parser.ignoredLineCount == 1)
    #expect(parser.firstIgnoredLine == body)
  }

  @Test func `finishing discards an unfinished event`() {
    var parser = SSEParser()
    #expect(parser.feed(Array("data: half".utf8)).isEmpty)
    #expect(parser.isInsideEvent)
    let discarded = parser.finish()
    #expect(discarded)
    #expect(!parser.isInsideEvent)
    let again = parser.finish()
    #expect(!again)
  }

  static let sample =
    "\u{FEFF}: hi\r\nevent: message\r\nid: 42\r\nretry: 100\r\ndata: {\"t\":\"caf\u{E9} \u{65E5}\u{1F642}\"}\r\n"
    + "data: second\r\n\r\n:c\rdata:x\r\r" + "id: 43\ndata: y\n\n"

  @Test func `every split of a sample into two chunks gives the same events`() {
    let bytes = Array(Self.sample.utf8)
    let expected = Self.parse(bytes)
    #expect(expected.count == 3)
    #expect(expected.first?.id == "42")
    #expect(expected.first?.retry == 100)
    for split in 0...bytes.count {
      var parser = SSEParser()
      let events = parser.feed(Array(bytes[..<split])) + parser.feed(Array(bytes[split...]))
      #expect(events == expected, "split at \(split)")
      #expect(parser.lastEventID == "43")
    }
  }

  @Test func `a sample fed byte by byte gives the same events`() {
    let bytes = Array(Self.sample.utf8)
    let expected = Self.parse(bytes)
    var parser = SSEParser()
    var events: [SSEEvent] = []
    for byte in bytes {
      events += parser.feed([byte])
    }
    #expect(events == expected)
  }

  @Test func `a CR at the end of one chunk and LF at the start of the next end one line`() {
    var parser = SSEParser()
    var events = parser.feed(Array("data: a\r".utf8))
    events += parser.feed(Array("\ndata: b\r".utf8))
    events += parser.feed(Array("\n\r".utf8))
    events += parser.feed(Array("\n".utf8))
    #expect(events == [SSEEvent(text: "a\nb")])
  }

  @Test(.timeLimit(.minutes(5)))
  func `a 20 MB event in 64 KB chunks is parsed in linear time`() {
    let size = 20 * 1024 * 1024
    var payload = [UInt8](repeating: UInt8(ascii: "x"), count: size)
    payload[0] = UInt8(ascii: "\"")
    payload[size - 1] = UInt8(ascii: "\"")
    let stream = Array("id: big\ndata: ".utf8) + payload + Array("\n\n".utf8)
    var parser = SSEParser()
    var events: [SSEEvent] = []
    let clock = ContinuousClock()
    let start = clock.now
    var offset = 0
    while offset < stream.count {
      let end = min(offset + 65_536, stream.count)
      stream[offset..<end].withUnsafeBytes { buffer in
        parser.feed(buffer) { events.append($0) }
      }
      offset = end
    }
    let elapsed = clock.now - start
    #expect(events.count == 1)
    #expect(events.first?.data.count == size)
    #expect(events.first?.data == payload)
    #expect(events.first?.id == "big")
    #expect(elapsed < .seconds(30), "took \(elapsed)")
  }

  @Test(.timeLimit(.minutes(5)))
  func `a 20 MB event fed in 1 KB chunks costs about what 64 KB chunks cost`() {
    let size = 20 * 1024 * 1024
    let stream =
      Array("data: ".utf8) + [UInt8](repeating: UInt8(ascii: "y"), count: size)
      + Array("\n\n".utf8)
    func run(chunk: Int) -> Duration {
      var parser = SSEParser()
      var count = 0
      let clock = ContinuousClock()
      let start = clock.now
      var offset = 0
      while offset < stream.count {
        let end = min(offset + chunk, stream.count)
        stream[offset..<end].withUnsafeBytes { buffer in
          parser.feed(buffer) { count += $0.data.count }
        }
        offset = end
      }
      #expect(count == size)
      return clock.now - start
    }
    let big = run(chunk: 65_536)
    let small = run(chunk: 1_024)
    // Quadratic rescanning would make 64 times more chunks cost thousands of times more.
    #expect(small < big * 20 + .seconds(2), "1 KB chunks: \(small), 64 KB chunks: \(big)")
  }
}
