import ApprovalPolicy
import ArgumentParser
import Foundation
import PreflightCore
import PreflightJSON

/// `preflight tools`: every tool the server advertises, all pages in order.
struct ToolsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tools",
    abstract: "List every tool (all pages, in order) and whether ChatGPT would ask before each.")

  @Flag(help: "Print one JSON document: {server, tools} with each tool exactly as sent.")
  var json = false

  @OptionGroup(title: "Connection")
  var connection: ConnectionOptions

  @OptionGroup
  var target: TargetArguments

  func run() async throws {
    let target = try target.resolve(commandName: "tools")
    let policy = try connection.approvalPolicy()
    let open = try await Connection.open(target, options: connection)
    let listing: ToolListing
    do {
      listing = try await open.session.listTools()
    } catch {
      await open.close()
      throw CLIFailure.session(error, target: open.targetDescription)
    }
    await open.close()
    if json {
      let document: JSONValue = [
        "server": open.server.json,
        "tools": .array(listing.tools),
      ]
      print(JSONPrinter.pretty(document))
    } else {
      print(
        ToolsReport(
          server: open.server, listing: listing, policy: policy,
          transport: open.transportKind, style: .forStandardOutput(), width: TerminalStyle.width()
        )
        .text, terminator: "")
    }
  }
}
