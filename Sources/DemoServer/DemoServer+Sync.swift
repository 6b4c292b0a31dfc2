import PreflightJSON

extension DemoServer {
  /// `sync_tasks`: runs `steps` steps of `delayMs` each, sending progress (when the client
  /// gave a token) and log messages, and stops promptly when its task is cancelled.
  func syncTasks(_ args: DemoArguments, context: DemoRequestContext) async -> DemoReply {
    let steps: Int
    let delayMs: Int
    do {
      try args.rejectUnknown(allowing: ["steps", "delayMs"])
      steps = try args.int("steps", in: 1...100) ?? 5
      delayMs = try args.int("delayMs", in: 0...10_000) ?? 200
    } catch {
      return .result(DemoToolResult.failure(error.message))
    }
    await log(.debug, logger: "sync", "Starting a sync in \(steps) steps", context: context)
    for step in 1...steps {
      do {
        if delayMs > 0 { try await Task.sleep(for: .milliseconds(delayMs)) }
        try Task.checkCancellation()
      } catch {
        return cancelled(after: step - 1, of: steps)
      }
      if let token = context.progressToken, !token.isNull {
        await context.notify(
          "notifications/progress",
          [
            "progressToken": token, "progress": .int(step), "total": .int(steps),
            "message": .string("Synced step \(step) of \(steps)"),
          ])
      }
      await log(.info, logger: "sync", "Step \(step) of \(steps) done", context: context)
    }
    let count = store.tasks.count
    await log(.notice, logger: "sync", "Sync finished: \(count) tasks", context: context)
    return .result(
      DemoToolResult.success([
        "steps": .int(steps), "delayMs": .int(delayMs), "tasksSynced": .int(count),
      ]))
  }

  /// The reply when the sync was cancelled part-way.
  private func cancelled(after done: Int, of steps: Int) -> DemoReply {
    .error(
      code: DemoReply.requestCancelledCode, message: "Request cancelled",
      data: ["stepsCompleted": .int(done), "steps": .int(steps)])
  }
}
