import Foundation
import PreflightJSON
import PreflightTestSupport
import Testing

/// Connection and transport failures exit 3 with a message that says what and where.
@Suite struct ConnectionFailureTests {
  @Test func `a server that cannot be started exits 3 naming it`() async throws {
    let human = try await preflight(["tools", "--", "/no/such/binary"])
    #expect(human.exitStatus == 3)
    #expect(human.stderrText.contains("/no/such/binary"), "\(human.stderrText)")
    #expect(human.stdout.isEmpty)

    let json = try await preflight(["tools", "--json", "--", "/no/such/binary"])
    #expect(json.exitStatus == 3)
    let document = try parseDocument(json.stdout, what: "the transport error")
    #expect(document["error"]?["kind"] == "transport")
    #expect(document["error"]?["message"]?.stringValue?.contains("/no/such/binary") == true)
  }

  @Test(arguments: [false, true])
  func `a server that exits early exits 3 with its status and last stderr lines`(json: Bool)
    async throws
  {
    let arguments =
      ["tools"] + (json ? ["--json"] : []) + ["--", "sh", "-c", #"echo "fatal: boom" >&2; exit 3"#]
    let output = try await preflight(arguments)
    #expect(output.exitStatus == 3, "stderr: \(output.stderrText)")
    let message: String
    if json {
      let document = try parseDocument(output.stdout, what: "the transport error")
      #expect(document["error"]?["kind"] == "transport")
      message = document["error"]?["message"]?.stringValue ?? ""
    } else {
      message = output.stderrText
    }
    #expect(message.contains("sh"), "names the server: \(message)")
    #expect(message.contains("status 3"), "\(message)")
    #expect(message.contains("fatal: boom"), "\(message)")
  }

  @Test func `--connect-timeout bounds a server that never answers`() async throws {
    let output = try await preflight(
      ["tools", "--connect-timeout", "1", "--", "sh", "-c", "sleep 600"], timeout: .seconds(300))
    #expect(output.exitStatus == 3)
    // The server would stay silent for 600 s; ending at all proves the bound (the margin is for
    // a loaded machine, where process start and shutdown alone have taken over 20 s).
    #expect(output.elapsed < .seconds(300), "took \(output.elapsed)")
    let message = output.stderrText
    #expect(
      message.contains("--connect-timeout") || message.contains("connect timeout"), "\(message)")
    #expect(message.contains("initialize"), "\(message)")
  }

  @Test(arguments: [false, true])
  func `a server answering an unknown protocol version exits 3 with a clear message`(json: Bool)
    async throws
  {
    let server = try fixture("stub_server.py")
    let arguments =
      ["tools"] + (json ? ["--json"] : [])
      + ["--", "python3", server, "--protocol-version", "2099-01-01"]
    let output = try await preflight(arguments)
    #expect(output.exitStatus == 3, "stderr: \(output.stderrText)")
    let message: String
    if json {
      let document = try parseDocument(output.stdout, what: "the transport error")
      #expect(document["error"]?["kind"] == "transport")
      message = document["error"]?["message"]?.stringValue ?? ""
    } else {
      message = output.stderrText
    }
    #expect(message.contains("2099-01-01"), "\(message)")
    #expect(message.contains("2025-11-25"), "says which versions it speaks: \(message)")
    #expect(message.contains("stub_server.py"), "names the server: \(message)")
  }
}
