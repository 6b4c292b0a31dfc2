import DemoServer
import PreflightJSON
import Testing

@Suite struct SyncTasksTests {
  /// Runs `sync_tasks` with the arguments and collects what it sends.
  func sync(
    _ arguments: JSONValue, on server: DemoServer = DemoServer(), token: JSONValue? = nil
  ) async throws -> (result: JSONValue, log: NotificationLog) {
    let log = NotificationLog()
    let reply = await server.handle(
      method: "tools/call", params: ["name": "sync_tasks", "arguments": arguments],
      context: context(token: token, log: log))
    return (try result(of: reply), log)
  }

  @Test func `with a progress token every step reports progress`() async throws {
    let (answer, log) = try await sync(["steps": 3, "delayMs": 1], token: "tok-1")
    let progress = await log.params(of: "notifications/progress")
    #expect(progress.count == 3)
    for (i, p) in progress.enumerated() {
      #expect(p["progressToken"] == "tok-1")
      #expect(p["progress"] == .int(i + 1))
      #expect(p["total"] == 3)
      #expect(p["message"]?.stringValue?.isEmpty == false)
    }
    #expect(answer["structuredContent"] == ["steps": 3, "delayMs": 1, "tasksSynced": 4])
  }

  @Test func `an integer progress token is echoed as sent`() async throws {
    let (_, log) = try await sync(["steps": 1, "delayMs": 0], token: 42)
    #expect(await log.params(of: "notifications/progress").first?["progressToken"] == 42)
  }

  @Test func `without a progress token no progress is sent`() async throws {
    let (_, log) = try await sync(["steps": 3, "delayMs": 0])
    #expect(await log.params(of: "notifications/progress").isEmpty)
    #expect(await log.params(of: "notifications/message").count == 4)
  }

  @Test func `by default it logs info and above from the sync logger`() async throws {
    let (_, log) = try await sync(["steps": 2, "delayMs": 0])
    let messages = await log.params(of: "notifications/message")
    #expect(messages.map { $0["level"] } == ["info", "info", "notice"])
    #expect(messages.allSatisfy { $0["logger"] == "sync" && $0["data"]?.stringValue != nil })
  }

  @Test func `logging/setLevel debug adds the debug message`() async throws {
    let server = DemoServer()
    _ = await server.request("logging/setLevel", ["level": "debug"])
    let (_, log) = try await sync(["steps": 1, "delayMs": 0], on: server)
    let levels = await log.params(of: "notifications/message").map { $0["level"] }
    #expect(levels == ["debug", "info", "notice"])
  }

  @Test(arguments: [("notice", 1), ("warning", 0), ("emergency", 0)])
  func `logging/setLevel drops messages below the level`(level: String, count: Int) async throws {
    let server = DemoServer()
    _ = await server.request("logging/setLevel", ["level": .string(level)])
    let (_, log) = try await sync(["steps": 2, "delayMs": 0], on: server, token: "t")
    #expect(await log.params(of: "notifications/message").count == count)
    #expect(await log.params(of: "notifications/progress").count == 2)
  }

  @Test func `the defaults are five steps of 200 ms`() async throws {
    let clock = ContinuousClock()
    let start = clock.now
    let (answer, _) = try await sync([:])
    #expect(clock.now - start >= .milliseconds(1000))
    #expect(answer["structuredContent"]?["steps"] == 5)
    #expect(answer["structuredContent"]?["delayMs"] == 200)
  }

  @Test func `cancelling a sync ends it promptly`() async throws {
    let log = NotificationLog()
    let server = DemoServer()
    let clock = ContinuousClock()
    let start = clock.now
    let task = Task {
      await server.handle(
        method: "tools/call",
        params: ["name": "sync_tasks", "arguments": ["steps": 100, "delayMs": 10_000]],
        context: context(token: "c", log: log))
    }
    try await Task.sleep(for: .milliseconds(50))
    task.cancel()
    let reply = await task.value
    // Uncancelled, this call would run for 1,000 s; a loaded CI machine may take seconds.
    #expect(clock.now - start < .seconds(60))
    let failure = try error(of: reply)
    #expect(failure.code == -32800)
    #expect(failure.data?["stepsCompleted"] == 0)
    #expect(await log.params(of: "notifications/progress").isEmpty)
  }

  @Test func `the server keeps answering while a sync runs`() async throws {
    let server = DemoServer()
    let task = Task {
      await server.handle(
        method: "tools/call",
        params: ["name": "sync_tasks", "arguments": ["steps": 100, "delayMs": 10_000]],
        context: context())
    }
    try await Task.sleep(for: .milliseconds(20))
    #expect(try result(of: await server.request("ping")) == [:])
    task.cancel()
    _ = await task.value
  }
}
