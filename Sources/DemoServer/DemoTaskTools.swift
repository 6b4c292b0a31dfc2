import PreflightJSON

/// The logic of the task tools: validate the arguments, read or change the store, and return
/// the structured content (which matches the tool's `outputSchema`).
enum DemoTaskTools {
  /// The status filter `list_tasks` accepts.
  enum Filter: String, CaseIterable {
    case open
    case done
    case all
  }

  /// `list_tasks`: the active tasks with the status and tag asked for.
  static func listTasks(_ args: DemoArguments, store: DemoTaskStore) throws(DemoToolError)
    -> JSONValue
  {
    try args.rejectUnknown(allowing: ["status", "tag"])
    let filter = try args.choice("status", as: Filter.self) ?? .open
    let tag = try args.string("tag")
    let tasks = store.tasks.filter { task in
      (filter == .all || task.status.rawValue == filter.rawValue)
        && (tag.map { task.tags.contains($0) } ?? true)
    }
    var o = JSONObject()
    o["status"] = .string(filter.rawValue)
    if let tag { o["tag"] = .string(tag) }
    o["count"] = .int(tasks.count)
    o["tasks"] = .array(tasks.map(\.json))
    return .object(o)
  }

  /// The tags in use, sorted, for the list widget's `_meta`.
  static func allTags(in store: DemoTaskStore) -> JSONValue {
    .array(Set(store.tasks.flatMap(\.tags)).sorted().map { .string($0) })
  }

  /// `get_task`: one task by id.
  static func getTask(_ args: DemoArguments, store: DemoTaskStore) throws(DemoToolError)
    -> JSONValue
  {
    try args.rejectUnknown(allowing: ["id"])
    return ["task": try existing(args, in: store).json]
  }

  /// `create_task`: adds a task.
  static func createTask(_ args: DemoArguments, store: inout DemoTaskStore)
    throws(DemoToolError) -> JSONValue
  {
    try args.rejectUnknown(allowing: ["title", "priority", "tags", "due", "notes"])
    let title = try args.requiredString("title", maxLength: 200)
    let priority = try args.choice("priority", as: DemoTask.Priority.self) ?? .normal
    let tags = try args.strings("tags") ?? []
    let due = try dueDate(args)
    let notes = try args.string("notes", allowEmpty: true, maxLength: 2000)
    let task = store.add { id in
      DemoTask(id: id, title: title, priority: priority, tags: tags, due: due, notes: notes)
    }
    return ["task": task.json]
  }

  /// `update_task`: changes the fields given.
  static func updateTask(_ args: DemoArguments, store: inout DemoTaskStore)
    throws(DemoToolError) -> JSONValue
  {
    let fields = ["title", "status", "priority", "tags", "due", "notes"]
    try args.rejectUnknown(allowing: ["id"] + fields)
    var task = try existing(args, in: store)
    guard fields.contains(where: args.has) else {
      throw DemoToolError(
        "nothing to update: give at least one of \(fields.joined(separator: ", "))")
    }
    if let title = try args.string("title", maxLength: 200) { task.title = title }
    if let status = try args.choice("status", as: DemoTask.Status.self) { task.status = status }
    if let priority = try args.choice("priority", as: DemoTask.Priority.self) {
      task.priority = priority
    }
    if let tags = try args.strings("tags") { task.tags = tags }
    if let due = try dueDate(args) { task.due = due }
    if let notes = try args.string("notes", allowEmpty: true, maxLength: 2000) {
      task.notes = notes
    }
    store.replace(task)
    return ["task": task.json]
  }

  /// `complete_task`: marks a task done.
  static func completeTask(_ args: DemoArguments, store: inout DemoTaskStore)
    throws(DemoToolError) -> JSONValue
  {
    try args.rejectUnknown(allowing: ["id"])
    var task = try existing(args, in: store)
    task.status = .done
    store.replace(task)
    return ["task": task.json]
  }

  /// `delete_task`: removes a task.
  static func deleteTask(_ args: DemoArguments, store: inout DemoTaskStore)
    throws(DemoToolError) -> JSONValue
  {
    try args.rejectUnknown(allowing: ["id"])
    let task = try existing(args, in: store)
    _ = store.remove(id: task.id)
    return ["deleted": task.json, "remaining": .int(store.tasks.count)]
  }

  /// `share_task`: pretends to email a task.
  static func shareTask(_ args: DemoArguments, store: DemoTaskStore) throws(DemoToolError)
    -> JSONValue
  {
    try args.rejectUnknown(allowing: ["id", "email", "message"])
    let task = try existing(args, in: store)
    let email = try args.requiredString("email")
    guard DemoFormat.isEmail(email) else {
      throw DemoToolError(
        "email must be an email address such as name@example.com, not \"\(email)\"")
    }
    _ = try args.string("message", allowEmpty: true, maxLength: 500)
    return ["taskId": .string(task.id), "email": .string(email), "sent": true]
  }

  /// `archive_done`: moves the done tasks to the archive.
  static func archiveDone(_ args: DemoArguments, store: inout DemoTaskStore)
    throws(DemoToolError) -> JSONValue
  {
    try args.rejectUnknown(allowing: [])
    let archived = store.archiveDone()
    return ["archived": .array(archived.map(\.json)), "remaining": .int(store.tasks.count)]
  }

  /// The task named by the `id` argument; fails when the id is missing or unknown.
  private static func existing(_ args: DemoArguments, in store: DemoTaskStore)
    throws(DemoToolError) -> DemoTask
  {
    let id = try args.requiredString("id")
    guard let task = store.task(id: id) else {
      throw DemoToolError("No task with id \"\(id)\". Call list_tasks with status \"all\" for ids.")
    }
    return task
  }

  /// The `due` argument, validated, or nil when absent.
  private static func dueDate(_ args: DemoArguments) throws(DemoToolError) -> DemoTask.Due? {
    guard let due = try args.nested("due") else { return nil }
    try due.rejectUnknown(allowing: ["date", "time"])
    let date = try due.requiredString("date")
    guard DemoFormat.isDate(date) else {
      throw DemoToolError("due.date must be a date like 2026-05-01, not \"\(date)\"")
    }
    let time = try due.string("time")
    if let time, !DemoFormat.isTime(time) {
      throw DemoToolError("due.time must be a time like 09:30, not \"\(time)\"")
    }
    return DemoTask.Due(date: date, time: time)
  }
}
