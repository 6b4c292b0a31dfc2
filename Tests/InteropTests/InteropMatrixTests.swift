import Foundation
import PreflightJSON
import PreflightTestSupport
import Testing

/// The interop matrix (issue 3, item 5): for each server, over stdio through the built
/// `preflight` — list the tools, a read-only call, a write call denied (nothing sent) and
/// approved, an `isError` result, and a JSON-RPC error. The rows run in parallel.
@Suite(Interop.gate, .timeLimit(.minutes(5)))
struct InteropMatrixTests {
  @Test(arguments: MatrixServer.all)
  func `tools --json lists the server's tools in order with the hints the matrix relies on`(
    server: MatrixServer
  ) async throws {
    try await Matrix.withTarget(server) { target in
      let run = try await Matrix.run(
        ["tools", "--json"], target: target.target, in: target.directory)
      #expect(run.exitStatus == 0, "\(run.summary)")
      let document = try run.document()
      #expect(document["server"]?["name"]?.stringValue == server.serverName)
      let tools = document["tools"]?.arrayValue ?? []
      #expect(tools.compactMap { $0["name"]?.stringValue } == server.tools)

      let readOnly = tools.first { $0["name"]?.stringValue == server.readOnly.tool }
      #expect(readOnly?["annotations"]?["readOnlyHint"] == true, "\(readOnly ?? nil)")
      let write = tools.first { $0["name"]?.stringValue == server.write.tool }
      #expect(write != nil)
      #expect(write?["annotations"]?["readOnlyHint"] == server.writeReadOnlyHint)
      #expect(run.toolCalls.isEmpty)
    }
  }

