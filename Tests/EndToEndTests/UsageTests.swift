import Foundation
import PreflightJSON
import PreflightTestSupport
import Testing

/// The command line's shape: usage errors exit 2 with a suggestion, `--help`, `--version`.
@Suite struct UsageTests {
  @Test func `a mistyped command exits 2 and names the nearest command`() async throws {
    let output = try await preflight(["tool", "--", "x"])
    #expect(output.exitStatus == 2)
    #expect(output.stderrText.contains("unknown command 'tool'; did you mean 'tools'?"))
    #expect(output.stdout.isEmpty)
  }

  @Test func `a TUI scenario file that cannot be read is a usage error, terminal or not`()
    async throws
  {
    let output = try await preflight(["--scenario", "/nonexistent/calls.json"])
    #expect(output.exitStatus == 2)
    #expect(output.stderrText.contains("cannot read scenario file '/nonexistent/calls.json'"))
  }

  @Test func `a command name after an option says options go after the command name`()
    async throws
  {
    let output = try await preflight(["--client-profile", "full", "tools"])
    #expect(output.exitStatus == 2)
    #expect(output.stderrText.contains("options go after the command name"))
  }

  @Test(arguments: [
    ["tools", "https://example.com/mcp", "--", "x"],
    ["https://example.com/mcp", "--", "x"],
  ])
  func `a URL together with -- is a usage error`(arguments: [String]) async throws {
    let output = try await preflight(arguments)
    #expect(output.exitStatus == 2, "stderr: \(output.stderrText)")
    #expect(!output.stderrText.isEmpty)
  }

  @Test func `options may follow a URL`() async throws {
    // Nothing listens on port 1: whatever the transport, this is a transport failure, reported
    // as JSON because --json after the URL still counts.
    let output = try await preflight(["tools", "http://127.0.0.1:1/mcp", "--json"])
    #expect(output.exitStatus == 3, "stderr: \(output.stderrText)")
    let document = try parseDocument(output.stdout, what: "the transport error")
    #expect(document["error"]?["kind"] == "transport")
    #expect(document["error"]?["message"]?.stringValue?.contains("127.0.0.1:1") == true)
  }

  @Test func `an unknown client profile exits 2 and lists the profiles`() async throws {
    let output = try await preflight(["tools", "--client-profile", "nope"])
    #expect(output.exitStatus == 2)
    let message = output.stderrText
    #expect(message.contains("nope"))
    for name in ["chatgpt", "chatgpt-2025", "full"] {
      #expect(message.contains(name), "\(message)")
    }
  }

  @Test func `the chatgpt-modern profile is a usage error that says it is not available yet`()
    async throws
  {
    let output = try await preflight(["tools", "--client-profile", "chatgpt-modern"])
    #expect(output.exitStatus == 2)
    let message = output.stderrText
    #expect(message.contains("chatgpt-modern"))
    #expect(message.contains("not available yet"))
    for name in ["chatgpt", "chatgpt-2025", "full"] {
      #expect(message.contains(name), "\(message)")
    }
  }

  @Test(arguments: [
    ["tools", "--approve"], ["tools", "--frobnicate"], ["--approve"], ["profiles", "--bogus"],
    ["tools", "--timeout"],
  ])
  func `an unknown or incomplete option exits 2, not 64`(arguments: [String]) async throws {
    let output = try await preflight(arguments)
    #expect(output.exitStatus == 2, "stderr: \(output.stderrText)")
    #expect(output.stderrText.contains(arguments.last!), "\(output.stderrText)")
  }

  @Test(arguments: [["tools", "--json", "nope"], ["tools", "--json", "--approve"]])
  func `a usage error with --json prints one JSON error document`(arguments: [String])
    async throws
  {
    let output = try await preflight(arguments)
    #expect(output.exitStatus == 2)
    let document = try parseDocument(output.stdout, what: "the usage error")
    #expect(document.objectValue?.keys == ["error"])
    #expect(document["error"]?["kind"] == "usage")
    let message = document["error"]?["message"]?.stringValue ?? ""
    #expect(message.contains(arguments.last!), "\(message)")
    #expect(!message.contains("\n"), "one line for scripts: \(message)")
  }

  @Test func `preflight with no command and no terminal exits 2 and suggests tools`()
    async throws
  {
    let output = try await preflight([])
    #expect(output.exitStatus == 2)
    #expect(output.stderrText.contains("the TUI needs a terminal; try `preflight tools`"))
    #expect(output.stdout.isEmpty)
  }

  @Test func `preflight with a terminal on standard output only still exits 2`() async throws {
    let output = try await preflight([], stdoutIsTerminal: true)
    #expect(output.exitStatus == 2)
    #expect(output.stderrText.contains("the TUI needs a terminal; try `preflight tools`"))
  }

  @Test func `--version prints the version`() async throws {
    let output = try await preflight(["--version"])
    #expect(output.exitStatus == 0)
    #expect(output.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
  }

  @Test func `--help lists the commands and shows the TUI synopsis`() async throws {
    let output = try await preflight(["--help"])
    #expect(output.exitStatus == 0)
    let help = output.stdoutText
    let commandRows = help.split(separator: "\n").map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    for command in ["tools", "call", "scenario", "profiles", "demo-server"] {
      #expect(commandRows.contains { $0.hasPrefix(command + " ") }, "\(command) in:\n\(help)")
    }
    #expect(!commandRows.contains { $0.hasPrefix("tui ") || $0 == "tui" }, "the TUI is hidden")
    // --scenario returns to the synopsis with the TUI's conversation view.
    #expect(help.contains("preflight [--scenario FILE] [--watch PATH]"), "\(help)")
    #expect(help.contains("[TARGET]"))
    #expect(help.contains("preflight <command>"))
    #expect(!output.stdoutHasEscape)
  }
}
