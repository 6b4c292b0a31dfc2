import ApprovalPolicy
import ArgumentParser
import Foundation
import HostFlow
import PreflightCore
import PreflightJSON

/// `preflight scenario`: a list of model-style calls through the approval flow, in one
/// conversation (remembered choices apply to later calls of the same tool).
struct ScenarioCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "scenario",
    abstract: "Run a list of model-style calls through ChatGPT's approval flow.",
    discussion: """
      FILE is a JSON array in the shape of tools/call params:
        [{"name": "list_tasks"}, {"name": "create_task", "arguments": {"title": "x"}}]

      Each --decide (approve, deny, approve-remember, deny-remember) answers, in order, the next \
      call that needs a decision; a call left without one is denied. A remembered choice applies \
      to later calls of the same tool in the run, as in one ChatGPT conversation.

      A tool hidden from the model (_meta.ui.visibility without "model", or openai/visibility \
      "private") is refused and not sent, as ChatGPT never offers it to the model. A read-only \
      tool whose call is followed by a resource update, a list_changed notification or a \
      changed answer is flagged with the wire-log records that show it (hintFindings in --json).

      Exit code: 3 if the connection failed, else 1 if any call ended in an error, else 4 if any \
      call was denied or refused, else 0.

      Example:
        preflight scenario --decide approve-remember calls.json
      """)

  @Option(
    name: .customLong("decide"),
    help: ArgumentHelp(
      "Answer for the next call that asks: approve, deny, approve-remember, deny-remember.",
      valueName: "d"))
  var decisions: [String] = []

  @Flag(name: .customLong("no-validate"), help: "Send arguments that fail the input schema.")
  var noValidate = false

  @Flag(help: "Print one JSON document: {calls: [...]}.")
  var json = false

  @Argument(help: ArgumentHelp("The scenario file (a JSON array of calls).", valueName: "file"))
  var file: String

  @OptionGroup(title: "Connection")
  var connection: ConnectionOptions

  @OptionGroup
  var target: TargetArguments

  func run() async throws {
    let target = try target.resolve(commandName: "scenario")
    let policy = try connection.approvalPolicy()
    var answers: [ApprovalAnswer] = []
    for name in decisions {
      guard let answer = ApprovalAnswer(name: name) else {
        throw CLIFailure.usage(
          "--decide takes approve, deny, approve-remember or deny-remember, not '\(name)'")
      }
      answers.append(answer)
    }
    let calls: [ModelCall]
    do {
      calls = try ModelCall.scenario(try ArgumentsInput.readFile(file, what: "scenario file"))
    } catch let error as ScenarioError {
      throw CLIFailure.usage("scenario file '\(file)': \(error.message)")
    }

    let open = try await Connection.open(target, options: connection)
    var records: [CallRecord] = []
    var failure: SessionError?
    var listedTools: [JSONValue] = []
    do {
      let listing = try await open.listToolsOrThrow()
      listedTools = listing.tools
      var tools: [JSONValue] = []
      var checker = ArgumentChecker()
      for call in calls {
        let tool = try ToolLookup.find(call.name, in: listing, sendAnyway: noValidate)
        if !noValidate {
          try ToolLookup.validate(call.arguments, for: tool, name: call.name, checker: &checker)
        }
        tools.append(tool)
      }
      var runner = ModelCallRunner(
        server: open.server.name, policy: policy, conversation: "scenario")
      var pending = answers[...]
      for (call, tool) in zip(calls, tools) {
        var answer: ApprovalAnswer?
        if runner.decide(tool: tool).kind == .ask { answer = pending.popFirst() }
        let record = await runner.run(call, tool: tool, answer: answer, session: open.session)
        records.append(record)
        if let f = record.failure {
          failure = f
          break
        }
      }
    } catch {
      await open.close()
      throw error
    }
    await open.close()
    let findings = HintHonestyObserver.findings(
      records: open.session.log.records, tools: listedTools)

    if json {
      var document: JSONObject = ["calls": .array(records.map(\.json))]
      if !findings.isEmpty { document["hintFindings"] = .array(findings.map(\.json)) }
      print(JSONPrinter.pretty(.object(document)))
    } else {
      let style = TerminalStyle.forStandardOutput()
      for (i, record) in records.enumerated() {
        print(
          CallReport(record: record, style: style, width: TerminalStyle.width(), index: i + 1).text)
      }
      if records.count < calls.count {
        print(style.yellow("\(calls.count - records.count) later call(s) not run"))
      }
      print(HintFindingsReport(findings: findings, style: style).text, terminator: "")
    }
    if let failure {
      throw CLIFailure.session(failure, target: open.targetDescription).silenced(json: json)
    }
    if records.contains(where: \.endedInError) { throw ExitCode(1) }
    if records.contains(where: \.wasStopped) { throw ExitCode(4) }
  }
}
