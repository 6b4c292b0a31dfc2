import ArgumentParser
import Foundation
import PreflightJSON

/// Parses the command line, runs the command, and turns every outcome into cli.md's exit codes:
/// swift-argument-parser's usage errors (64) become 2, and with `--json` a failure still prints
/// one JSON document.
enum PreflightMain {
  static func run(arguments: [String]) async -> Int32 {
    let wantsJSON = arguments.prefix { $0 != "--" }.contains("--json")
    do {
      var command = try PreflightCommand.parseAsRoot(arguments)
      if var asyncCommand = command as? AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
      return 0
    } catch let failure as CLIFailure {
      failure.report(json: wantsJSON)
      return failure.exitCode
    } catch let exit as ExitCode {
      return exit.rawValue
    } catch {
      var code = PreflightCommand.exitCode(for: error).rawValue
      if code == 0 {
        // --help and --version.
        print(PreflightCommand.fullMessage(for: error))
        return 0
      }
      if code == 64 { code = 2 }
      // The TUI is a hidden default subcommand: show usage as the root's.
      let message = PreflightCommand.fullMessage(for: error)
        .replacingOccurrences(of: "preflight tui", with: "preflight")
      if code == 2 {
        var text = message
        if wantsJSON {
          // One line for scripts: the error without the usage that follows it.
          text = String(message.split(separator: "\n").first ?? "")
          if text.hasPrefix("Error: ") { text.removeFirst("Error: ".count) }
        }
        CLIFailure(kind: .usage, message: text, exitCode: 2).report(json: wantsJSON)
      } else {
        FileHandle.standardError.write(Data((message + "\n").utf8))
      }
      return code
    }
  }
}
