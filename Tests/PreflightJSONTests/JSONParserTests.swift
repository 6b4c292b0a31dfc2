import PreflightJSON
import Testing

@Suite struct JSONParserTests {
  @Test(arguments: [
    #"{"a":1,"b":[true,false,null],"c":{"d":"e"}}"#,
    #"{"z":1,"a":2,"m":3}"#,
    #"[1.0,1e400,-0,123456789012345678901234567890,2.50E-3]"#,
    #"{"_meta":{"openai/outputTemplate":"ui://widget/x.html"},"unknownKey":{"nested":[{}]}}"#,
    #"{"dup":1,"dup":2}"#,
    #""plain string""#,
    #"{"content":[{"type":"hologram","data":"xyz","extra":{"k":[]}}]}"#,
    #"{"text":"日本語 🙂 é"}"#,
    #"{"url":"https://example.com/a/b"}"#,
  ])
  func `compact printing reproduces the exact input`(text: String) throws {
    let value = try JSONParser.parse(text)
    #expect(JSONPrinter.compact(value) == text)
  }

  @Test func `numbers keep their original text`() throws {
    let value = try JSONParser.parse(#"[1.0, 1e400, 12345678901234567890123, -0.000]"#)
    #expect(value[0] == .number("1.0"))
    #expect(value[1] == .number("1e400"))
    #expect(value[2] == .number("12345678901234567890123"))
    #expect(value[3] == .number("-0.000"))
    #expect(value[0]?.intValue == 1)
  }

  @Test func `objects keep member order and duplicate keys`() throws {
    let value = try JSONParser.parse(#"{"b":1,"a":2,"b":3}"#)
    let object = try #require(value.objectValue)
    #expect(object.keys == ["b", "a", "b"])
    #expect(object["b"] == .number("3"))
    #expect(object.duplicateKeys == ["b"])
  }

  @Test func `escapes decode and re-encode minimally`() throws {
    let value = try JSONParser.parse(#""a\"b\\c\/d\n\t\u00e9\ud83d\ude42\u0007""#)
    #expect(value == .string("a\"b\\c/d\n\té🙂\u{7}"))
    #expect(JSONPrinter.compact(value) == #""a\"b\\c/d\n\té🙂\u0007""#)
  }

  @Test func `control characters and C1 escapes never print raw`() {
    let value = JSONValue.string("\u{1B}[2J\u{9B}31m")
    let text = JSONPrinter.compact(value)
    #expect(!text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    #expect((try? JSONParser.parse(text)) == value)
  }

  @Test func `a lone surrogate becomes the replacement character`() throws {
    #expect(try JSONParser.parse(#""\ud800x""#) == .string("\u{FFFD}x"))
  }

  @Test(arguments: [
    ("", "empty input"),
    ("{", "unexpected end"),
    (#"{"a" 1}"#, "expected ':'"),
    ("[1,]", "unexpected character"),
    ("01", "leading zero"),
    ("1.", "expected a digit after '.'"),
    ("tru", "unexpected end"),
    (#""abc"#, "unterminated string"),
    ("{} x", "unexpected text after"),
    ("\"a\u{01}\"", "control character"),
    (#""\x""#, "invalid escape"),
  ])
  func `malformed input is rejected with a reason`(text: String, reason: String) {
    #expect {
      try JSONParser.parse(text)
    } throws: { error in
      (error as? JSONParseError)?.reason.contains(reason) == true
    }
  }

  @Test func `invalid UTF-8 is rejected, not repaired`() {
    let bytes: [UInt8] = [0x22, 0x61, 0xFF, 0x62, 0x22]
    #expect(throws: JSONParseError.self) { try JSONParser.parse(bytes) }
  }

  @Test func `escapes beside raw non-ASCII decode, and invalid UTF-8 beside escapes is rejected`()
    throws
  {
    let mixed = try JSONParser.parse(Array(#""é\n日本\u00e9\"x""#.utf8))
    #expect(mixed == .string("é\n日本é\"x"))
    let broken: [UInt8] = [0x22, 0xC3, 0x5C, 0x6E, 0x22]
    #expect(throws: JSONParseError.self) { try JSONParser.parse(broken) }
    let big = "\"" + String(repeating: "ab\\\"", count: 200_000) + "\""
    #expect(try JSONParser.parse(big) == .string(String(repeating: "ab\"", count: 200_000)))
  }

  @Test func `nesting beyond the limit is an error, not a crash`() {
    let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    #expect(throws: JSONParseError.self) { try JSONParser.parse(deep) }
    let ok = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
    #expect((try? JSONParser.parse(ok)) != nil)
  }

  @Test func `pretty printing indents and keeps empty containers compact`() throws {
    let value = try JSONParser.parse(#"{"a":[1,{}],"b":{"c":[]}}"#)
    #expect(
      JSONPrinter.pretty(value) == """
        {
          "a": [
            1,
            {}
          ],
          "b": {
            "c": []
          }
        }
        """)
    #expect(try JSONParser.parse(JSONPrinter.pretty(value)) == value)
  }

  @Test func `literals build ordered objects`() {
    let value: JSONValue = ["z": 1, "a": [true, nil, "s", 1.5]]
    #expect(JSONPrinter.compact(value) == #"{"z":1,"a":[true,null,"s",1.5]}"#)
  }

  @Test func `setting a key replaces duplicates in place`() {
    var object = JSONObject([
      JSONMember(key: "a", value: 1), JSONMember(key: "b", value: 2),
      JSONMember(key: "a", value: 3),
    ])
    object["a"] = 9
    #expect(object.keys == ["a", "b"])
    #expect(object["a"] == 9)
    object["a"] = nil
    #expect(object.keys == ["b"])
  }
}
