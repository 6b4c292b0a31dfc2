import ArgumentParser
import Foundation
import PreflightCore
import PreflightJSON

/// `preflight prompt`: get one prompt with arguments and show its messages.
struct PromptCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "prompt",
    abstract: "Get one prompt with arguments; its messages are shown by role and content type.",
    discussion: """
      Prompt arguments are strings: --args takes a JSON object of strings (numbers and booleans \
      are turned into their JSON text). An unknown prompt, or a required argument that is \
      missing, sends nothing and exits 2.

      Examples:
        preflight prompt summarize --args '{"topic": "tasks"}'
        preflight prompt --json review_code --args @args.json -- python server.py
      """)

  @Option(
    help: ArgumentHelp(
      "The arguments: a JSON object, @FILE, or - for standard input.", valueName: "json"))
  var args: String?

  @Flag(help: "Print one JSON document: {name, arguments, result} with the result as sent.")
  var json = false

  @Argument(help: "The prompt's name.")
  var name: String

  @OptionGroup(title: "Connection")
  var connection: ConnectionOptions

  @OptionGroup
  var target: TargetArguments

  func run() async throws {
    let target = try target.resolve(commandName: "prompt")
    let arguments = try PromptCommand.stringArguments(try ArgumentsInput.read(args))
    let open = try await Connection.open(target, options: connection)
    let result: JSONValue
    do {
      let prompts: [JSONValue]
      do {
        prompts = try await open.session.listPrompts()
      } catch {
        throw CLIFailure.session(error, target: open.targetDescription)
      }
      try PromptCommand.check(name, arguments: arguments, against: prompts)
      do {
        result = try await open.session.getPrompt(name, arguments: arguments)
      } catch {
        throw CLIFailure.session(error, target: open.targetDescription)
      }
    } catch {
      await open.close()
      throw error
    }
    await open.close()
    if json {
      print(
        JSONPrinter.pretty([
          "name": .string(name), "arguments": .object(arguments), "result": result,
        ]))
    } else {
      print(
        PromptReport(result: result, style: .forStandardOutput(), width: TerminalStyle.width())
          .text, terminator: "")
    }
  }

  /// The arguments as strings: strings stay, other scalars become their JSON text.
  static func stringArguments(_ value: JSONValue?) throws(CLIFailure) -> JSONObject {
    var out = JSONObject()
    for member in value?.objectValue?.members ?? [] {
      switch member.value {
      case .string: out[member.key] = member.value
      case .number, .bool: out[member.key] = .string(JSONPrinter.compact(member.value))
      default:
        throw .usage(
          "--args: prompt arguments are strings; '\(member.key)' is \(member.value.typeName)")
      }
    }
    return out
  }

  /// An unknown prompt or a missing required argument is a usage error (nothing is sent).
  static func check(
    _ name: String, arguments: JSONObject, against prompts: [JSONValue]
  ) throws(CLIFailure) {
    guard let prompt = prompts.first(where: { $0["name"]?.stringValue == name }) else {
      let names = prompts.compactMap { $0["name"]?.stringValue }
      let near = names.min {
        PreflightCommand.editDistance(name, $0) < PreflightCommand.editDistance(name, $1)
      }
      var message = "the server has no prompt named '\(name)'"
      if let near, PreflightCommand.editDistance(name, near) <= max(2, near.count / 3) {
        message += "; did you mean '\(near)'?"
      } else if !names.isEmpty {
        message += "; its prompts are " + names.prefix(20).joined(separator: ", ")
      }
      throw .usage(message)
    }
    let missing = (prompt["arguments"]?.arrayValue ?? []).compactMap { a -> String? in
      guard a["required"]?.boolValue == true, let n = a["name"]?.stringValue,
        !arguments.contains(n)
      else { return nil }
      return n
    }
    if !missing.isEmpty {
      throw .usage(
        "prompt '\(name)' needs " + missing.map { "'\($0)'" }.joined(separator: ", ")
          + " (--args '{\"\(missing[0])\": \"…\"}')")
    }
  }
}
