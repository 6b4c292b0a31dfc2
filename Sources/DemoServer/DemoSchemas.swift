import PreflightJSON

/// JSON Schema pieces the tool descriptors share.
enum DemoSchemas {
  /// A task id such as `t1`.
  static let taskID: JSONValue = [
    "type": "string",
    "description": "The task's id, such as \"t1\".",
    "pattern": "^t[0-9]+$",
  ]

  /// The priority enum, without a default.
  static let priority: JSONValue = [
    "type": "string",
    "enum": ["low", "normal", "high"],
    "description": "How urgent the task is.",
  ]

  /// The status enum of a stored task.
  static let status: JSONValue = [
    "type": "string",
    "enum": ["open", "done"],
    "description": "Whether the task is still to do.",
  ]

  /// A list of tags.
  static let tags: JSONValue = [
    "type": "array",
    "items": ["type": "string", "minLength": 1],
    "description": "Free-form labels such as \"home\" or \"work\".",
  ]

  /// The nested due object: a date and an optional time.
  static let due: JSONValue = [
    "type": "object",
    "description": "When the task is due.",
    "properties": [
      "date": ["type": "string", "format": "date", "description": "The day, YYYY-MM-DD."],
      "time": [
        "type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$",
        "description": "The time of day, HH:MM (24-hour).",
      ],
    ],
    "required": ["date"],
    "additionalProperties": false,
  ]

  /// Longer notes.
  static let notes: JSONValue = [
    "type": "string",
    "maxLength": 2000,
    "description": "Longer notes.",
  ]

  /// A task as tools return it.
  static let task: JSONValue = [
    "type": "object",
    "properties": [
      "id": ["type": "string"],
      "title": ["type": "string"],
      "status": status,
      "priority": priority,
      "tags": ["type": "array", "items": ["type": "string"]],
      "due": due,
      "notes": ["type": "string"],
    ],
    "required": ["id", "title", "status", "priority", "tags"],
  ]

  /// An output schema whose only required key is `task`.
  static let singleTask: JSONValue = [
    "type": "object",
    "properties": ["task": task],
    "required": ["task"],
  ]

  /// An input schema that takes only a task id.
  static let idOnly: JSONValue = [
    "type": "object",
    "properties": ["id": taskID],
    "required": ["id"],
    "additionalProperties": false,
  ]
}
