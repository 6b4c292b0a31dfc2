import ArgumentParser

/// TARGET: a URL, or `--` and the server's command line; neither means the demo server.
struct TargetArguments: ParsableArguments {
  @Argument(
    help: ArgumentHelp(
      "The server: an http:// or https:// URL, or -- followed by its command line.",
      valueName: "target"))
  var url: String?

  @Argument(parsing: .postTerminator, help: .hidden)
  var command: [String] = []

  /// Which server to talk to.
  enum Target: Equatable {
    case demo
    case command([String])
    case url(String)
  }

  /// The target, or a usage error in plain words.
  func resolve(commandName: String) throws(CLIFailure) -> Target {
    if let url {
      let lower = url.lowercased()
      guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else {
        throw .usage(
          "'\(url)' is not a TARGET: give an http:// or https:// URL, or -- and the server's "
            + "command line (preflight \(commandName) -- python server.py)")
      }
      guard command.isEmpty else {
        throw .usage(
          "give either a URL or -- and a command line, not both (got \(url) and -- "
            + command.joined(separator: " ") + ")")
      }
      return .url(url)
    }
    if !command.isEmpty { return .command(command) }
    return .demo
  }

  mutating func validate() throws {
    // Resolution happens in the command so the message can name it; nothing to check here.
  }
}
