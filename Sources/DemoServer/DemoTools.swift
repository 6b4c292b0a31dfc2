import PreflightJSON

/// The tool descriptors `tools/list` answers, as data, in list order.
enum DemoTools {
  /// Every tool, in the order `tools/list` lists them.
  static let all: [JSONValue] = [
    listTasks, getTask, echo, createTask, updateTask, completeTask, deleteTask, shareTask,
    archiveDone, syncTasks,
  ]

  /// The tool names, in list order.
  static let names: [String] = all.compactMap { $0["name"]?.stringValue }

  /// The widget `list_tasks` renders into (legacy Apps SDK template).
  static let taskListWidget = "ui://widget/task-list.html"

  /// The widget `get_task` and `create_task` render into (MCP Apps template).
  static let taskCardWidget = "ui://widget/task-card.html"

  /// An annotations object with all four hints set explicitly.
  static func annotations(
    readOnly: Bool, destructive: Bool, idempotent: Bool, openWorld: Bool
  ) -> JSONValue {
    [
      "readOnlyHint": .bool(readOnly),
      "destructiveHint": .bool(destructive),
      "idempotentHint": .bool(idempotent),
      "openWorldHint": .bool(openWorld),
    ]
  }

  /// The hints of every read-only tool here.
  static let readOnly = annotations(
    readOnly: true, destructive: false, idempotent: true, openWorld: false)

  /// `list_tasks`: the tasks, filtered, with the legacy Apps SDK widget.
  static let listTasks: JSONValue = [
    "name": "list_tasks",
    "title": "List tasks",
    "description": """
    Lists the user's tasks, oldest first. Use it for questions like "What are my available \
    tasks?". Filters by status (open by default) and by one tag.
    """,
    "inputSchema": [
      "type": "object",
      "properties": [
        "status": [
          "type": "string", "enum": ["open", "done", "all"], "default": "open",
          "description": "Which tasks to list.",
        ],
        "tag": ["type": "string", "description": "Only tasks with this tag."],
      ],
      "additionalProperties": false,
    ],
    "outputSchema": [
      "type": "object",
      "properties": [
        "status": ["type": "string", "enum": ["open", "done", "all"]],
        "tag": ["type": "string"],
        "count": ["type": "integer", "minimum": 0],
        "tasks": ["type": "array", "items": DemoSchemas.task],
      ],
      "required": ["status", "count", "tasks"],
    ],
    "annotations": readOnly,
    "_meta": [
      "openai/outputTemplate": .string(taskListWidget),
      "openai/toolInvocation/invoking": "Fetching your tasks…",
      "openai/toolInvocation/invoked": "Fetched your tasks",
    ],
  ]

  /// `get_task`: one task, with the MCP Apps widget.
  static let getTask: JSONValue = [
    "name": "get_task",
    "title": "Get a task",
    "description": "Shows one task with all its details, by id (such as \"t1\").",
    "inputSchema": DemoSchemas.idOnly,
    "outputSchema": DemoSchemas.singleTask,
    "annotations": readOnly,
    "_meta": [
      "ui": ["resourceUri": .string(taskCardWidget)],
      "openai/toolInvocation/invoking": "Opening the task…",
      "openai/toolInvocation/invoked": "Opened the task",
    ],
  ]

  /// `echo`: returns its arguments unchanged, for round-trip benchmarks.
  static let echo: JSONValue = [
    "name": "echo",
    "title": "Echo",
    "description": """
    Returns its arguments unchanged, as text and as structured content. Meant for testing \
    and timing round trips; it reads and changes nothing.
    """,
    "inputSchema": [
      "type": "object",
      "properties": [
        "text": ["type": "string", "description": "Anything; it comes back as sent."]
      ],
      "additionalProperties": true,
    ],
    "outputSchema": ["type": "object", "additionalProperties": true],
    "annotations": readOnly,
  ]
}
