import DemoServer
import PreflightJSON
import Testing

@Suite struct ProtocolTests {
  @Test func `ping answers an empty object`() async throws {
    #expect(try result(of: await DemoServer().request("ping")) == [:])
  }

  @Test(arguments: ["prompts/list", "completion/complete", "tasks/get", "tools/lists", ""])
  func `an unknown method is error -32601`(method: String) async throws {
    let failure = try error(of: await DemoServer().request(method, [:]))
    #expect(failure.code == -32601)
    #expect(failure.message == "Method not found: \(method)")
  }

  @Test func `every log level name is accepted by logging/setLevel`() async throws {
    let server = DemoServer()
    for level in [
      "debug", "info", "notice", "warning", "error", "critical", "alert", "emergency",
    ] {
      #expect(
        try result(of: await server.request("logging/setLevel", ["level": .string(level)])) == [:])
    }
  }

  @Test(
    arguments: [nil, [:], ["level": "verbose"], ["level": 3], ["level": "INFO"]] as [JSONValue?])
  func `an invalid log level is error -32602`(params: JSONValue?) async throws {
    let failure = try error(of: await DemoServer().request("logging/setLevel", params))
    #expect(failure.code == -32602)
  }
}
