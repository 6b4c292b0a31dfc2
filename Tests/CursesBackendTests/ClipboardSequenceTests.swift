import CursesBackend
import Testing

@Suite struct ClipboardSequenceTests {
  @Test(
    arguments: [
      ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="),
      ("foobar", "Zm9vYmFy"), ("é ${X}", "w6kgJHtYfQ=="),
    ] as [(String, String)])
  func `base64 matches RFC 4648`(text: String, encoded: String) {
    #expect(ClipboardSequence.base64(Array(text.utf8)) == encoded)
  }

  @Test func `OSC 52 wraps the base64 text for the clipboard selection`() {
    let bytes = ClipboardSequence.osc52("preflight call x")
    #expect(String(decoding: bytes, as: UTF8.self) == "\u{1B}]52;c;cHJlZmxpZ2h0IGNhbGwgeA==\u{07}")
  }
}
