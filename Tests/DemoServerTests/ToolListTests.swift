import DemoServer
import PreflightJSON
import Testing

@Suite struct ToolListTests {
  /// The expected hints of each annotated tool: readOnly, destructive, idempotent, openWorld.
  static let expectedHints: [(String, Bool, Bool, Bool, Bool)] = [
    ("list_tasks", true, false, true, false),
    ("get_task", true, false, true, false),
    ("echo", true, false, true, false),
    ("create_task", false, false, false, false),
    ("update_task", false, true, true, false),
    ("complete_task", false, false, true, false),
    ("delete_task", false, true, true, false),
    ("share_task", false, false, false, true),
    ("sync_tasks", false, false, false, true),
  ]

  /// The write tools.
  static let writeTools = [
    "create_task", "update_task", "complete_task", "delete_task", "share_task", "archive_done",
    "sync_tasks",
  ]

  @Test func `the tools are listed by name in a fixed order`() async throws {
    let names = try await DemoServer().tools().compactMap { $0["name"]?.stringValue }
    let expected = [
      "list_tasks", "get_task", "echo", "create_task", "update_task", "complete_task",
      "delete_task", "share_task", "archive_done", "sync_tasks",
    ]
    #expect(names == expected)
    #expect(DemoServer.toolNames == expected)
  }

  @Test func `every tool has a title, a description and an object input schema`() async throws {
    for tool in try await DemoServer().tools() {
      let name = tool["name"]?.stringValue ?? "?"
      #expect(tool["title"]?.stringValue?.isEmpty == false, "\(name)")
      #expect((tool["description"]?.stringValue?.count ?? 0) > 20, "\(name)")
      #expect(tool["inputSchema"]?["type"] == "object", "\(name)")
      #expect(tool["outputSchema"]?["type"] == "object", "\(name) returns structuredContent")
    }
  }

  @Test(arguments: expectedHints)
  func `each annotated tool declares exactly its four hints`(
    name: String, readOnly: Bool, destructive: Bool, idempotent: Bool, openWorld: Bool
  ) async throws {
    let tool = try await DemoServer().tool(name)
    let expected: JSONValue = [
      "readOnlyHint": .bool(readOnly), "destructiveHint": .bool(destructive),
      "idempotentHint": .bool(idempotent), "openWorldHint": .bool(openWorld),
    ]
    #expect(tool["annotations"] == expected)
  }

  @Test func `archive_done has no annotations key at all`() async throws {
    let tool = try await DemoServer().tool("archive_done")
    #expect(tool.objectValue?.contains("annotations") == false)
  }

  @Test(arguments: writeTools)
  func `every write tool leaves readOnlyHint false or absent`(name: String) async throws {
    let tool = try await DemoServer().tool(name)
    #expect(tool["annotations"]?["readOnlyHint"] != true)
  }

  @Test func `only delete_task and update_task are destructive`() async throws {
    let destructive = try await DemoServer().tools().filter {
      $0["annotations"]?["destructiveHint"] == true
    }
    #expect(destructive.compactMap { $0["name"]?.stringValue } == ["update_task", "delete_task"])
  }

  @Test func `create_task's schema has required, enum, array and nested fields`() async throws {
    let schema = try #require(try await DemoServer().tool("create_task")["inputSchema"])
    #expect(schema["required"] == ["title"])
    #expect(schema["additionalProperties"] == false)
    let properties = try #require(schema["properties"])
    #expect(properties["title"]?["type"] == "string")
    #expect(properties["priority"]?["enum"] == ["low", "normal", "high"])
    #expect(properties["priority"]?["default"] == "normal")
    #expect(properties["tags"]?["type"] == "array")
    #expect(properties["tags"]?["items"]?["type"] == "string")
    #expect(properties["due"]?["type"] == "object")
    #expect(properties["due"]?["required"] == ["date"])
    #expect(properties["due"]?["properties"]?["date"]?["format"] == "date")
    #expect(properties["due"]?["properties"]?["time"]?["type"] == "string")
    #expect(properties["notes"]?["type"] == "string")
  }

  @Test func `share_task requires an email with format email`() async throws {
    let tool = try await DemoServer().tool("share_task")
    #expect(tool["inputSchema"]?["required"] == ["id", "email"])
    #expect(tool["inputSchema"]?["properties"]?["email"]?["format"] == "email")
    #expect(tool["description"]?.stringValue?.contains("outside your account") == true)
  }

  @Test func `list_tasks filters by a status enum and links the skybridge widget`() async throws {
    let tool = try await DemoServer().tool("list_tasks")
    #expect(tool["inputSchema"]?["properties"]?["status"]?["enum"] == ["open", "done", "all"])
    #expect(tool["inputSchema"]?["properties"]?["tag"]?["type"] == "string")
    #expect(tool["_meta"]?["openai/outputTemplate"] == "ui://widget/task-list.html")
    #expect(tool["_meta"]?["openai/toolInvocation/invoking"] == "Fetching your tasks…")
    #expect(tool["_meta"]?["openai/toolInvocation/invoked"] == "Fetched your tasks")
  }

  @Test func `get_task links the MCP Apps widget through _meta.ui.resourceUri`() async throws {
    let tool = try await DemoServer().tool("get_task")
    #expect(tool["_meta"]?["ui"]?["resourceUri"] == "ui://widget/task-card.html")
    #expect(tool["inputSchema"]?["required"] == ["id"])
  }

  @Test func `sync_tasks declares its step and delay defaults`() async throws {
    let properties = try await DemoServer().tool("sync_tasks")["inputSchema"]?["properties"]
    #expect(properties?["steps"]?["default"] == 5)
    #expect(properties?["delayMs"]?["default"] == 200)
  }

  @Test func `invocation status texts fit ChatGPT's 64-character limit`() async throws {
    for tool in try await DemoServer().tools() {
      for key in ["openai/toolInvocation/invoking", "openai/toolInvocation/invoked"] {
        if let text = tool["_meta"]?[key]?.stringValue {
          #expect(
            !text.isEmpty && text.count <= 64, "\(key) of \(tool["name"]?.stringValue ?? "?")")
        }
      }
    }
  }

  @Test func `every output schema requires only keys it declares`() async throws {
    for tool in try await DemoServer().tools() {
      let schema = try #require(tool["outputSchema"])
      let declared = schema["properties"]?.objectValue?.keys ?? []
      for key in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] {
        #expect(
          declared.contains(key), "\(tool["name"]?.stringValue ?? "?") requires undeclared \(key)")
      }
    }
  }
}
