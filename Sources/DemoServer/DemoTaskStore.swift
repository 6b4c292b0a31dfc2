/// The demo's state: its tasks, the archive and the next id, all in memory.
struct DemoTaskStore: Sendable {
  /// The active tasks, oldest first.
  private(set) var tasks: [DemoTask]
  /// Tasks moved out of the list by `archive_done`.
  private(set) var archived: [DemoTask] = []
  /// The number of the next task id.
  private var nextNumber: Int

  /// A store holding the seeded tasks.
  init() {
    tasks = Self.seed
    nextNumber = Self.seed.count + 1
  }

  /// The tasks every fresh server starts with.
  static let seed: [DemoTask] = [
    DemoTask(
      id: "t1", title: "Write the launch checklist", priority: .high, tags: ["launch"],
      due: .init(date: "2026-12-01", time: "09:30"),
      notes: "Cover rollback, on-call and the status page."),
    DemoTask(
      id: "t2", title: "Book a room for the team offsite", tags: ["team", "travel"],
      due: .init(date: "2026-12-12")),
    DemoTask(
      id: "t3", title: "Renew the TLS certificate", status: .done, priority: .high,
      tags: ["ops"]),
    DemoTask(id: "t4", title: "Reply to the design review", priority: .low, tags: ["design"]),
  ]

  /// The active task with this id, if any.
  func task(id: String) -> DemoTask? {
    tasks.first { $0.id == id }
  }

  /// Adds a task built from the fields, giving it the next id, and returns it.
  mutating func add(_ make: (String) -> DemoTask) -> DemoTask {
    let task = make("t\(nextNumber)")
    nextNumber += 1
    tasks.append(task)
    return task
  }

  /// Replaces the active task that has the same id; returns false if there is none.
  @discardableResult
  mutating func replace(_ task: DemoTask) -> Bool {
    guard let index = tasks.firstIndex(where: { $0.id == task.id }) else { return false }
    tasks[index] = task
    return true
  }

  /// Removes the active task with this id and returns it, if there was one.
  mutating func remove(id: String) -> DemoTask? {
    guard let index = tasks.firstIndex(where: { $0.id == id }) else { return nil }
    return tasks.remove(at: index)
  }

  /// Moves every done task to the archive and returns them.
  mutating func archiveDone() -> [DemoTask] {
    let done = tasks.filter { $0.status == .done }
    tasks.removeAll { $0.status == .done }
    archived += done
    return done
  }
}
