import ApprovalPolicy
import ArgumentParser
import Foundation
import Glibc
import HostFlow
import PreflightCore
import PreflightJSON

/// `preflight call`: one tool call through the approval policy.
struct CallCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "call",
    abstract: "Call one tool through the approval policy, as ChatGPT would.",
    discussion: """
      A tool that the policy says needs approval is not sent unless --approve is given (exit 4); \
      the wire log records the decision. A tool hidden from the model (widget only) is refused \
      (exit 4, nothing sent). Arguments are checked against the tool's input schema \
      first (exit 2, nothing sent); --no-validate sends them anyway.

      Examples:
        preflight call list_tasks
        preflight call create_task --args '{"title": "Buy milk"}' --approve
        preflight call create_task --args @task.json --json -- python server.py
      """)

  @Option(
    help: ArgumentHelp(
      "The arguments: a JSON object, @FILE, or - for standard input.", valueName: "json"))
  var args: String?

  @Flag(help: "Approve the call if the policy asks.")
  var approve = false

  @Flag(help: "Deny the call if the policy asks (nothing is sent).")
  var deny = false

  @Flag(name: .customLong("no-validate"), help: "Send arguments that fail the input schema.")
  var noValidate = false

  @Flag(help: "Print one JSON document: the call, the approval, and the raw result or error.")
  var json = false

  @Argument(help: "The tool's name.")
  var tool: String

  @OptionGroup(title: "Connection")
  var connection: ConnectionOptions

  @OptionGroup
  var target: TargetArguments

  func validate() throws {
    if approve && deny { throw ValidationError("--approve and --deny cannot be used together") }
  }

  func run() async throws {
    let target = try target.resolve(commandName: "call")
    let policy = try connection.approvalPolicy()
    let arguments = try ArgumentsInput.read(args)
    let open = try await Connection.open(target, options: connection)
    let record: CallRecord
    let listing: ToolListing
    do {
      listing = try await open.listToolsOrThrow()
      let toolObject = try ToolLookup.find(tool, in: listing, sendAnyway: noValidate)
      if !noValidate {
        try ToolLookup.validate(arguments, for: toolObject, name: tool)
      }
      var runner = ModelCallRunner(server: open.server.name, policy: policy, conversation: "call")
      let answer: ApprovalAnswer? = approve ? .approve : deny ? .deny : nil
      record = await runner.run(
        ModelCall(name: tool, arguments: arguments), tool: toolObject, answer: answer,
        session: open.session)
    } catch {
      await open.close()
      throw error
    }
    await open.close()
    if json {
      // Printed in chunks straight to standard output: a 50 MB result is not copied whole.
      JSONPrettyStream.write(record.json) { chunk in
        var done = 0
        while done < chunk.count {
          let n = Glibc.write(1, chunk.baseAddress! + done, chunk.count - done)
          if n <= 0 && errno != EINTR { break }
          done += max(0, n)
        }
      }
      _ = Glibc.write(1, "\n", 1)
    } else {
      let style = TerminalStyle.forStandardOutput()
      print(
        CallReport(record: record, style: style, width: TerminalStyle.width()).text,
        terminator: "")
      let findings = HintHonestyObserver.findings(
        records: open.session.log.records, tools: listing.tools)
      print(HintFindingsReport(findings: findings, style: style).text, terminator: "")
    }
    if let failure = record.failure {
      throw CLIFailure.session(failure, target: open.targetDescription).silenced(json: json)
    }
    if record.endedInError { throw ExitCode(1) }
    if record.wasStopped { throw ExitCode(4) }
  }
}
