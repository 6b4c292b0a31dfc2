import PreflightCore
import PreflightJSON
import Testing

/// The redactor finds secrets by their bytes, so no Unicode trick next to a secret lets its
/// bytes through (found by reading `Redactor` for the fuzz target; see docs/hostile-servers.md).
@Suite struct RedactorBytesTests {
  static let secret = "sk-test-SECRET123"

  @Test(arguments: [
    "\u{301}", "\u{20DD}", "\u{200D}", "\u{FE0F}", "\u{1F3FB}", "\u{0308}\u{0301}",
  ])
  func `a secret followed by a combining or joining scalar is still masked`(after: String) {
    let redactor = Redactor(secrets: [Self.secret])
    let text = "Bearer " + Self.secret + after + " tail"
    let (redacted, changed) = redactor.redact(text)
    #expect(changed)
    #expect(!redacted.utf8.elementsEqual(text.utf8))
    #expect(!Array(redacted.utf8).contains(Array(Self.secret.utf8)), "\(redacted.debugDescription)")
    #expect(redacted == "Bearer " + Redactor.mask + after + " tail")
  }

  @Test func `a secret after a combining mark's base and inside JSON strings is masked`() {
    let redactor = Redactor(secrets: [Self.secret])
    let value: JSONValue = ["note": .string("e\u{301}" + Self.secret + "\u{301}"), "n": 1]
    let redacted = redactor.redact(value)
    let printed = JSONPrinter.compact(redacted ?? value)
    #expect(redacted != nil)
    #expect(
      !printed.contains(Self.secret) && !Array(printed.utf8).contains(Array(Self.secret.utf8)))
  }

  @Test func `every occurrence is masked, longest secret first, and other text is kept`() {
    let redactor = Redactor(secrets: ["abcd", "abcdefgh"])
    let (redacted, changed) = redactor.redact("abcdefgh abcd xabcdx ab")
    #expect(changed)
    #expect(redacted == "[REDACTED] [REDACTED] x[REDACTED]x ab")
    #expect(redactor.redact("nothing here") == ("nothing here", false))
  }
}
