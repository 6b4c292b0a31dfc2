import PreflightJSON
import Testing

@testable import PreflightCore

@Suite struct HTTPMessagePeekTests {
  @Test func `a request's method and id are read without building the message`() {
    let peek = HTTPMessagePeek.first(
      Array(#"{"jsonrpc":"2.0","params":{"id":9,"method":"x"},"id":3,"method":"tools/call"}"#.utf8))
    #expect(peek?.method == "tools/call")
    #expect(peek?.id == .number("3"))
    #expect(peek?.isRequest == true)
    #expect(peek?.isResponse == false)
  }

  @Test func `a response is recognised by its result or error`() {
    let result = HTTPMessagePeek.first(Array(#"{"id":"a","result":{"s":"}\"{"}}"#.utf8))
    #expect(result?.isResponse == true)
    #expect(result?.id == .string("a"))
    let error = HTTPMessagePeek.first(Array(#"{"error":{"code":1},"id":null}"#.utf8))
    #expect(error?.isResponse == true)
    #expect(error?.id == nil)
  }

  @Test func `a batch yields one glance per object and junk yields none`() {
    #expect(
      HTTPMessagePeek.inspect(Array(#"[{"id":1,"result":1},{"method":"m"}]"#.utf8)).count == 2)
    #expect(HTTPMessagePeek.inspect(Array("<html>".utf8)).isEmpty)
    #expect(HTTPMessagePeek.inspect(Array(#"{"id":1,"result":"#.utf8)).isEmpty)
  }
}
