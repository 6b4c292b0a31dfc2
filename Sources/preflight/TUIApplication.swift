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
  private let words: CommandWords
  private let scenario: ScenarioWalk?

  init(
    plan: ConnectionPlan, policy: Policy, colors: Bool, mouse: Bool, watch: [String],
    words: CommandWords = CommandWords(), scenario: ScenarioWalk? = nil
  ) {
    self.plan = plan
    self.policy = policy
    self.colors = colors
    self.mouse = mouse
    self.watch = watch
    self.words = words
    self.scenario = scenario
  }

  /// Runs until the user quits; the terminal is restored on every way out.
  func run() async throws(CLIFailure) {
    let runner = EffectRunner(
      plan: plan, inbox: inbox, policy: policy)
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
        policy: policy.name, commandWords: words),
      policy: policy, wireCapacity: plan.log.capacity)
    state.scenario = scenario
    var previous: CellGrid?
    var dirty = true
    let trace = TUITrace()
    defer { trace?.finish() }
    var clipboard: [String] = []
    for effect in [Effect.connect] { runner.run(effect) }
    // Keys wake the wait at once; the timeout only bounds how late a message from the server
    // is drawn. After a quiet second the loop waits longer, so an idle TUI costs almost no CPU.
    var quietPolls = 0
    while !state.quitting {
      var messages: [Msg] = []
      if let key = terminal.readKey(timeoutMilliseconds: quietPolls > 60 ? 40 : 15) {
        if case .resize = key { messages.append(.resized(terminal.size)) }
        trace?.key(key)
        messages.append(.key(key))
        // Take every key already typed before drawing, so held keys don't lag.
        while let next = terminal.readKey(timeoutMilliseconds: 0) {
          if case .resize = next { messages.append(.resized(terminal.size)) }
          trace?.key(next)
          messages.append(.key(next))
        }
      }
      messages += inbox.drain()
      quietPolls = messages.isEmpty ? quietPolls + 1 : 0
      while !messages.isEmpty {
        let message = messages.removeFirst()
        trace?.message(message)
        for effect in AppUpdate.update(&state, message) {
          switch effect {
          case .editInEditor(let text):
            messages.append(editExternally(text, terminal: terminal))
            previous = nil  // the editor drew over everything: redraw it all
          case .copyToClipboard(let text):
            clipboard.append(text)
          default:
            runner.run(effect)
          }
        }
        dirty = true
      }
      if dirty {
        var grid = CellGrid(size: state.size)
        AppRender.render(state, into: &grid)
        let diff = GridDiff(from: previous, to: grid)
        terminal.apply(diff)
        trace?.drew(state, changedCells: diff.runs.reduce(0) { $0 + $1.cells.count })
        previous = grid
        dirty = false
      }
      for text in clipboard { terminal.copyToClipboard(text) }
      clipboard = []
    }
    return .success(())
  }

  /// Runs `$EDITOR` on the arguments with the screen suspended; the screen comes back
  /// whatever the editor does.
  private func editExternally(_ text: String, terminal: CursesTerminal) -> Msg {
    guard let command = ExternalEditor.command else {
      return .editorClosed(
        text: nil, failure: "$EDITOR is not set: Ctrl-E edits the arguments as JSON here")
    }
    terminal.suspend()
    defer { terminal.resume() }
    let (edited, failure) = ExternalEditor.edit(text, command: command)
    return .editorClosed(text: edited, failure: failure)
  }

  private var transportName: String {
    switch plan.target {
    case .demo, .command: "stdio"
    case .url: plan.transportMode == "sse" ? "sse" : "http"
    }
  }
}
