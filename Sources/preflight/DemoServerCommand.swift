import ArgumentParser
import DemoServer
import Foundation

/// `preflight demo-server`: the built-in "tasks" server, over stdio or Streamable HTTP.
struct DemoServerCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo-server",
    abstract: "Run the built-in demo server (a small tasks app) over stdio or HTTP.",
    discussion: """
      Preflight spawns this itself when no TARGET is given. It speaks MCP on standard input and \
      output, logs nothing to standard output, and keeps its tasks in memory.

      With --http PORT it serves Streamable HTTP on 127.0.0.1 instead (0 picks a free port), \
      prints its URL (http://127.0.0.1:PORT/mcp) as the only line on standard output, gives \
      each session its own tasks, and runs until interrupted (SIGINT or SIGTERM).
      """)

  @Option(
    name: .customLong("page-size"),
    help: ArgumentHelp("Split tools/list into pages of this many tools.", valueName: "n"))
  var pageSize: Int?

  @Option(
    name: .customLong("http"),
    help: ArgumentHelp(
      "Serve Streamable HTTP on 127.0.0.1 at this port (0 picks a free one) and print the URL.",
      valueName: "port"))
  var httpPort: UInt16?

  func validate() throws {
    if let pageSize, pageSize < 1 { throw ValidationError("--page-size must be at least 1") }
  }

  func run() async throws {
    guard let httpPort else {
      await DemoServerRunner.serveStdio(pageSize: pageSize)
      return
    }
    let (stops, stop) = AsyncStream.makeStream(of: Int32.self)
    let signals = await TerminationSignals.watch([SIGINT, SIGTERM]) { stop.yield($0) }
    defer { for source in signals { source.cancel() } }
    let server = DemoHTTPServer(pageSize: pageSize)
    let port: UInt16
    do {
      port = try server.start(port: httpPort)
    } catch {
      throw CLIFailure(kind: .transport, message: error.description, exitCode: 3)
    }
    FileHandle.standardOutput.write(Data("http://127.0.0.1:\(port)\(DemoHTTPServer.path)\n".utf8))
    for await _ in stops { break }
    await server.stop()
  }
}
