import ArgumentParser
import Foundation
import HostFlow
import PreflightUI

/// The TUI, the default when no command is named. Without a terminal it says so and exits 2.
struct InteractiveCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tui", abstract: "Open the interactive inspector on TARGET.", shouldDisplay: false)

  @Option(
    help: ArgumentHelp("Restart a stdio server when files under PATH change.", valueName: "path"))
  var watch: [String] = []

  @Option(
    help: ArgumentHelp(
      "Walk a scenario file (a JSON array of calls) through the approval flow; ] proposes the "
        + "next call.", valueName: "file"))
  var scenario: String?

  @Flag(
    name: .customLong("no-mouse"),
    help: "Leave the mouse to the terminal (text selection); also PREFLIGHT_NO_MOUSE=1.")
  var noMouse = false

  @Flag(help: .hidden)
  var json = false

  @OptionGroup(title: "Connection")
  var connection: ConnectionOptions

  @OptionGroup
  var target: TargetArguments

  func validate() throws {
    if let word = target.url, !word.contains("://") {
      if PreflightCommand.commandNames.contains(word) {
        throw ValidationError(
          "options go after the command name: preflight \(word) --json … (got '\(word)' after "
            + "an option)")
      }
      if let suggestion = PreflightCommand.suggestion(for: word) {
        throw ValidationError("unknown command '\(word)'; did you mean '\(suggestion)'?")
      }
      throw ValidationError(
        "unknown command '\(word)'; the commands are "
          + PreflightCommand.commandNames.joined(separator: ", ")
          + " (a TARGET is an http(s) URL or -- and a command line)")
    }
  }

  func run() async throws {
    let target = try target.resolve(commandName: "tools")
    var walk: ScenarioWalk?
    if let file = scenario {
      do {
        let calls = try ModelCall.scenario(
          try ArgumentsInput.readFile(file, what: "scenario file"))
        walk = ScenarioWalk(file: file, calls: calls)
      } catch let error as ScenarioError {
        throw CLIFailure.usage("scenario file '\(file)': \(error.message)")
      }
    }
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
      throw CLIFailure.usage("the TUI needs a terminal; try `preflight tools`")
    }
    let policy = try connection.approvalPolicy()
    let plan = try ConnectionPlan(target, options: connection)
    let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
    for path in watch where !FileManager.default.fileExists(atPath: path) {
      throw CLIFailure.usage("--watch: '\(path)' does not exist")
    }
    let words = ShareWords.make(connection, target: target, redactor: plan.log.redactor)
    let mouseOff = ProcessInfo.processInfo.environment["PREFLIGHT_NO_MOUSE"].map { !$0.isEmpty }
    try await TUIApplication(
      plan: plan, policy: policy, colors: !noColor, mouse: !(noMouse || mouseOff == true),
      watch: watch, words: words, scenario: walk
    ).run()
  }
}
