import ArgumentParser
import Foundation
import PreflightCore
import PreflightJSON
import ServerCheck

/// `preflight check`: what ChatGPT would say about the server, before it is deployed.
struct CheckCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "What ChatGPT would say about the server: findings with rule ids, fixes and sources.",
    discussion: """
      Probes the server as ChatGPT's connector does (server/discover over HTTP, then \
      initialize), lists every tool, reads widget templates, runs OAuth discovery on a 401, \
      and reports findings grouped by severity. The rules are in docs/check-rules.md. \
      Exit codes: 0 no errors; 1 error findings or authentication required; 3 the server \
      could not be reached (the report is printed anyway).
      """)

  @Flag(help: "Print one JSON document: {schema, verdict, server, counts, findings, tools}.")
  var json = false

  @Option(help: ArgumentHelp("Compare the tools with this saved baseline.", valueName: "file"))
  var baseline: String?

  @Option(
    name: .customLong("save-baseline"),
    help: ArgumentHelp("Write the tool snapshot to this file.", valueName: "file"))
  var saveBaseline: String?

  @Flag(
    name: .customLong("call-read-only"),
    help: "Call each read-only tool that needs no arguments; check structuredContent.")
  var callReadOnly = false

  @OptionGroup(title: "Connection")
  var connection: ConnectionOptions

  @OptionGroup
  var target: TargetArguments

  func run() async throws {
    let target = try target.resolve(commandName: "check")
    let policy = try connection.approvalPolicy()
    let plan = try ConnectionPlan(target, options: connection)
    var saved: ToolBaseline?
    if let path = baseline {
      saved = try Self.readBaseline(path)
    }
    let (observation, server) = await CheckGatherer(plan: plan, callReadOnly: callReadOnly)
      .gather()
    var extra: [CheckFinding] = []
    if saved != nil, observation.initializeResult == nil || observation.toolsFailure != nil {
      FileHandle.standardError.write(
        Data("preflight: --baseline: no comparison: the tools could not be listed\n".utf8))
    }
    if let saved, observation.initializeResult != nil, observation.toolsFailure == nil {
      extra = BaselineDiff.findings(
        baseline: saved, tools: observation.tools, instructions: server?.instructions,
        policy: policy)
    }
    var report = CheckReport(observation: observation, policy: policy, extra: extra)
    let redactor = plan.log.redactor
    report.findings = report.findings.map { finding in
      var f = finding
      f.message = redactor.redact(f.message).0
      if let tool = f.tool { f.tool = redactor.redact(tool).0 }
      return f
    }
    report.tools = report.tools.map { verdict in
      var v = verdict
      v.name = redactor.redact(v.name).0
      v.reason = redactor.redact(v.reason).0
      return v
    }
    if let server = report.server {
      report.server = redactor.redact(server) ?? server
    }
    if let path = saveBaseline,
      observation.initializeResult == nil || observation.toolsFailure != nil
    {
      FileHandle.standardError.write(
        Data(
          "preflight: --save-baseline: nothing saved to \(path): the tools could not be listed\n"
            .utf8))
    } else if let path = saveBaseline {
      let snapshot = ToolBaseline(
        server: server?.name ?? "", instructions: server?.instructions, tools: observation.tools)
      do {
        try Data((JSONPrinter.pretty(snapshot.json) + "\n").utf8).write(
          to: URL(fileURLWithPath: path))
        FileHandle.standardError.write(
          Data("preflight: saved \(observation.tools.count) tools to \(path)\n".utf8))
      } catch {
        throw CLIFailure.usage("cannot write --save-baseline file '\(path)': \(error)")
      }
    }
    plan.log.closeFile()
    if json {
      print(JSONPrinter.pretty(report.json))
    } else {
      print(
        CheckReportText(report: report, target: plan.description, style: .forStandardOutput())
          .text, terminator: "")
    }
    if report.exitCode != 0 { throw ExitCode(report.exitCode) }
  }

  static func readBaseline(_ path: String) throws(CLIFailure) -> ToolBaseline {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .usage("cannot read --baseline file '\(path)'")
    }
    let value: JSONValue
    do {
      value = try JSONParser.parse(Array(data))
    } catch {
      throw .usage("--baseline file '\(path)' is not JSON: \(error)")
    }
    switch ToolBaseline.parse(value) {
    case .success(let baseline): return baseline
    case .failure(let error): throw .usage("--baseline file '\(path)': \(error)")
    }
  }
}
