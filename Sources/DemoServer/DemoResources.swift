import PreflightJSON

/// The resources and the resource template, as data, and what reading each one returns.
enum DemoResources {
  /// The MIME type of the legacy Apps SDK template.
  static let skybridgeMIME = "text/html+skybridge"

  /// The MIME type of an MCP Apps template.
  static let mcpAppMIME = "text/html;profile=mcp-app"

  /// The URI template of a single task.
  static let taskTemplate = "tasks://task/{id}"

  /// The URI prefix that template expands to.
  static let taskURIPrefix = "tasks://task/"

  /// The `_meta` of the task-list widget: the legacy `openai/…` keys.
  static let taskListMeta: JSONValue = [
    "openai/widgetDescription": "Shows the user's tasks as a list with their tags.",
    "openai/widgetCSP": ["connect_domains": [], "resource_domains": []],
    "openai/widgetPrefersBorder": true,
  ]

  /// The `_meta` of the task-card widget: the MCP Apps `ui` keys.
  static let taskCardMeta: JSONValue = [
    "ui": [
      "prefersBorder": true,
      "csp": ["connectDomains": [], "resourceDomains": []],
    ]
  ]

  /// What `resources/list` answers, in order.
  static let list: [JSONValue] = [
    [
      "uri": .string(DemoTools.taskListWidget),
      "name": "task-list",
      "title": "Task list widget",
      "description": "The list that list_tasks renders into (Apps SDK template).",
      "mimeType": .string(skybridgeMIME),
      "_meta": taskListMeta,
    ],
    [
      "uri": .string(DemoTools.taskCardWidget),
      "name": "task-card",
      "title": "Task card widget",
      "description": "The card that get_task and create_task render into (MCP Apps template).",
      "mimeType": .string(mcpAppMIME),
      "_meta": taskCardMeta,
    ],
  ]

  /// What `resources/templates/list` answers.
  static let templates: [JSONValue] = [
    [
      "uriTemplate": .string(taskTemplate),
      "name": "task",
      "title": "A task by id",
      "description": "One task as JSON, e.g. tasks://task/t1.",
      "mimeType": "application/json",
    ]
  ]

  /// The `contents` of reading `uri`, or nil when there is no such resource.
  static func read(_ uri: String, store: DemoTaskStore) -> [JSONValue]? {
    switch uri {
    case DemoTools.taskListWidget:
      return [content(uri, skybridgeMIME, DemoWidgetHTML.taskList, meta: taskListMeta)]
    case DemoTools.taskCardWidget:
      return [content(uri, mcpAppMIME, DemoWidgetHTML.taskCard, meta: taskCardMeta)]
    default:
      guard uri.hasPrefix(taskURIPrefix),
        let task = store.task(id: String(uri.dropFirst(taskURIPrefix.count)))
      else { return nil }
      return [content(uri, "application/json", JSONPrinter.compact(task.json))]
    }
  }

  /// One text content item.
  private static func content(
    _ uri: String, _ mimeType: String, _ text: String, meta: JSONValue? = nil
  ) -> JSONValue {
    var o = JSONObject()
    o["uri"] = .string(uri)
    o["mimeType"] = .string(mimeType)
    o["text"] = .string(text)
    if let meta { o["_meta"] = meta }
    return .object(o)
  }
}
