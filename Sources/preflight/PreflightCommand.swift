import ArgumentParser
import PreflightCore

/// `preflight`: the root command. With no command it opens the TUI on TARGET.
struct PreflightCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "preflight",
    abstract: "Inspect an MCP server the way ChatGPT sees it, from your terminal.",
    usage: """
      preflight [--scenario FILE] [--watch PATH]... [TARGET]     (the TUI)
        preflight <command> [options] [TARGET]
      """,
    discussion: """
      TARGET comes last: an http:// or https:// URL, or -- followed by the server's command \
      line (everything after -- belongs to the server). With no TARGET, Preflight uses its \
      built-in demo server (preflight demo-server, spawned over stdio).

      Options follow the command name: preflight tools --json -- python server.py

      Exit codes: 0 success; 1 the server answered with an error (or isError); 2 usage error; \
      3 connection or transport failure; 4 approval required and not given.
      """,
    version: ClientProfile.preflightVersion,
    subcommands: [
      InteractiveCommand.self, ToolsCommand.self, CallCommand.self, ScenarioCommand.self,
      CheckCommand.self, ResourcesCommand.self, ReadCommand.self, PromptsCommand.self,
      PromptCommand.self, ProfilesCommand.self, DemoServerCommand.self,
    ],
    defaultSubcommand: InteractiveCommand.self
  )

  /// The names users can type, for suggestions.
  static var commandNames: [String] {
    configuration.subcommands.compactMap { sub in
      let config = sub.configuration
      return config.shouldDisplay ? config.commandName : nil
    }
  }

  /// The command name closest to `word`, if any is close enough to be a likely typo.
  static func suggestion(for word: String) -> String? {
    let scored = commandNames.map { ($0, editDistance(word.lowercased(), $0)) }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
    if best.1 <= max(2, best.0.count / 3) || best.0.hasPrefix(word.lowercased()) && word.count >= 2
    {
      return best.0
    }
    return nil
  }

  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      }
      previous = current
    }
    return previous[b.count]
  }
}
