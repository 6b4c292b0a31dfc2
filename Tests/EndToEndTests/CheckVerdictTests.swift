import Foundation
import PreflightJSON
import Testing

/// The verdicts of `preflight check` (issue 12 §5) as a user reads them: the overall line,
/// and per tool "runs at once / asks for approval / hidden from the model / would be refused",
/// in the text report and in `--json`, following from the findings.
@Suite(.serialized) struct CheckVerdictTests {
  func check(_ arguments: [String]) async throws -> (Int32?, String) {
    let output = try await preflight(
      ["check", "--connect-timeout", "90"] + arguments, timeout: .seconds(240))
    #expect(!output.stdoutHasEscape)
    return (output.exitStatus, output.stdoutText)
  }

  @Test func `a tool ChatGPT rejects would be refused; the others run at once or ask`()
    async throws
  {
    let server = try CheckCommandTests.server()
    let (exit, text) = try await check(server + ["--fault", "file-params-name"])
    #expect(exit == 1)
    #expect(text.contains("verdict: ChatGPT would refuse or misbehave"), "\(text)")
    let lines = text.split(separator: "\n").map(String.init)
    func line(_ tool: String) -> String? {
      lines.first { $0.hasPrefix("  \(tool) ") && $0.contains("ChatGPT ") }
    }
    #expect(line("list_notes")?.contains("ChatGPT runs at once") == true, "\(lines)")
    #expect(line("add_note")?.contains("ChatGPT asks for approval") == true, "\(lines)")
    #expect(line("attach_file")?.contains("ChatGPT would be refused") == true, "\(lines)")
    #expect(text.contains("ChatGPT rejects its definition (tools.file-params.name)"))

    let output = try await preflight(
      ["check", "--json", "--connect-timeout", "90"] + server + ["--fault", "file-params-name"],
      timeout: .seconds(240))
    let d = try parseDocument(output.stdout, what: "check --json output")
    #expect(d["verdict"] == "refuse")
    #expect(d["tools"]?.arrayValue?.map { $0["chatgpt"] } == ["runs", "asks", "refused"])
    #expect(d["tools"]?[2]?["reason"]?.stringValue?.contains("tools.file-params.name") == true)
  }

  @Test func `a widget-only tool is hidden from the model and warnings connect with warnings`()
    async throws
  {
    let (exit, text) = try await check(
      try CheckCommandTests.server() + ["--fault", "hidden-tool"])
    #expect(exit == 0)
    #expect(text.contains("verdict: ChatGPT would connect"), "\(text)")
    let hidden = text.split(separator: "\n").first { $0.hasPrefix("  add_note ") }
    #expect(hidden?.contains("  hidden from the model  ") == true, "\(text)")
    let (warnExit, warned) = try await check(
      try CheckCommandTests.server() + ["--fault", "missing-hints"])
    #expect(warnExit == 0)
    #expect(warned.contains("verdict: ChatGPT would connect, with warnings"), "\(warned)")
  }
}
