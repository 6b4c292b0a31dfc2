import ArgumentParser
import Foundation
import PreflightCore
import PreflightJSON

/// `preflight resources`: every resource and resource template, all pages in order.
struct ResourcesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "resources",
    abstract: "List every resource and resource template (all pages, in order).",
    discussion: """
      Apps SDK widget templates (ui:// URIs, or MIME text/html+skybridge or \
      text/html;profile=mcp-app) are marked as widgets. A server that does not declare the \
      resources capability is not asked (the lists are empty and standard error says so).

      Examples:
        preflight resources
        preflight resources --json -- python server.py
      """)

  @Flag(
    help:
      "Print one JSON document: {server, resources, resourceTemplates, widgets} with each entry exactly as sent."
  )
  var json = false

  @OptionGroup(title: "Connection")
  var connection: ConnectionOptions

  @OptionGroup
  var target: TargetArguments

  func run() async throws {
    let target = try target.resolve(commandName: "resources")
    let open = try await Connection.open(target, options: connection)
    let (resources, templates, templatesNote) = try await open.listIfDeclared(
      "resources", empty: ([], [], nil)
    ) { () async throws(SessionError) -> ([JSONValue], [JSONValue], String?) in
      let resources = try await open.session.listResources()
      do throws(SessionError) {
        return (resources, try await open.session.listResourceTemplates(), nil)
      } catch .rpc(_, let e) where e.code == JSONRPCErrorObject.methodNotFoundCode {
        return (resources, [], "the server does not implement resources/templates/list")
      } catch {
        throw error
      }
    }
    await open.close()
    if let templatesNote {
      FileHandle.standardError.write(Data("preflight: \(templatesNote)\n".utf8))
    }
    if json {
      let widgets = (resources + templates).filter(WidgetResource.isWidget).compactMap {
        $0["uri"] ?? $0["uriTemplate"]
      }
      let document: JSONValue = [
        "server": open.server.json,
        "resources": .array(resources),
        "resourceTemplates": .array(templates),
        "widgets": .array(widgets),
      ]
      print(JSONPrinter.pretty(document))
    } else {
      print(
        ResourcesReport(
          server: open.server, resources: resources, templates: templates,
          transport: open.transportKind, style: .forStandardOutput(), width: TerminalStyle.width()
        ).text, terminator: "")
    }
  }
}
