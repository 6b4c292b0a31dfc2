import Foundation
import PreflightJSON
import PreflightTestSupport
import Testing

/// `preflight tools` against the built-in demo server, run as a child process.
@Suite struct ToolsCommandTests {
  @Test func `tools names every demo tool with its kind and whether ChatGPT runs or asks`()
    async throws
  {
    let output = try await preflight(["tools"])
    #expect(output.exitStatus == 0, "stderr: \(output.stderrText)")
    let lines = output.stdoutText.split(separator: "\n").map(String.init)
    for name in demoToolNames {
      let row = lines.first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(name + " ") }
      guard let row else {
        Issue.record("no row for \(name) in:\n\(output.stdoutText)")
        continue
      }
      if demoReadOnlyTools.contains(name) {
        #expect(row.contains("read-only"), "\(row)")
        #expect(row.contains("ChatGPT runs"), "\(row)")
      } else {
        #expect(row.contains("write"), "\(row)")
        #expect(!row.contains("read-only"), "\(row)")
        #expect(row.contains("ChatGPT asks"), "\(row)")
      }
    }
    #expect(output.stdoutText.contains("10 tools"))
  }

  @Test func `tools prints no ANSI escapes when standard output is not a terminal`() async throws {
    let output = try await preflight(["tools"])
    #expect(output.exitStatus == 0, "stderr: \(output.stderrText)")
    #expect(!output.stdoutHasEscape)
    #expect(!output.stderr.contains(0x1B))
  }

  @Test func `tools prints no ANSI escapes with NO_COLOR even on a terminal`() async throws {
    let coloured = try await preflight(["tools"], stdoutIsTerminal: true)
    #expect(coloured.exitStatus == 0, "stderr: \(coloured.stderrText)")
    #expect(
      coloured.stdoutHasEscape,
      "on a terminal without NO_COLOR the output is coloured (else this test proves nothing)")

    let plain = try await preflight(
      ["tools"], environment: ProcessRunner.environment(adding: ["NO_COLOR": "1"]),
      stdoutIsTerminal: true)
    #expect(plain.exitStatus == 0, "stderr: \(plain.stderrText)")
    #expect(!plain.stdoutHasEscape)
    for name in demoToolNames {
      #expect(plain.stdoutText.contains(name))
    }
  }

  @Test func `tools --json prints the server and every tool exactly as sent`() async throws {
    let output = try await preflight(["tools", "--json"])
    #expect(output.exitStatus == 0, "stderr: \(output.stderrText)")
    let document = try parseDocument(output.stdout, what: "tools --json output")
    let raw = try await demoServerRawListing()

    let server = document["server"]
    #expect(server?["name"] == "preflight-demo")
    #expect(server?["version"] == "0.1.0")
    #expect(server?["protocolVersion"] == "2025-11-25")
    #expect(server?["instructions"] != nil)
    #expect(server?["instructions"] == raw.initialize["instructions"])
    #expect(server?["name"] == raw.initialize["serverInfo"]?["name"])
    #expect(server?["version"] == raw.initialize["serverInfo"]?["version"])

    guard let tools = document["tools"]?.arrayValue else {
      Issue.record("no tools array: \(output.stdoutText.prefix(300))")
      return
    }
    #expect(tools.compactMap { $0["name"]?.stringValue } == demoToolNames)
    #expect(tools.count == raw.tools.count)
    for (shown, sent) in zip(tools, raw.tools) {
      #expect(shown == sent, "\(shown["name"]?.stringValue ?? "?") differs from what was sent")
    }

    let archive = tools.first { $0["name"] == "archive_done" }
    #expect(archive != nil)
    #expect(archive?.objectValue?.contains("annotations") == false)
    let listTasks = tools.first { $0["name"] == "list_tasks" }
    let template = listTasks?["_meta"]?["openai/outputTemplate"]?.stringValue
    #expect(template?.hasPrefix("ui://") == true, "\(String(describing: template))")
  }

  @Test func `tools --json lists every page in order`() async throws {
    try await withTemporaryDirectory { directory in
      let log = directory + "/wire.ndjson"
      let output = try await preflight([
        "tools", "--json", "--wire-log", log, "--", try preflightPath(), "demo-server",
        "--page-size", "3",
      ])
      #expect(output.exitStatus == 0, "stderr: \(output.stderrText)")
      let document = try parseDocument(output.stdout, what: "tools --json output")
      let tools = document["tools"]?.arrayValue ?? []
      #expect(tools.compactMap { $0["name"]?.stringValue } == demoToolNames)
      #expect(tools == (try await demoServerRawListing()).tools)

      let requests = try readWireLog(log).filter {
        $0.direction == "out" && $0.method == "tools/list"
      }
      #expect(requests.count == 4, "10 tools in pages of 3")
      #expect(requests.first?.message?["params"]?["cursor"] == nil)
      #expect(requests.dropFirst().allSatisfy { $0.message?["params"]?["cursor"] != nil })
    }
  }
}
