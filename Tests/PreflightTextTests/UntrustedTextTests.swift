import PreflightText
import Testing

@Suite struct UntrustedTextTests {
  @Test(arguments: [
    ("clear\u{1B}[2Jscreen", "clear\\u{1B}[2Jscreen"),
    ("osc\u{1B}]52;c;aGk=\u{07}", "osc\\u{1B}]52;c;aGk=\\u{7}"),
    ("csi\u{9B}31m", "csi\\u{9B}31m"),
    ("bidi\u{202E}txt", "bidi\\u{202E}txt"),
    ("zero\u{200B}width", "zero\\u{200B}width"),
    ("plain 日本 🙂", "plain 日本 🙂"),
  ])
  func `control, bidi and invisible characters become visible escapes`(
    input: String, output: String
  ) {
    #expect(UntrustedText.sanitize(input) == output)
  }

  @Test func `one line keeps the first line and cuts to the width`() {
    #expect(UntrustedText.oneLine("  first line  \nsecond", width: 80) == "first line")
    #expect(UntrustedText.oneLine("abcdefghij", width: 5) == "abcd…")
  }
}
