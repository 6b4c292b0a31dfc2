import ApprovalPolicy
import CursesBackend
import Dispatch
import Foundation
import PreflightCore
import PreflightUI
import TerminalGrid

/// The TUI: a dedicated thread owns the terminal (every curses call happens there), reads keys
/// with a short timeout, drains the inbox, runs `update`, and redraws only what changed.
final class TUIApplication: @unchecked Sendable {
  private let plan: ConnectionPlan
  private let policy: Policy
  private let colors: Bool
  private let mouse: Bool
  private let inbox = Inbox()

  private let watch: [String]

  init(plan: ConnectionPlan, policy: Policy, colors: Bool, mouse: Bool, watch: [String]) {
    self.plan = plan
    self.policy = policy
    self.colors = colors
    self.mouse = mouse
    self.watch = watch
  }

  /// Runs until the user quits; the terminal is restored on every way out.
  func run() async throws(CLIFailure) {
    let runner = EffectRunner(
      plan: plan, inbox: inbox, policy: policy, conversation: "conversation-1")
    let signals = await TerminationSignals.watch { [inbox] _ in inbox.post(.quitRequested) }
    let watcher =
      watch.isEmpty
      ? nil : FileWatcher(paths: watch) { [inbox] path in inbox.post(.filesChanged(path)) }.start()
    let outcome: Result<Void, CLIFailure> = await withCheckedContinuation { continuation in
      let thread = Thread { [self] in
        continuation.resume(returning: self.loop(runner))
      }
      thread.name = "preflight-tui"
      thread.stackSize = 8 << 20
      thread.start()
    }
    for source in signals { source.cancel() }
    watcher?.cancel()
    await runner.shutdown()
    try outcome.get()
  }

  private func loop(_ runner: EffectRunner) -> Result<Void, CLIFailure> {
    let terminal: CursesTerminal
    do {
      terminal = try CursesTerminal.start(colors: colors, mouse: mouse)
    } catch {
      return .failure(
        CLIFailure(kind: .usage, message: "cannot start the terminal: \(error)", exitCode: 2))
    }
    defer { terminal.stop() }
    var state = AppState(
      size: terminal.size,
      header: HeaderInfo(
        target: plan.headerText, transport: transportName, profile: plan.profile.name,
        policy: policy.name),
      policy: policy, wireCapacity: plan.log.capacity)
    var previous: CellGrid?
    var dirty = true
    for effect in [Effect.connect] { runner.run(effect) }
    while !state.quitting {
      var messages: [Msg] = []
      if let key = terminal.readKey(timeoutMilliseconds: 15) {
        if case .resize = key { messages.append(.resized(terminal.size)) }
        messages.append(.key(key))
        // Take every key already typed before drawing, so held keys don't lag.
        while let next = terminal.readKey(timeoutMilliseconds: 0) {
          if case .resize = next { messages.append(.resized(terminal.size)) }
          messages.append(.key(next))
        }
      }
      messages += inbox.drain()
      for message in messages {
        for effect in AppUpdate.update(&state, message) { runner.run(effect) }
        dirty = true
      }
      if dirty {
        var grid = CellGrid(size: state.size)
        AppRender.render(state, into: &grid)
        terminal.apply(GridDiff(from: previous, to: grid))
        previous = grid
        dirty = false
      }
    }
    return .success(())
  }

  private var transportName: String {
    switch plan.target {
    case .demo, .command: "stdio"
    case .url: plan.transportMode == "sse" ? "sse" : "http"
    }
  }
}
