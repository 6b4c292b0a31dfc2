import Foundation
import PreflightJSON
import PreflightTestSupport
import Testing

/// Server strings with control sequences never reach the terminal raw.
@Suite struct UntrustedTextTests {
  @Test func `control sequences in server strings are shown as visible escapes`() async throws {
    let output = try await preflight([
      "tools", "--", "python3", try fixture("stub_server.py"), "--hostile",
    ])
    #expect(output.exitStatus == 0, "stderr: \(output.stderrText)")
    let text = output.stdoutText
    #expect(!output.stdoutHasEscape, "no ESC byte on stdout")
    #expect(!text.unicodeScalars.contains("\u{202E}"), "no right-to-left override on stdout")
    #expect(terminalUnsafeScalars(in: text).isEmpty, "\(terminalUnsafeScalars(in: text))")
    #expect(terminalUnsafeScalars(in: output.stderrText).isEmpty)
    #expect(text.contains(#"Clears\u{1B}[2J the screen"#), "\(text)")
    #expect(text.contains(#"report\u{202E}fdp.exe"#), "\(text)")
    #expect(text.contains(#"hostile\u{1B}[31m"#), "\(text)")
  }

  @Test func `tools --json keeps hostile strings exactly and escapes control characters`()
    async throws
  {
    let output = try await preflight([
      "tools", "--json", "--", "python3", try fixture("stub_server.py"), "--hostile",
    ])
    #expect(output.exitStatus == 0, "stderr: \(output.stderrText)")
    #expect(!output.stdoutHasEscape, "JSON escapes control characters")
    let document = try parseDocument(output.stdout, what: "tools --json output")
    let tools = document["tools"]?.arrayValue ?? []
    #expect(
      tools.compactMap { $0["name"]?.stringValue } == ["wipe_screen", "report\u{202E}fdp.exe"])
    #expect(tools.first?["description"]?.stringValue?.contains("\u{1B}[2J") == true)
    #expect(document["server"]?["name"] == "hostile\u{1B}[31m")
  }
}
