import PreflightJSON
import Testing

@Suite struct DeferringJSONParserTests {
  static let path = ["result", "structuredContent"]

  /// A response frame around `structured` (its text as sent).
  static func frame(_ structured: String, result extra: String = "") -> [UInt8] {
    Array(
      (#"{"jsonrpc":"2.0","id":7,"result":{"content":[{"type":"text","text":"hi"}],"#
        + extra + #""structuredContent":"# + structured + #","isError":false}}"#).utf8)
  }

  static func deferred(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
    try DeferringJSONParser.parse(bytes, deferring: path, above: 1)
  }

  static let samples = [
    #"{"items":[{"id":1,"name":"record 0000001","tags":["alpha","beta"],"value":3}]}"#,
    #"{ "a" : [ 1 , 2.50E-3 , -0 , 1e400 ] , "b" : { } , "c" : [ ] , "d" : null }"#,
    #"{"esc":"quote \" backslash \\ slash \/ nl \n tab \t u \u00e9 \ud83d\ude42 lone \ud800"}"#,
    "{\"controls\":\"del \u{7F} c1 \u{85} bell \\u0007 esc \\u001b[31m\",\"k\\\"ey\":\"v\"}",
    #"{"unicode":"日本語 🙂 é","dup":1,"dup":2,"nested":{"deep":[[{"x":[true,false]}]]}}"#,
    "{\n  \"pretty\": [\n    1,\n    {\"a\": \"b\"}\n  ]\n}",
    #"{}"#,
  ]

  @Test(arguments: samples)
  func `a deferred object equals, prints and pretty-prints like the parsed one`(
    structured: String
  ) throws {
    let bytes = Self.frame(structured)
    let eager = try JSONParser.parse(bytes)
    let lazy = try Self.deferred(bytes)
    let object = try #require(lazy["result"]?["structuredContent"]?.objectValue)
    #expect(object.raw != nil)
    #expect(object.count == eager["result"]?["structuredContent"]?.objectValue?.count)
    #expect(lazy == eager)
    #expect(JSONPrinter.compact(lazy) == JSONPrinter.compact(eager))
    #expect(JSONPrinter.pretty(lazy) == JSONPrinter.pretty(eager))
    #expect(JSONPrinter.pretty(lazy, indent: 4) == JSONPrinter.pretty(eager, indent: 4))
  }

  @Test func `an object that may be deferred costs no more than two words`() {
    #expect(MemoryLayout<JSONObject>.size == 2 * MemoryLayout<Int>.size)
    #expect(MemoryLayout<JSONValue>.size <= MemoryLayout<String>.size + 1)
  }

  @Test(arguments: [1, 7, 1 << 20])
  func `pretty JSON streamed in chunks is the printer's pretty JSON`(chunk: Int) throws {
    for sample in Self.samples {
      let bytes = Self.frame(sample)
      for value in [try Self.deferred(bytes), try JSONParser.parse(bytes)] {
        var out: [UInt8] = []
        var largest = 0
        JSONPrettyStream.write(value, chunkSize: chunk) { piece in
          largest = max(largest, piece.count)
          out.append(contentsOf: piece)
        }
        #expect(String(decoding: out, as: UTF8.self) == JSONPrinter.pretty(value))
        if chunk == 7 { #expect(largest < 200, "handed out as it goes") }
      }
    }
  }

  @Test func `mutated frames give the parser's answer, value or error`() {
    // A fixed generator, so a failure repeats.
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(truncatingIfNeeded: state >> 33)
    }
    let alphabet =
      Array(#"{}[]:,"\/ubfnrt0123456789.eE+-aluesx "#.utf8) + [
        0x7F, 0xC2, 0x85, 0xED, 0xA0, 0xF0, 0x80, 0x00, 0x0A,
      ]
    var deferredCount = 0
    for round in 0..<3_000 {
      var bytes = Self.frame(Self.samples[round % Self.samples.count])
      for _ in 0..<(1 + next() % 3) {
        let at = next() % bytes.count
        switch next() % 3 {
        case 0: bytes[at] = alphabet[next() % alphabet.count]
        case 1: bytes.insert(alphabet[next() % alphabet.count], at: at)
        default: bytes.remove(at: at)
        }
      }
      let eager = Result { () throws(JSONParseError) -> JSONValue in try JSONParser.parse(bytes) }
      let lazy = Result { () throws(JSONParseError) -> JSONValue in try Self.deferred(bytes) }
      switch (eager, lazy) {
      case (.success(let a), .success(let b)):
        #expect(a == b, "\(String(decoding: bytes, as: UTF8.self))")
        #expect(JSONPrinter.compact(a) == JSONPrinter.compact(b))
        if b["result"]?["structuredContent"]?.objectValue?.raw != nil { deferredCount += 1 }
      case (.failure(let a), .failure(let b)):
        #expect(a == b)
      default:
        Issue.record("parsers disagree on \(String(decoding: bytes, as: UTF8.self))")
      }
    }
    #expect(deferredCount > 100, "most mutations outside the object still defer it")
  }

  @Test func `small objects and other paths are parsed as before`() throws {
    let bytes = Self.frame(#"{"a":1}"#)
    let value = try DeferringJSONParser.parse(bytes, deferring: Self.path, above: 1 << 20)
    #expect(value["result"]?["structuredContent"]?.objectValue?.raw == nil)
    #expect(value == (try JSONParser.parse(bytes)))
  }

  @Test(arguments: [
    // Not an object: nothing to defer.
    #"{"jsonrpc":"2.0","id":1,"result":{"structuredContent":[1,2,3]}}"#,
    // The name repeats: the parser's last-one-wins meaning stays the only one.
    #"{"jsonrpc":"2.0","id":1,"result":{"structuredContent":{"a":1},"structuredContent":{"b":2}}}"#,
    #"{"jsonrpc":"2.0","id":1,"result":{"structuredContent":{"a":1}},"result":{"x":1}}"#,
    // A batch.
    #"[{"jsonrpc":"2.0","id":1,"result":{"structuredContent":{"a":1}}}]"#,
  ])
  func `nothing is deferred where the meaning could differ`(text: String) throws {
    let bytes = Array(text.utf8)
    let value = try Self.deferred(bytes)
    #expect(value == (try JSONParser.parse(bytes)))
    #expect(value["result"]?["structuredContent"]?.objectValue?.raw == nil)
  }

  @Test func `an escaped member name still finds the object`() throws {
    let bytes = Array(
      #"{"jsonrpc":"2.0","id":1,"result":{"structured\u0043ontent":{"a":[1]}}}"#.utf8)
    let value = try Self.deferred(bytes)
    #expect(value["result"]?["structuredContent"]?.objectValue?.raw != nil)
    #expect(value == (try JSONParser.parse(bytes)))
  }

  @Test(arguments: [
    #"{"a":[1,2,}"#,
    #"{"a":01}"#,
    #"{"a":"bad escape \q"}"#,
    #"{"a":"short \u12"}"#,
    #"{"a":tru}"#,
    #"{"a":1,}"#,
    #"{"a" 1}"#,
    #"{"a":"unterminated}"#,
    #"{"a":1.}"#,
    #"{"a":-}"#,
    #"{"a":1e}"#,
    "{\"a\":\"raw\ttab\"}",
  ])
  func `invalid JSON inside is rejected with the parser's own error`(structured: String) {
    let bytes = Self.frame(structured)
    let expected = #expect(throws: JSONParseError.self) { try JSONParser.parse(bytes) }
    let got = #expect(throws: JSONParseError.self) { try Self.deferred(bytes) }
    #expect(got == expected)
  }

  @Test func `invalid UTF-8 and deep nesting inside are rejected`() {
    var bad = Self.frame(#"{"a":"QQ"}"#)
    let at = bad.firstIndex(of: UInt8(ascii: "Q"))!
    bad[at] = 0xC0
    bad[at + 1] = 0xAF
    #expect(throws: JSONParseError.self) { try Self.deferred(bad) }
    let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
    #expect(throws: JSONParseError.self) { try Self.deferred(Self.frame(#"{"a":"# + deep + "}")) }
    let surrogate: [UInt8] = Array(#"{"a":""#.utf8) + [0xED, 0xA0, 0x80] + Array(#""}"#.utf8)
    var framed = Self.frame(#"{"a":"ZZZ"}"#)
    let y = framed.firstIndex(of: UInt8(ascii: "Z"))!
    framed.replaceSubrange(y..<(y + 3), with: [0xED, 0xA0, 0x80])
    #expect(throws: JSONParseError.self) { try Self.deferred(framed) }
    #expect(throws: JSONParseError.self) { try JSONParser.parse(surrogate) }
    #expect(RawJSON(validating: surrogate) == nil)
  }

  @Test(arguments: [
    (#"{"a":1}"#, true), (#" {"a":[]} "#, true), (#"[1]"#, false), (#"{"a":1} x"#, false),
    (#"{"a":"\u00zz"}"#, false), (#"{"a":"é"}"#, true), (#"{"a":1"#, false),
  ])
  func `validating raw bytes agrees with the parser`(text: String, valid: Bool) {
    let bytes = Array(text.utf8)
    #expect((RawJSON(validating: bytes) != nil) == valid)
    if valid { #expect((try? JSONParser.parse(bytes))?.objectValue != nil) }
  }

  @Test func `changing a deferred object parses it once and keeps the change`() throws {
    let value = try Self.deferred(Self.frame(#"{"a":1,"b":[2]}"#))
    var object = try #require(value["result"]?["structuredContent"]?.objectValue)
    object["c"] = .string("new")
    #expect(object.raw == nil)
    #expect(object.keys == ["a", "b", "c"])
    #expect(JSONPrinter.compact(.object(object)) == #"{"a":1,"b":[2],"c":"new"}"#)
  }

  @Test func `the pretty cursor resumes from a saved position`() throws {
    let raw = try #require(RawJSON(validating: Array(Self.samples[4].utf8)))
    var cursor = RawJSONPrettyCursor(raw)
    var lines: [String] = []
    var marks: [(Int, Int)] = []
    while true {
      marks.append((cursor.offset, cursor.level))
      var text: [UInt8] = []
      guard cursor.next(into: &text) else { break }
      lines.append(String(decoding: text, as: UTF8.self))
    }
    let eager = JSONPrinter.pretty(try JSONParser.parse(Self.samples[4]))
    #expect(lines.joined(separator: "\n") == eager)
    for (index, mark) in marks.enumerated().dropLast() {
      var resumed = RawJSONPrettyCursor(raw, offset: mark.0, level: mark.1)
      var text: [UInt8] = []
      let more = resumed.next(into: &text)
      #expect(more)
      #expect(String(decoding: text, as: UTF8.self) == lines[index])
    }
  }
}
