import ArgumentParser
import Foundation
import PreflightCore
import PreflightJSON
import PreflightText

/// `preflight read`: one resource's contents.
struct ReadCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "read",
    abstract: "Read one resource: text is shown, binary is summarised (MIME type and size).",
    discussion: """
      --out FILE saves the contents instead of showing them: the text as UTF-8 or the decoded \
      blob. When the server returns several entries, the first goes to FILE and entry N to \
      FILE.N. A resource the server does not have exits 1.

      Examples:
        preflight read 'ui://widget/board.html'
        preflight read --out logo.png 'images://logo' -- python server.py
      """)

  @Flag(help: "Print one JSON document: {uri, result} with the result exactly as sent.")
  var json = false

  @Option(help: ArgumentHelp("Save the contents to this file.", valueName: "file"))
  var out: String?

  @Argument(help: "The resource's URI.")
  var uri: String

  @OptionGroup(title: "Connection")
  var connection: ConnectionOptions

  @OptionGroup
  var target: TargetArguments

  func run() async throws {
    let target = try target.resolve(commandName: "read")
    let open = try await Connection.open(target, options: connection)
    let result: JSONValue
    do {
      result = try await open.session.readResource(uri)
    } catch {
      await open.close()
      throw CLIFailure.session(error, target: open.targetDescription)
    }
    await open.close()
    let contents = ResourceContent.all(in: result)
    var saved: [(path: String, bytes: Int)] = []
    if let out {
      for (i, content) in contents.enumerated() {
        let path = i == 0 ? out : "\(out).\(i)"
        let data = content.data
        guard FileManager.default.createFile(atPath: path, contents: Data(data)) else {
          throw CLIFailure.usage("--out: cannot write '\(path)'")
        }
        saved.append((path, data.count))
      }
    }
    if json {
      var document: JSONObject = ["uri": .string(uri), "result": result]
      if out != nil {
        document["saved"] = .array(
          saved.map { ["path": .string($0.path), "bytes": .int($0.bytes)] })
      }
      print(JSONPrinter.pretty(.object(document)))
      return
    }
    print(
      ReadReport(
        contents: contents, saved: saved.map(\.path), style: .forStandardOutput(),
        width: TerminalStyle.width()
      ).text, terminator: "")
  }
}
