import ArgumentParser
import DemoServer

/// `preflight demo-server`: the built-in "tasks" server, over stdio.
struct DemoServerCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo-server",
    abstract: "Run the built-in demo server (a small tasks app) over stdio.",
    discussion: """
      Preflight spawns this itself when no TARGET is given. It speaks MCP on standard input and \
      output, logs nothing to standard output, and keeps its tasks in memory.
      """)

  @Option(
    name: .customLong("page-size"),
    help: ArgumentHelp("Split tools/list into pages of this many tools.", valueName: "n"))
  var pageSize: Int?

  func validate() throws {
    if let pageSize, pageSize < 1 { throw ValidationError("--page-size must be at least 1") }
  }

  func run() async throws {
    await DemoServerRunner.serveStdio(pageSize: pageSize)
  }
}
