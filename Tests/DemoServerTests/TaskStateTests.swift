import DemoServer
import PreflightJSON
import Testing

@Suite struct TaskStateTests {
  @Test func `a fresh server holds four seeded tasks`() async throws {
    let tasks = try await DemoServer().listedTasks()
    #expect(ids(tasks) == ["t1", "t2", "t3", "t4"])
    #expect(tasks.map { $0["status"]?.stringValue } == ["open", "open", "done", "open"])
  }

  @Test func `a created task shows up in list_tasks and get_task`() async throws {
    let server = DemoServer()
    _ = try await server.call("create_task", ["title": "One", "tags": ["x"]])
    _ = try await server.call("create_task", ["title": "Two"])
    #expect(ids(try await server.listedTasks()) == ["t1", "t2", "t3", "t4", "t5", "t6"])
    let got = try await server.call("get_task", ["id": "t5"])
    #expect(got["structuredContent"]?["task"]?["title"] == "One")
    #expect(got["structuredContent"]?["task"]?["tags"] == ["x"])
  }

  @Test func `an update changes only the fields given`() async throws {
    let server = DemoServer()
    _ = try await server.call("update_task", ["id": "t1", "title": "Rewrite the checklist"])
    let task = try #require(try await server.listedTasks().first)
    #expect(task["title"] == "Rewrite the checklist")
    #expect(task["priority"] == "high")
    #expect(task["due"] == ["date": "2026-12-01", "time": "09:30"])
  }

  @Test func `completing a task moves it to the done list, and again changes nothing`() async throws
  {
    let server = DemoServer()
    let first = try await server.call("complete_task", ["id": "t2"])
    let second = try await server.call("complete_task", ["id": "t2"])
    #expect(first["structuredContent"] == second["structuredContent"])
    #expect(ids(try await server.listedTasks(status: "done")) == ["t2", "t3"])
    #expect(ids(try await server.listedTasks(status: "open")) == ["t1", "t4"])
  }

  @Test func `a deleted task is gone and cannot be deleted twice`() async throws {
    let server = DemoServer()
    let deleted = try await server.call("delete_task", ["id": "t1"])
    #expect(deleted["structuredContent"]?["remaining"] == 3)
    #expect(deleted["structuredContent"]?["deleted"]?["id"] == "t1")
    #expect(ids(try await server.listedTasks()) == ["t2", "t3", "t4"])
    #expect(try await server.call("delete_task", ["id": "t1"])["isError"] == true)
    #expect(try await server.call("get_task", ["id": "t1"])["isError"] == true)
  }

  @Test func `archive_done removes the done tasks and reports them`() async throws {
    let server = DemoServer()
    _ = try await server.call("complete_task", ["id": "t4"])
    let archived = try await server.call("archive_done")
    #expect(ids(archived["structuredContent"]?["archived"]?.arrayValue ?? []) == ["t3", "t4"])
    #expect(archived["structuredContent"]?["remaining"] == 2)
    #expect(ids(try await server.listedTasks()) == ["t1", "t2"])
    let again = try await server.call("archive_done")
    #expect(again["structuredContent"]?["archived"] == [])
  }

  @Test func `ids are never reused after a delete`() async throws {
    let server = DemoServer()
    _ = try await server.call("create_task", ["title": "Five"])
    _ = try await server.call("delete_task", ["id": "t5"])
    let created = try await server.call("create_task", ["title": "Six"])
    #expect(created["structuredContent"]?["task"]?["id"] == "t6")
  }

  @Test func `two servers do not share state`() async throws {
    let a = DemoServer()
    _ = try await a.call("delete_task", ["id": "t1"])
    #expect(ids(try await DemoServer().listedTasks()).first == "t1")
  }

  @Test func `a failed write leaves the tasks unchanged`() async throws {
    let server = DemoServer()
    let before = try await server.listedTasks()
    _ = try await server.call("update_task", ["id": "t1", "title": "New", "priority": "urgent"])
    _ = try await server.call("create_task", ["title": "x", "due": ["date": "soon"]])
    #expect(try await server.listedTasks() == before)
  }
}
