import Testing

@testable import PreflightCore

@Suite struct LineSplitterTests {
  /// A sample with every kind of line ending and line the splitter meets.
  static let sample = Array(
    "{\"jsonrpc\":\"2.0\",\"id\":1}\nnot json\r\n\n\r\nlast\rinner\r\r\n\u{E9}\u{65E5}\n\u{FF}tail"
      .utf8)

  /// The sample's lines, split in one piece.
  static func whole() -> (lines: [[UInt8]], rest: [UInt8]?) {
    var splitter = LineSplitter()
    let lines = splitter.push(sample)
    return (lines, splitter.finish())
  }

  @Test func `lines come out without their newline and one trailing carriage return`() {
    let (lines, rest) = Self.whole()
    #expect(
      lines.map { String(decoding: $0, as: UTF8.self) } == [
        "{\"jsonrpc\":\"2.0\",\"id\":1}", "not json", "", "", "last\rinner\r", "\u{E9}\u{65E5}",
      ])
    #expect(rest.map { String(decoding: $0, as: UTF8.self) } == "\u{FF}tail")
  }

  @Test func `every split into two or three chunks gives the same lines`() {
    let expected = Self.whole()
    let count = Self.sample.count
    for first in 0...count {
      for second in first...count {
        var splitter = LineSplitter()
        var lines = splitter.push(Array(Self.sample[..<first]))
        lines += splitter.push(Array(Self.sample[first..<second]))
        lines += splitter.push(Array(Self.sample[second...]))
        #expect(lines == expected.lines, "cuts at \(first) and \(second)")
        #expect(splitter.finish() == expected.rest, "cuts at \(first) and \(second)")
      }
    }
  }

  @Test func `byte by byte gives the same lines`() {
    let expected = Self.whole()
    var splitter = LineSplitter()
    var lines: [[UInt8]] = []
    for byte in Self.sample {
      lines += splitter.push([byte])
    }
    #expect(lines == expected.lines)
    #expect(splitter.finish() == expected.rest)
  }

  @Test func `finish returns nothing after a complete line and empties the splitter`() {
    var splitter = LineSplitter()
    #expect(splitter.push(Array("a\nb".utf8)) == [Array("a".utf8)])
    #expect(splitter.bufferedByteCount == 1)
    #expect(splitter.finish() == Array("b".utf8))
    #expect(splitter.bufferedByteCount == 0)
    #expect(splitter.finish() == nil)
    #expect(splitter.push(Array("c\r".utf8)).isEmpty)
    #expect(splitter.finish() == Array("c".utf8))
  }

  @Test func `a long line fed in many chunks comes out whole`() {
    let line = StdioTestSupport.bigLine(count: 5_000_000)
    var splitter = LineSplitter()
    var lines: [[UInt8]] = []
    var offset = 0
    while offset < line.count {
      let end = min(offset + 4_093, line.count)
      lines += splitter.push(Array(line[offset..<end]))
      offset = end
    }
    lines += splitter.push([0x0D, 0x0A])
    #expect(lines.count == 1)
    #expect(lines.first == line)
  }
}