  @Test(arguments: MatrixServer.all)
  func `a read-only call runs without asking and exits 0`(server: MatrixServer) async throws {
    try await Matrix.withTarget(server) { target in
      let run = try await Matrix.call(server.readOnly, on: target)
      #expect(run.exitStatus == 0, "\(run.summary)")
      let call = try run.document()
      #expect(call["name"]?.stringValue == server.readOnly.tool)
      #expect(call["approval"]?["required"] == false)
      #expect(call["approval"]?["decision"] == "not-required")
      #expect(call["approval"]?["reason"]?.stringValue?.contains("readOnlyHint is true") == true)
      #expect(call["sent"] == true)
      #expect(call["error"] == .null)
      let result = try #require(call["result"])
      #expect(result["isError"] != true)
      #expect(
        JSONPrinter.compact(result).contains(server.readOnly.resultContains),
        "\(JSONPrinter.compact(result).prefix(400))")

      #expect(run.approvalKinds == [])
      #expect(run.toolCalls.count == 1)
    }
  }

  @Test(arguments: MatrixServer.all)
  func `a write call without approval is denied, exits 4, and sends nothing`(
    server: MatrixServer
  ) async throws {
    try await Matrix.withTarget(server) { target in
      let run = try await Matrix.call(server.write, on: target)
      #expect(run.exitStatus == 4, "\(run.summary)")
      let call = try run.document()
      #expect(call["approval"]?["required"] == true)
      #expect(call["approval"]?["decision"] == "denied")
      #expect(call["sent"] == false)
      #expect(call["result"] == .null)
      #expect(call["error"] == .null)

      #expect(run.toolCalls.isEmpty, "no tools/call frame in the wire log")
      #expect(run.approvalKinds == ["approval-asked", "approval-denied"])
      let listed = run.wire.contains {
        $0["direction"] == "out" && $0["message"]?["method"] == "tools/list"
      }
      #expect(listed, "the session itself ran: tools/list is in the log")
    }
  }

  @Test(arguments: MatrixServer.all)
  func `the same write call, approved, is sent once and answered`(
    server: MatrixServer
  ) async throws {
    try await Matrix.withTarget(server) { target in
      let run = try await Matrix.call(server.write, ["--approve"], on: target)
      #expect(run.exitStatus == 0, "\(run.summary)")
      let call = try run.document()
      #expect(call["approval"]?["required"] == true)
      #expect(call["approval"]?["decision"] == "approved")
      #expect(call["sent"] == true)
      #expect(call["error"] == .null)
      let result = try #require(call["result"])
      #expect(result["isError"] != true)
      #expect(
        JSONPrinter.compact(result).contains(server.write.resultContains),
        "\(JSONPrinter.compact(result).prefix(400))")

      #expect(run.approvalKinds == ["approval-asked", "approval-approved"])
      let frames = run.toolCalls
      try #require(frames.count == 1, "exactly one tools/call frame")
      #expect(frames[0]["message"]?["params"]?["name"]?.stringValue == server.write.tool)
      let arguments = try JSONParser.parse(target.substitute(server.write.arguments))
      #expect(frames[0]["message"]?["params"]?["arguments"] == arguments)
      #expect(run.answer(to: frames[0])?["message"]?["result"] != nil)
    }
  }

  @Test(arguments: MatrixServer.all)
  func `an isError result exits 1`(server: MatrixServer) async throws {
    try await Matrix.withTarget(server) { target in
      let run = try await Matrix.call(server.toolError, on: target)
      #expect(run.exitStatus == 1, "\(run.summary)")
      let call = try run.document()
      #expect(call["sent"] == true)
      #expect(call["error"] == .null)
      let result = try #require(call["result"])
      #expect(result["isError"] == true)
      #expect(
        JSONPrinter.compact(result).contains(server.toolError.resultContains),
        "\(JSONPrinter.compact(result).prefix(400))")
      #expect(run.toolCalls.count == 1)
    }
  }

  /// `preflight` does not send a tool the server did not list (exit 2, for now even with
  /// `--no-validate`, against cli.md: see CallCommandTests), so a proxy lists one more tool: the
  /// call reaches the real server, which answers in its own way — a JSON-RPC error, or
  /// (FastMCP) an `isError` result.
  @Test(arguments: MatrixServer.all)
  func `a tool the server does not have gets the server's own answer, exit 1`(
    server: MatrixServer
  ) async throws {
    try await Matrix.withTarget(server) { target in
      let proxied = try target.proxied()
      let run = try await Matrix.run(
        ["call", MatrixServer.phantomTool, "--json"], target: proxied, in: target.directory)
      #expect(run.exitStatus == 1, "\(run.summary)")
      let call = try run.document()
      #expect(call["approval"]?["decision"] == "not-required")
      #expect(call["sent"] == true)
      #expect(run.toolCalls.count == 1)
      switch server.unknownTool {
      case .jsonRPCError(let code, let message):
        #expect(call["result"] == .null)
        let error = try #require(call["error"]?.objectValue, "an error object: \(run.summary)")
        #expect(error["code"] == .int(code))
        #expect(error["message"]?.stringValue == message)
        let answer = run.answer(to: run.toolCalls[0])
        #expect(answer?["message"]?["error"]?["code"] == .int(code), "the log has the error")
      case .toolError(let text):
        #expect(call["error"] == .null)
        #expect(call["result"]?["isError"] == true)
        #expect(JSONPrinter.compact(call["result"] ?? .null).contains(text), "\(run.summary)")
      }
    }
  }

  /// The SDK servers never answer `tools/call` with a JSON-RPC error for anything `preflight`
  /// can send (an unknown tool and bad arguments are `isError` results), so the protocol-level
  /// error here is the SDK refusing a request whose `_meta.progressToken` is an object.
  @Test(arguments: MatrixServer.all)
  func `a request the server refuses at the protocol level exits 1 and names the code`(
    server: MatrixServer
  ) async throws {
    try await Matrix.withTarget(server) { target in
      let meta = target.directory + "/meta.json"
      try Data(#"{"progressToken": {"not": "a token"}}"#.utf8)
        .write(to: URL(fileURLWithPath: meta))
      let run = try await Matrix.call(server.readOnly, ["--request-meta", meta], on: target)
      let document = try run.document()
      guard server.rejectsBadProgressToken else {
        #expect(run.exitStatus == 0, "the demo server ignores _meta: \(run.summary)")
        #expect(document["sent"] == true)
        return
      }
      #expect(run.exitStatus == 1, "\(run.summary)")
      let message = document["error"]?["message"]?.stringValue ?? ""
      #expect(message.contains("-32602"), "the message names the code: \(message)")
      let kind = document["error"]?["kind"]?.stringValue ?? ""
      // `server` is listed in docs/cli-extensions.md, with the error's `code`.
      #expect(kind == "server", "kind: \(kind)")
      #expect(document["error"]?["code"] == -32602)
      let refusal = run.wire.first {
        $0["direction"] == "in" && $0["message"]?["error"]?["code"] == -32602
      }
      #expect(refusal != nil, "the JSON-RPC error is in the wire log")
      #expect(run.toolCalls.isEmpty)
    }
  }
}
