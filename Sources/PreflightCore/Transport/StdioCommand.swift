/// How to start a stdio server: its command line, extra environment and working directory.
public struct StdioCommand: Sendable, Hashable {
  /// The program and its arguments; a program name without a `/` is looked up in `PATH`.
  ///
  /// The `PATH` searched is the server's: `environment["PATH"]` when given, else this process's.
  public var commandLine: [String]
  /// Variables set for the server on top of this process's environment (these win).
  public var environment: [String: String]
  /// The server's working directory; `nil` keeps this process's.
  public var workingDirectory: String?

  /// Makes a command from its command line, extra environment and working directory.
  public init(
    _ commandLine: [String], environment: [String: String] = [:], workingDirectory: String? = nil
  ) {
    self.commandLine = commandLine
    self.environment = environment
    self.workingDirectory = workingDirectory
  }

  /// The program as given (the first word of the command line), for messages.
  public var programName: String { commandLine.first ?? "" }

  /// The command line as one string, for notes: words with spaces or quotes are single-quoted.
  public var displayText: String {
    commandLine.map { word in
      let plain =
        !word.isEmpty && word.allSatisfy { $0.isLetter || $0.isNumber || "-_./=:,+@%".contains($0) }
      if plain { return word }
      let quoted = word.split(separator: "'", omittingEmptySubsequences: false)
        .joined(separator: "'\\''")
      return "'" + quoted + "'"
    }.joined(separator: " ")
  }
}
