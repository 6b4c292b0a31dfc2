import PreflightJSON

extension DemoTools {
  /// `create_task`: an additive write with a rich input schema.
  static let createTask: JSONValue = [
    "name": "create_task",
    "title": "Create a task",
    "description": "Adds a new open task and returns it with its new id.",
    "inputSchema": [
      "type": "object",
      "properties": [
        "title": [
          "type": "string", "minLength": 1, "maxLength": 200,
          "description": "A short title, such as \"Pay the rent\".",
        ],
        "priority": [
          "type": "string", "enum": ["low", "normal", "high"], "default": "normal",
          "description": "How urgent the task is.",
        ],
        "tags": DemoSchemas.tags,
        "due": DemoSchemas.due,
        "notes": DemoSchemas.notes,
      ],
      "required": ["title"],
      "additionalProperties": false,
    ],
    "outputSchema": DemoSchemas.singleTask,
    "annotations": annotations(
      readOnly: false, destructive: false, idempotent: false, openWorld: false),
    "_meta": [
      "ui": ["resourceUri": .string(taskCardWidget)],
      "openai/toolInvocation/invoking": "Adding the task…",
      "openai/toolInvocation/invoked": "Added the task",
    ],
  ]

  /// `update_task`: overwrites fields, so it is marked destructive.
  static let updateTask: JSONValue = [
    "name": "update_task",
    "title": "Update a task",
    "description": """
    Changes a task's title, status, priority, tags, due date or notes. Fields left out stay \
    as they are; the values it replaces are not kept.
    """,
    "inputSchema": [
      "type": "object",
      "properties": [
        "id": DemoSchemas.taskID,
        "title": ["type": "string", "minLength": 1, "maxLength": 200],
        "status": DemoSchemas.status,
        "priority": DemoSchemas.priority,
        "tags": DemoSchemas.tags,
        "due": DemoSchemas.due,
        "notes": DemoSchemas.notes,
      ],
      "required": ["id"],
      "additionalProperties": false,
    ],
    "outputSchema": DemoSchemas.singleTask,
    "annotations": annotations(
      readOnly: false, destructive: true, idempotent: true, openWorld: false),
  ]

  /// `complete_task`: marks a task done; doing it twice changes nothing more.
  static let completeTask: JSONValue = [
    "name": "complete_task",
    "title": "Complete a task",
    "description": "Marks a task as done. Completing a task that is already done changes nothing.",
    "inputSchema": DemoSchemas.idOnly,
    "outputSchema": DemoSchemas.singleTask,
    "annotations": annotations(
      readOnly: false, destructive: false, idempotent: true, openWorld: false),
  ]

  /// `delete_task`: removes a task for good.
  static let deleteTask: JSONValue = [
    "name": "delete_task",
    "title": "Delete a task",
    "description": "Deletes a task for good. It cannot be restored.",
    "inputSchema": DemoSchemas.idOnly,
    "outputSchema": [
      "type": "object",
      "properties": [
        "deleted": DemoSchemas.task,
        "remaining": ["type": "integer", "minimum": 0],
      ],
      "required": ["deleted", "remaining"],
    ],
    "annotations": annotations(
      readOnly: false, destructive: true, idempotent: true, openWorld: false),
  ]

  /// `share_task`: reaches outside the account, so it is marked open-world.
  static let shareTask: JSONValue = [
    "name": "share_task",
    "title": "Share a task by email",
    "description": """
    Emails the task to someone outside your account. (The demo server only pretends to \
    send it.)
    """,
    "inputSchema": [
      "type": "object",
      "properties": [
        "id": DemoSchemas.taskID,
        "email": [
          "type": "string", "format": "email", "description": "Who receives the task.",
        ],
        "message": ["type": "string", "maxLength": 500, "description": "A note to include."],
      ],
      "required": ["id", "email"],
      "additionalProperties": false,
    ],
    "outputSchema": [
      "type": "object",
      "properties": [
        "taskId": ["type": "string"],
        "email": ["type": "string"],
        "sent": ["type": "boolean"],
      ],
      "required": ["taskId", "email", "sent"],
    ],
    "annotations": annotations(
      readOnly: false, destructive: false, idempotent: false, openWorld: true),
  ]

  /// `archive_done`: deliberately has no `annotations` object at all.
  static let archiveDone: JSONValue = [
    "name": "archive_done",
    "title": "Archive done tasks",
    "description": "Moves every done task out of the task list into the archive.",
    "inputSchema": ["type": "object", "additionalProperties": false],
    "outputSchema": [
      "type": "object",
      "properties": [
        "archived": ["type": "array", "items": DemoSchemas.task],
        "remaining": ["type": "integer", "minimum": 0],
      ],
      "required": ["archived", "remaining"],
    ],
  ]

  /// `sync_tasks`: a slow tool that reports progress and logs.
  static let syncTasks: JSONValue = [
    "name": "sync_tasks",
    "title": "Sync tasks",
    "description": """
    Syncs the task list with a remote calendar, step by step, reporting progress and \
    logging as it goes. Slow on purpose: about steps × delayMs milliseconds.
    """,
    "inputSchema": [
      "type": "object",
      "properties": [
        "steps": [
          "type": "integer", "minimum": 1, "maximum": 100, "default": 5,
          "description": "How many steps to run.",
        ],
        "delayMs": [
          "type": "integer", "minimum": 0, "maximum": 10000, "default": 200,
          "description": "How long each step takes, in milliseconds.",
        ],
      ],
      "additionalProperties": false,
    ],
    "outputSchema": [
      "type": "object",
      "properties": [
        "steps": ["type": "integer", "minimum": 1],
        "delayMs": ["type": "integer", "minimum": 0],
        "tasksSynced": ["type": "integer", "minimum": 0],
      ],
      "required": ["steps", "delayMs", "tasksSynced"],
    ],
    "annotations": annotations(
      readOnly: false, destructive: false, idempotent: false, openWorld: true),
  ]
}
