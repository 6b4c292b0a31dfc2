import DemoServer
import PreflightJSON
import Testing

@Suite struct ToolCallTests {
  /// A successful call of each tool, with arguments that should work on a fresh server.
  static let happyCalls: [(String, JSONValue)] = [
    ("list_tasks", [:]),
    ("list_tasks", ["status": "all", "tag": "ops"]),
    ("get_task", ["id": "t1"]),
    ("echo", ["text": "hello", "n": 1.5, "nested": ["a": [true, nil]]]),
    ("echo", [:]),
    ("create_task", ["title": "Water the plants"]),
    (
      "create_task",
      [
        "title": "File taxes", "priority": "high", "tags": ["home", "money"],
        "due": ["date": "2027-04-15", "time": "17:00"], "notes": "Receipts are in the drawer.",
      ]
    ),
    ("update_task", ["id": "t2", "priority": "high", "due": ["date": "2028-02-29"]]),
    ("complete_task", ["id": "t1"]),
    ("complete_task", ["id": "t3"]),
    ("delete_task", ["id": "t4"]),
    ("share_task", ["id": "t1", "email": "sam@example.com", "message": "FYI"]),
    ("archive_done", [:]),
    ("sync_tasks", ["steps": 2, "delayMs": 0]),
  ]

  /// A bad call of each tool, and a word the error text must contain.
  static let badCalls: [(String, JSONValue, String)] = [
    ("list_tasks", ["status": "pending"], "status"),
    ("list_tasks", ["tag": 7], "tag"),
    ("list_tasks", ["colour": "red"], "colour"),
    ("get_task", [:], "id"),
    ("get_task", ["id": "t99"], "t99"),
    ("echo", "not an object", "arguments"),
    ("create_task", [:], "title"),
    ("create_task", ["title": "   "], "title"),
    ("create_task", ["title": "x", "priority": "urgent"], "priority"),
    ("create_task", ["title": "x", "tags": ["a", 2]], "tags[1]"),
    ("create_task", ["title": "x", "tags": "a"], "tags"),
    ("create_task", ["title": "x", "due": "tomorrow"], "due"),
    ("create_task", ["title": "x", "due": [:]], "due.date"),
    ("create_task", ["title": "x", "due": ["date": "2026-02-30"]], "due.date"),
    ("create_task", ["title": "x", "due": ["date": "2026-01-01", "time": "25:00"]], "due.time"),
    ("create_task", ["title": "x", "due": ["date": "2026-01-01", "zone": "UTC"]], "due.zone"),
    ("update_task", ["id": "t1"], "nothing to update"),
    ("update_task", ["id": "t1", "status": "archived"], "status"),
    ("update_task", ["title": "No id"], "id"),
    ("complete_task", ["id": 1], "id"),
    ("delete_task", ["id": "t42"], "t42"),
    ("share_task", ["id": "t1"], "email"),
    ("share_task", ["id": "t1", "email": "not-an-address"], "email"),
    ("share_task", ["id": "t1", "email": "a@b"], "email"),
    ("archive_done", ["force": true], "force"),
    ("sync_tasks", ["steps": 0], "steps"),
    ("sync_tasks", ["steps": 2.5], "steps"),
    ("sync_tasks", ["delayMs": -1], "delayMs"),
  ]

  @Test(arguments: happyCalls)
  func `a good call returns structured content that matches the output schema`(
    tool: String, arguments: JSONValue
  ) async throws {
    let server = DemoServer()
    let schema = try #require(try await server.tool(tool)["outputSchema"])
    let answer = try await server.call(tool, arguments)
    #expect(answer["isError"] == nil)
    let structured = try #require(answer["structuredContent"])
    #expect(SchemaCheck.violations(of: structured, against: schema) == [])
    #expect(answer["content"]?[0]?["type"] == "text")
    #expect(firstText(answer) == JSONPrinter.compact(structured))
  }

  @Test(arguments: badCalls)
  func `a bad argument is a tool error that names the field`(
    tool: String, arguments: JSONValue, field: String
  ) async throws {
    let answer = try await DemoServer().call(tool, arguments)
    #expect(answer["isError"] == true)
    #expect(answer["structuredContent"] == nil)
    let text = try #require(firstText(answer))
    #expect(text.contains(field), "\(text)")
  }

  @Test func `echo returns its arguments unchanged`() async throws {
    let arguments: JSONValue = [
      "text": "héllo \"world\"", "big": .number("123456789012345678901234567890"),
      "list": [1, "two", nil], "z": false,
    ]
    let answer = try await DemoServer().call("echo", arguments)
    #expect(answer["structuredContent"] == arguments)
    #expect(firstText(answer) == JSONPrinter.compact(arguments))
  }

  @Test func `echo without arguments returns an empty object`() async throws {
    let reply = await DemoServer().request("tools/call", ["name": "echo"])
    #expect(try result(of: reply)["structuredContent"] == [:])
  }

  @Test func `an unknown tool is error -32602`() async throws {
    let failure = try error(
      of: await DemoServer().request("tools/call", ["name": "launch_rockets", "arguments": [:]]))
    #expect(failure.code == -32602)
    #expect(failure.message == "Unknown tool: launch_rockets")
  }

  @Test(arguments: [nil, [:], ["name": 3], ["arguments": [:]]] as [JSONValue?])
  func `a call without a tool name is error -32602`(params: JSONValue?) async throws {
    #expect(try error(of: await DemoServer().request("tools/call", params)).code == -32602)
  }

  @Test func `list_tasks lists open tasks by default and filters by tag`() async throws {
    let server = DemoServer()
    let open = try await server.call("list_tasks")
    #expect(open["structuredContent"]?["status"] == "open")
    #expect(ids(open["structuredContent"]?["tasks"]?.arrayValue ?? []) == ["t1", "t2", "t4"])
    #expect(open["structuredContent"]?["count"] == 3)
    let done = try await server.call("list_tasks", ["status": "done"])
    #expect(ids(done["structuredContent"]?["tasks"]?.arrayValue ?? []) == ["t3"])
    let tagged = try await server.call("list_tasks", ["status": "all", "tag": "team"])
    #expect(ids(tagged["structuredContent"]?["tasks"]?.arrayValue ?? []) == ["t2"])
    #expect(tagged["structuredContent"]?["tag"] == "team")
  }

  @Test func `list_tasks gives the widget the tags in its _meta`() async throws {
    let answer = try await DemoServer().call("list_tasks")
    #expect(
      answer["_meta"]?["preflight.demo/allTags"] == ["design", "launch", "ops", "team", "travel"])
  }

  @Test func `create_task fills in defaults and the next id`() async throws {
    let answer = try await DemoServer().call("create_task", ["title": "Water the plants"])
    let expected: JSONValue = [
      "id": "t5", "title": "Water the plants", "status": "open", "priority": "normal",
      "tags": [],
    ]
    #expect(answer["structuredContent"]?["task"] == expected)
  }

  @Test func `share_task reports what it sent`() async throws {
    let answer = try await DemoServer().call("share_task", ["id": "t2", "email": "a@b.co"])
    #expect(answer["structuredContent"] == ["taskId": "t2", "email": "a@b.co", "sent": true])
  }
}
