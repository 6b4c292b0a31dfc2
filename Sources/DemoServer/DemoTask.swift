import PreflightJSON

/// One task of the demo's in-memory list.
struct DemoTask: Sendable, Equatable {
  /// Whether a task is still to do.
  enum Status: String, CaseIterable, Sendable {
    case open
    case done
  }

  /// How urgent a task is.
  enum Priority: String, CaseIterable, Sendable {
    case low
    case normal
    case high
  }

  /// When a task is due: a calendar date and an optional time of day.
  struct Due: Sendable, Equatable {
    /// The date, `YYYY-MM-DD`.
    var date: String
    /// The time of day, `HH:MM`, if any.
    var time: String?
  }

  /// The id, `t` and a number.
  var id: String
  /// A short title.
  var title: String
  /// Open or done.
  var status: Status = .open
  /// Low, normal or high.
  var priority: Priority = .normal
  /// Free-form tags, in the order given.
  var tags: [String] = []
  /// When it is due, if ever.
  var due: Due?
  /// Longer notes, if any.
  var notes: String?

  /// The task as the JSON object the task schema describes; absent fields are left out.
  var json: JSONValue {
    var o = JSONObject()
    o["id"] = .string(id)
    o["title"] = .string(title)
    o["status"] = .string(status.rawValue)
    o["priority"] = .string(priority.rawValue)
    o["tags"] = .array(tags.map { .string($0) })
    if let due {
      var d = JSONObject()
      d["date"] = .string(due.date)
      if let time = due.time { d["time"] = .string(time) }
      o["due"] = .object(d)
    }
    if let notes { o["notes"] = .string(notes) }
    return .object(o)
  }
}
