import Testing

@testable import DemoServer

/// Header names are matched without making lowercased copies (docs/benchmarks.md), with the
/// same answers as comparing `lowercased()` copies.
@Suite struct HTTPHeaderNameTests {
  static let names = [
    "Content-Type", "content-type", "CONTENT-TYPE", "Content-Typ", "Content-Types", "Accept",
    "Mcp-Session-Id", "MCP-SESSION-ID", "mcp-session-id", "", "X", "x", "Ä-Header", "ä-header",
    "\u{212A}ey", "key", "KEY", "İd", "i\u{307}d", "Content-Type\u{301}",
  ]

  @Test(arguments: names, names)
  func `a name matches exactly when its lowercased copy does`(name: String, asked: String) {
    let wanted = asked.lowercased()
    #expect(HTTPHeaders.named(name, wanted) == (name.lowercased() == wanted))
  }

  @Test func `lookups ignore case and keep the first of duplicates`() {
    let headers = HTTPHeaders([
      ("Accept", "application/json, TEXT/Event-Stream;q=1"), ("ACCEPT", "x/y"),
    ])
    #expect(headers["accept"] == "application/json, TEXT/Event-Stream;q=1")
    #expect(headers.values("Accept").count == 2)
    #expect(headers.tokens("accept") == ["application/json", "text/event-stream", "x/y"])
    #expect(headers["content-type"] == nil)
  }
}
