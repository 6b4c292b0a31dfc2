import ApprovalPolicy
import ArgumentParser
import Foundation
import HostFlow
import PreflightCore
import PreflightJSON

/// `preflight tools`: every tool the server advertises, all pages in order.
struct ToolsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tools",
    abstract: "List every tool (all pages, in order) and whether ChatGPT would ask before each.",
    discussion: """
      Tools hidden from the model (_meta.ui.visibility without "model", or the legacy \
      openai/visibility "private") are listed apart as widget only. A read-only tool whose name \
      starts with a mutating verb (create_, delete_, send_, …) gets a note.

      --json prints {server, tools, widgetOnly, hintFindings}: tools exactly as sent; \
      widgetOnly [{name, hiddenBy}] with hiddenBy "ui.visibility" or "openai/visibility"; \
      hintFindings the name notes (rule read-only-mutating-name).
      """)

  @Flag(
    help: "Print one JSON document: {server, tools, widgetOnly, hintFindings}, tools as sent.")
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
      let widgetOnly: [JSONValue] = listing.tools.compactMap { tool in
        guard let hiddenBy = ToolVisibility(tool: tool).hiddenBy else { return nil }
        return ["name": tool["name"] ?? .null, "hiddenBy": .string(hiddenBy.rawValue)]
      }
      let document: JSONValue = [
        "server": open.server.json,
        "tools": .array(listing.tools),
        "widgetOnly": .array(widgetOnly),
        "hintFindings": .array(
          HintHonestyObserver.nameFindings(tools: listing.tools).map(\.json)),
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
