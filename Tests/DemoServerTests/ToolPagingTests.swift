import DemoServer
import PreflightJSON
import Testing

@Suite struct ToolPagingTests {
  @Test func `pages of three cover every tool once and in order`() async throws {
    let server = DemoServer(pageSize: 3)
    var names: [String] = []
    var pageSizes: [Int] = []
    var cursor: JSONValue? = nil
    repeat {
      let params: JSONValue = cursor.map { ["cursor": $0] } ?? [:]
      let page = try result(of: await server.request("tools/list", params))
      let tools = try #require(page["tools"]?.arrayValue)
      names += tools.compactMap { $0["name"]?.stringValue }
      pageSizes.append(tools.count)
      cursor = page["nextCursor"]
      if let cursor { #expect(cursor.stringValue?.isEmpty == false) }
    } while cursor != nil && pageSizes.count < 10
    #expect(names == DemoServer.toolNames)
    #expect(pageSizes == [3, 3, 3, 1])
  }

  @Test func `without a page size one page holds every tool and no cursor`() async throws {
    let page = try result(of: await DemoServer().request("tools/list", [:]))
    #expect(page["tools"]?.arrayValue?.count == DemoServer.toolNames.count)
    #expect(page.objectValue?.contains("nextCursor") == false)
  }

  @Test func `a page size above the tool count answers one page`() async throws {
    let page = try result(of: await DemoServer(pageSize: 50).request("tools/list"))
    #expect(page["tools"]?.arrayValue?.count == DemoServer.toolNames.count)
    #expect(page["nextCursor"] == nil)
  }

  @Test(arguments: ["garbage", "", "page-2", "preflight-demo:after:0", "preflight-demo:after:99"])
  func `an invalid cursor is error -32602`(cursor: String) async throws {
    let failure = try error(
      of: await DemoServer(pageSize: 3).request("tools/list", ["cursor": .string(cursor)]))
    #expect(failure.code == -32602)
    #expect(failure.message == "Invalid cursor")
  }

  @Test func `a cursor that is not a string is error -32602`() async throws {
    let failure = try error(of: await DemoServer(pageSize: 3).request("tools/list", ["cursor": 3]))
    #expect(failure.code == -32602)
  }

  @Test func `a cursor sent to an unpaged server is error -32602`() async throws {
    let paged = try result(of: await DemoServer(pageSize: 3).request("tools/list"))
    let cursor = try #require(paged["nextCursor"])
    let failure = try error(of: await DemoServer().request("tools/list", ["cursor": cursor]))
    #expect(failure.code == -32602)
  }
}
