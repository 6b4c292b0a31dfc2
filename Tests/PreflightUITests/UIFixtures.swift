import ApprovalPolicy
import PreflightCore
import PreflightJSON
import PreflightUI
import TerminalGrid

/// Fixed states for update and snapshot tests.
enum UIFixtures {
  static let tools: [JSONValue] = [
    [
      "name": "list_tasks", "title": "List tasks",
      "description": "Lists the user's tasks, oldest first.",
      "inputSchema": [
        "type": "object",
        "properties": [
          "status": [
            "type": "string", "enum": ["open", "done", "all"], "default": "open",
            "description": "Which tasks to list.",
          ]
        ],
      ],
      "annotations": [
        "readOnlyHint": true, "destructiveHint": false, "idempotentHint": true,
        "openWorldHint": false,
      ],
      "_meta": [
        "openai/outputTemplate": "ui://widget/task-list.html",
        "openai/toolInvocation/invoking": "Fetching your tasks…",
      ],
    ],
    [
      "name": "create_task", "title": "Create a task",
      "description":
        "Adds a new open task and returns it with its new id. Use it when the user asks to add, remember or plan something.",
      "inputSchema": [
        "type": "object",
        "properties": [
          "title": ["type": "string", "description": "Short title"],
          "priority": ["type": "string", "enum": ["low", "normal", "high"], "default": "normal"],
          "tags": ["type": "array", "items": ["type": "string"]],
          "due": [
            "type": "object",
            "properties": [
              "date": ["type": "string", "format": "date"],
              "time": ["anyOf": [["type": "string"], ["type": "null"]]],
            ],
            "required": ["date"],
          ],
          "owner": ["$ref": "#/$defs/Person"],
        ],
        "required": ["title"],
        "$defs": [
          "Person": [
            "type": "object", "properties": ["email": ["type": "string", "format": "email"]],
          ]
        ],
      ],
      "outputSchema": [
        "type": "object", "properties": ["task": ["type": "object"]], "required": ["task"],
      ],
      "annotations": ["readOnlyHint": false, "destructiveHint": false],
    ],
    [
      "name": "delete_task", "title": "Delete a task", "description": "Deletes a task for good.",
      "inputSchema": ["type": "object", "properties": ["id": ["type": "string"]]],
      "annotations": ["readOnlyHint": false, "destructiveHint": true, "openWorldHint": false],
    ],
    [
      "name": "share_task", "description": "Emails the task outside your account.",
      "inputSchema": ["type": "object"],
      "annotations": ["readOnlyHint": false, "destructiveHint": false, "openWorldHint": true],
    ],
    [
      "name": "archive_done", "description": "Archives done tasks.",
      "inputSchema": ["type": "object"],
    ],
    [
      "name": "refresh_widget", "description": "Widget only.",
      "inputSchema": ["type": "object"],
      "_meta": ["ui": ["visibility": ["app"]]],
      "annotations": ["readOnlyHint": true, "destructiveHint": false, "openWorldHint": false],
    ],
  ]

  static let hostileTools: [JSONValue] = [
    [
      "name": "evil\u{1B}[2J_tool\u{202E}",
      "description":
        "Title change \u{1B}]0;pwned\u{07} and clipboard \u{1B}]52;c;aGk=\u{07} and zero\u{200B}width",
      "inputSchema": ["type": "object"],
    ]
  ]

  static let server = ServerInfo(
    initializeResult: [
      "protocolVersion": "2025-11-25",
      "serverInfo": [
        "name": "preflight-demo", "version": "0.1.0", "title": "Preflight demo: Tasks",
      ],
      "capabilities": ["tools": [:], "resources": [:], "logging": [:]],
    ], protocolVersion: "2025-11-25")

  /// A state connected to the fixture server with its tools listed.
  static func state(
    width: Int = 80, height: Int = 24, tools: [JSONValue] = UIFixtures.tools
  ) -> AppState {
    var state = AppState(
      size: Size(width: width, height: height),
      header: HeaderInfo(
        target: "preflight demo-server", transport: "stdio", profile: "chatgpt",
        policy: "chatgpt"),
      policy: .chatgpt)
    _ = AppUpdate.update(&state, .connected(server))
    _ = AppUpdate.update(&state, .toolsLoaded(ToolListing(tools: tools, pages: 1)))
    _ = AppUpdate.update(&state, .wire(wireRecords))
    return state
  }

  /// A fixed session on the wire, times from 12:01:03.114 UTC.
  static let wireRecords: [WireRecord] = {
    let base: Int64 = 1_795_003_263_114
    var records: [WireRecord] = []
    func add(_ direction: WireDirection, _ body: WireBody, _ dt: Int64, bytes: Int = 0) {
      records.append(
        WireRecord(
          seq: records.count + 1, timeMillis: base + dt, direction: direction, transport: "stdio",
          body: body, byteCount: bytes))
    }
    add(
      .local,
      .local(kind: "process", text: "started preflight demo-server (pid 4242)", details: nil), 0)
    add(
      .outbound,
      .message([
        "jsonrpc": "2.0", "id": 0, "method": "initialize",
        "params": [
          "protocolVersion": "2025-11-25",
          "clientInfo": ["name": "openai-mcp", "version": "1.0.0"],
        ],
      ]), 1, bytes: 412)
    add(
      .inbound,
      .message([
        "jsonrpc": "2.0", "id": 0,
        "result": [
          "protocolVersion": "2025-11-25",
          "serverInfo": ["name": "preflight-demo", "version": "0.1.0"],
          "capabilities": ["tools": [:], "logging": [:]],
        ],
      ]), 6, bytes: 1_100)
    add(
      .outbound, .message(["jsonrpc": "2.0", "method": "notifications/initialized"]), 7, bytes: 54)
    add(.outbound, .message(["jsonrpc": "2.0", "id": 1, "method": "tools/list"]), 8, bytes: 46)
    add(
      .inbound, .message(["jsonrpc": "2.0", "id": 1, "result": ["tools": .array(tools)]]), 10,
      bytes: 6_300)
    add(.inbound, .stderr("sync: warming the cache"), 11)
    add(
      .inbound,
      .message([
        "jsonrpc": "2.0", "method": "notifications/message",
        "params": ["level": "warning", "logger": "sync", "data": "calendar is slow"],
      ]), 12, bytes: 120)
    add(
      .inbound,
      .message([
        "jsonrpc": "2.0", "method": "notifications/progress",
        "params": ["progressToken": "p1", "progress": 2, "total": 5, "message": "step 2 of 5"],
      ]), 13, bytes: 110)
    add(
      .inbound, .raw("this is not JSON", reason: "not JSON: unexpected character 't' at byte 0"),
      14, bytes: 16)
    return records
  }()
}
