import Testing

@testable import PreflightCore

/// Finding the final head among the header lines libcurl reports.
@Suite struct CurlHeadParserTests {
  func feed(_ lines: [String], follows: Bool = true) -> [HTTPResponseHead] {
    var parser = CurlHeadParser(followsRedirects: follows)
    return lines.compactMap { parser.feed(Array(($0 + "\r\n").utf8)) }
  }

  @Test func `a plain head is final at its blank line`() {
    let heads = feed(["HTTP/1.1 200 OK", "Content-Type: text/event-stream", "X-A:  b ", ""])
    #expect(heads.count == 1)
    #expect(heads.first?.status == 200)
    #expect(heads.first?.value("content-type") == "text/event-stream")
    #expect(heads.first?.value("X-A") == "b")
  }

  @Test func `an interim 100 Continue is not the head`() {
    let heads = feed(["HTTP/1.1 100 Continue", "", "HTTP/1.1 202 Accepted", "A: 1", ""])
    #expect(heads.map(\.status) == [202])
    #expect(heads.first?.value("A") == "1")
  }

  @Test func `a redirect being followed is not the head; one that is not followed is`() {
    let followed = feed([
      "HTTP/1.1 302 Found", "Location: /next", "", "HTTP/2 200", "Content-Type: a/b", "",
    ])
    #expect(followed.map(\.status) == [200])
    #expect(followed.first?.value("Location") == nil, "the redirect's headers do not leak")
    #expect(feed(["HTTP/1.1 302 Found", "Location: /next", ""], follows: false).count == 1)
    #expect(feed(["HTTP/1.1 302 Found", ""]).map(\.status) == [302], "no Location: final")
  }

  @Test func `repeated headers are joined and folded lines continue the previous one`() {
    let heads = feed(["HTTP/1.1 200 OK", "Vary: a", "vary: b", "X-Long: one", "\t two", ""])
    #expect(heads.first?.value("Vary") == "a, b")
    #expect(heads.first?.value("X-Long") == "one two")
  }

  @Test func `lines before any status line are ignored`() {
    #expect(feed(["Stray: x", "", "HTTP/1.1 204 No Content", ""]).map(\.status) == [204])
  }
}
