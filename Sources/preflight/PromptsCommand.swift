import ArgumentParser
import Foundation
import PreflightCore
import PreflightJSON
import PreflightText

/// `preflight prompts`: every prompt, all pages in order, with its arguments.
struct PromptsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "prompts",
    abstract: "List every prompt (all pages, in order) with its arguments.",
    discussion: """
      A server that does not declare the prompts capability is not asked (the list is empty \
      and standard error says so).
      """)

  @Flag(help: "Print one JSON document: {server, prompts} with each prompt exactly as sent.")
  var json = false

  @OptionGroup(title: "Connection")
  var connection: ConnectionOptions

  @OptionGroup
  var target: TargetArguments

  func run() async throws {
    let target = try target.resolve(commandName: "prompts")
    let open = try await Connection.open(target, options: connection)
    let prompts = try await open.listIfDeclared("prompts", empty: []) {
      () async throws(SessionError) -> [JSONValue] in
      try await open.session.listPrompts()
    }
    await open.close()
    if json {
      print(JSONPrinter.pretty(["server": open.server.json, "prompts": .array(prompts)]))
      return
    }
    let style = TerminalStyle.forStandardOutput()
    let width = TerminalStyle.width()
    var out = ServerHeading.text(server: open.server, style: style)
    out +=
      style.dim(
        "protocol \(UntrustedText.sanitize(open.server.protocolVersion)) · \(open.transportKind) · "
          + Plural.count(prompts.count, "prompt")) + "\n"
    if !prompts.isEmpty { out += "\n" }
    for prompt in prompts {
      var line =
        "  " + style.bold(UntrustedText.oneLine(prompt["name"]?.stringValue ?? "?", width: 60))
      if let title = prompt["title"]?.stringValue {
        line += "  " + UntrustedText.oneLine(title, width: 50)
      }
      out += line + "\n"
      if let description = prompt["description"]?.stringValue, !description.isEmpty {
        out +=
          "    " + style.dim(UntrustedText.oneLine(description, width: max(20, width - 6))) + "\n"
      }
      let arguments = prompt["arguments"]?.arrayValue ?? []
      if !arguments.isEmpty {
        let list = arguments.map { a -> String in
          let name = UntrustedText.oneLine(a["name"]?.stringValue ?? "?", width: 40)
          return a["required"]?.boolValue == true ? name + " (required)" : name
        }
        out += "    " + style.dim("arguments: " + list.joined(separator: ", ")) + "\n"
      }
    }
    print(out, terminator: "")
  }
}
