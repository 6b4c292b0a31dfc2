import Foundation
import PreflightTestSupport
import Testing

/// One bearer token through every output path: the TUI's screen (under tmux), the wire-log
/// file, `--json`, the human reports, error messages and standard error. The server echoes the
/// token back everywhere it can (`hostile_server.py --fault leak-secrets`), and a stdio server
/// prints it to stderr before dying, and the TUI's transcript is exported to a file. The token
/// must appear nowhere.
@Suite(TmuxSession.gate, .timeLimit(.minutes(5))) struct SecretsTests {
  static let token = "sk-test-LEAKME7734"
  static let variable = "PREFLIGHT_SECRETS_TEST_TOKEN"
  static let environment = ProcessRunner.environment(
    adding: [variable: token], removing: ["NO_COLOR"])

  /// Where the token would show: the whole token, or its distinctive tail.
  static func leaks(_ text: String) -> Bool {
    text.contains(token) || text.contains("LEAKME7734")
  }

  static func leaks(_ output: ProcessOutput) -> Bool {
    leaks(output.stdoutText) || leaks(output.stderrText)
  }

  @Test func `a bearer token echoed by the server appears in no output, file or screen`()
    async throws
  {
    try await withTemporaryDirectory { directory in
      let wireLog = directory + "/wire.ndjson"
      try await HostileHTTPServer.with("leak-secrets") { server in
        let auth = ["--bearer", "${\(Self.variable)}", "--wire-log", wireLog]
        let runs: [(arguments: [String], status: Int32)] = [
          (["tools"], 0),
          (["tools", "--json"], 0),
          (["call", "--args", #"{"text":"x"}"#, "echo"], 0),
          (["call", "--json", "--args", #"{"text":"x"}"#, "echo"], 0),
          // A JSON-RPC error whose message holds the token.
          (["call", "--no-validate", "--approve", "nope"], 1),
          (["call", "--json", "--no-validate", "--approve", "nope"], 1),
          // An HTTP 500 whose body holds the token: the error message quotes the body.
          (["call", "--no-validate", "--approve", "fail"], 3),
          (["call", "--json", "--no-validate", "--approve", "fail"], 3),
        ]
        for run in runs {
          let arguments = [run.arguments[0]] + auth + run.arguments.dropFirst() + [server.url]
          let output = try await preflight(arguments, environment: Self.environment)
          #expect(output.exitStatus == run.status, "\(run.arguments): \(output.stderrText)")
          #expect(!Self.leaks(output), "\(run.arguments) printed the token")
          #expect(
            (output.stdoutText + output.stderrText).contains("[REDACTED]"),
            "\(run.arguments) shows where the token was")
        }

        // The screen, under tmux: the tool list, its detail, the wire pane and the log.
        do {
          let tui = auth + ["--connect-timeout", "60", server.url]
          try await withPreflight(tui, environment: [Self.variable: Self.token]) { tui in
            try await waitForReady(tui, tools: ["echo"], timeout: .seconds(60))
            try await tui.sendKeys("Enter")
            let detail = try await tui.waitFor(text: "Authorized as Bearer [REDACTED]")
            #expect(!Self.leaks(detail))
            try await tui.sendKeys("Tab")
            let wire = try await tui.waitFor(text: "[Wire ")
            #expect(!Self.leaks(wire))
            try await tui.sendKeys("Tab")
            let log = try await tui.waitFor(text: "[Log ")
            #expect(!Self.leaks(log))
            #expect(!Self.leaks(try await tui.captureWithColours()))

            // A call whose answer echoes the token, then the transcript exported to a file.
            try await tui.sendKeys("Tab")
            try await tui.waitFor(text: "[Tools ")
            try await tui.sendKeys("c")
            try await tui.waitFor(text: "Call echo")
            try await tui.type("x")
            try await tui.sendKeys("Enter")
            let result = try await tui.waitFor(text: "result in", timeout: .seconds(60))
            #expect(!Self.leaks(result))
            try await tui.sendKeys("Escape", "E")
            try await tui.waitFor(text: "preflight-transcript")
            try await tui.sendKeys(Array(repeating: "BSpace", count: 60))
            try await tui.waitFor(absenceOf: "preflight-transcript")
            let export = directory + "/transcript.json"
            try await tui.type(export)
            try await tui.sendKeys("Enter")
            try await tui.waitFor(text: "transcript exported to")
            let exported = String(
              decoding: FileManager.default.contents(atPath: export) ?? Data(), as: UTF8.self)
            #expect(exported.contains(#""name": "echo""#), "\(exported)")
            #expect(!Self.leaks(exported), "the transcript export holds the token")
            try await tui.sendKeys("q")
            try await expectExitAndTerminalRestored(tui)
          }
        }
      }

      // A stdio server that prints the token (given with --env) to stderr and dies: the error
      // message quotes its last stderr lines.
      let dying = ["--", "sh", "-c", "echo \"token is $API_TOKEN\" >&2; exit 3"]
      for json in [[], ["--json"]] {
        let output = try await preflight(
          ["tools"] + json + ["--wire-log", wireLog, "--env", "API_TOKEN=\(Self.token)"] + dying)
        #expect(output.exitStatus == 3, "\(output.stderrText)")
        #expect(!Self.leaks(output), "the error message quotes the token: \(output.stderrText)")
        #expect((output.stdoutText + output.stderrText).contains("token is [REDACTED]"))
      }

      let file = String(
        decoding: FileManager.default.contents(atPath: wireLog) ?? Data(), as: UTF8.self)
      #expect(!file.isEmpty)
      #expect(!Self.leaks(file), "the wire-log file holds the token")
      #expect(file.contains("[REDACTED]"))
    }
  }
}
