import DemoServer
import PreflightJSON
import Testing

@Suite struct ResourceTests {
  @Test func `resources/list lists both widget templates with their _meta`() async throws {
    let listed = try result(of: await DemoServer().request("resources/list"))
    let resources = try #require(listed["resources"]?.arrayValue)
    #expect(resources.count == 2)
    let list = resources[0]
    #expect(list["uri"] == "ui://widget/task-list.html")
    #expect(list["mimeType"] == "text/html+skybridge")
    #expect(list["_meta"]?["openai/widgetDescription"]?.stringValue?.isEmpty == false)
    #expect(list["_meta"]?["openai/widgetCSP"] == ["connect_domains": [], "resource_domains": []])
    #expect(list["_meta"]?["openai/widgetPrefersBorder"] == true)
    let card = resources[1]
    #expect(card["uri"] == "ui://widget/task-card.html")
    #expect(card["mimeType"] == "text/html;profile=mcp-app")
    let ui: JSONValue = [
      "prefersBorder": true, "csp": ["connectDomains": [], "resourceDomains": []],
    ]
    #expect(card["_meta"]?["ui"] == ui)
    for resource in resources {
      #expect(resource["name"]?.stringValue?.isEmpty == false)
      #expect(resource["title"]?.stringValue?.isEmpty == false)
    }
  }

  @Test(arguments: ["ui://widget/task-list.html", "ui://widget/task-card.html"])
  func `reading a widget returns HTML with the listed MIME type and _meta`(uri: String)
    async throws
  {
    let server = DemoServer()
    let listed = try result(of: await server.request("resources/list"))
    let entry = try #require(listed["resources"]?.arrayValue?.first { $0["uri"] == .string(uri) })
    let read = try result(of: await server.request("resources/read", ["uri": .string(uri)]))
    let contents = try #require(read["contents"]?.arrayValue)
    #expect(contents.count == 1)
    #expect(contents[0]["uri"] == .string(uri))
    #expect(contents[0]["mimeType"] == entry["mimeType"])
    #expect(contents[0]["_meta"] == entry["_meta"])
    let html = try #require(contents[0]["text"]?.stringValue)
    #expect(html.hasPrefix("<!doctype html>"))
    #expect(html.contains("</html>"))
    #expect(!html.contains("src=\"http"), "self-contained: no external scripts")
  }

  @Test func `every template a tool links to is a listed resource`() async throws {
    let server = DemoServer()
    let listed = try result(of: await server.request("resources/list"))
    let uris = listed["resources"]?.arrayValue?.compactMap { $0["uri"] } ?? []
    for tool in try await server.tools() {
      for link in [tool["_meta"]?["openai/outputTemplate"], tool["_meta"]?["ui"]?["resourceUri"]] {
        if let link { #expect(uris.contains(link)) }
      }
    }
  }

  @Test func `resources/templates/list offers the task template`() async throws {
    let listed = try result(of: await DemoServer().request("resources/templates/list"))
    let templates = try #require(listed["resourceTemplates"]?.arrayValue)
    #expect(templates.count == 1)
    #expect(templates[0]["uriTemplate"] == "tasks://task/{id}")
    #expect(templates[0]["mimeType"] == "application/json")
  }

  @Test func `reading tasks://task/t1 returns the task as JSON`() async throws {
    let read = try result(
      of: await DemoServer().request("resources/read", ["uri": "tasks://task/t1"]))
    let content = try #require(read["contents"]?[0])
    #expect(content["mimeType"] == "application/json")
    let task = try JSONParser.parse(try #require(content["text"]?.stringValue))
    #expect(task["id"] == "t1")
    #expect(task["title"] == "Write the launch checklist")
  }

  @Test func `a task created by a tool can be read as a resource`() async throws {
    let server = DemoServer()
    _ = try await server.call("create_task", ["title": "Readable"])
    let read = try result(of: await server.request("resources/read", ["uri": "tasks://task/t5"]))
    #expect(read["contents"]?[0]?["text"]?.stringValue?.contains("Readable") == true)
  }

  @Test(arguments: [
    "ui://widget/nope.html", "tasks://task/t99", "tasks://task/", "file:///etc/passwd",
  ])
  func `an unknown URI is error -32002`(uri: String) async throws {
    let failure = try error(
      of: await DemoServer().request("resources/read", ["uri": .string(uri)]))
    #expect(failure.code == -32002)
    #expect(failure.message == "Resource not found")
    #expect(failure.data?["uri"] == .string(uri))
  }

  @Test(arguments: [nil, [:], ["uri": 5]] as [JSONValue?])
  func `a read without a URI is error -32602`(params: JSONValue?) async throws {
    #expect(try error(of: await DemoServer().request("resources/read", params)).code == -32602)
  }

  @Test(arguments: ["resources/list", "resources/templates/list"])
  func `the one-page resource lists reject a cursor`(method: String) async throws {
    let failure = try error(of: await DemoServer().request(method, ["cursor": "x"]))
    #expect(failure.code == -32602)
  }
}
