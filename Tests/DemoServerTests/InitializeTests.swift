import DemoServer
import PreflightJSON
import Testing

@Suite struct InitializeTests {
  /// A well-formed initialize request asking for `version`.
  func params(_ version: JSONValue) -> JSONValue {
    [
      "protocolVersion": version,
      "capabilities": [:],
      "clientInfo": ["name": "tests", "version": "1"],
    ]
  }

  @Test(arguments: ["2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"])
  func `a supported version is echoed`(version: String) async throws {
    let server = DemoServer()
    let answer = try result(of: await server.request("initialize", params(.string(version))))
    #expect(answer["protocolVersion"] == .string(version))
    #expect(await server.protocolVersion == version)
  }

  @Test(arguments: ["2026-07-28", "2099-01-01", "1.0", ""])
  func `an unsupported version is answered with the newest`(version: String) async throws {
    let answer = try result(of: await DemoServer().request("initialize", params(.string(version))))
    #expect(answer["protocolVersion"] == "2025-11-25")
  }

  @Test func `the supported versions are listed newest first`() {
    #expect(
      DemoServer.supportedProtocolVersions == [
        "2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05",
      ])
  }

  @Test func `the answer describes the server and its capabilities`() async throws {
    let answer = try result(of: await DemoServer().request("initialize", params("2025-11-25")))
    let expectedInfo: JSONValue = [
      "name": "preflight-demo", "title": "Preflight demo: Tasks", "version": "0.1.0",
    ]
    #expect(answer["serverInfo"] == expectedInfo)
    let expectedCapabilities: JSONValue = [
      "tools": ["listChanged": false], "resources": [:], "logging": [:],
    ]
    #expect(answer["capabilities"] == expectedCapabilities)
    #expect(answer.objectValue?.keys.first == "protocolVersion")
  }

  @Test func `the instructions' first 512 characters stand alone`() async throws {
    let answer = try result(of: await DemoServer().request("initialize", params("2025-11-25")))
    let instructions = try #require(answer["instructions"]?.stringValue)
    let firstParagraph = try #require(
      instructions.split(separator: "\n\n", omittingEmptySubsequences: false).first)
    #expect(firstParagraph.count <= 512)
    #expect(firstParagraph.hasSuffix("."))
    #expect(instructions.count > firstParagraph.count)
    #expect(firstParagraph.contains("list_tasks"))
  }

  @Test(
    arguments: [
      nil, JSONValue.null, [1, 2], [:], ["protocolVersion": 20_251_125],
      ["protocolVersion": "2025-11-25", "capabilities": "all"],
      ["protocolVersion": "2025-11-25", "clientInfo": ["a"]],
    ] as [JSONValue?])
  func `missing or invalid params are rejected`(params: JSONValue?) async throws {
    let failure = try error(of: await DemoServer().request("initialize", params))
    #expect(failure.code == -32602)
  }

  @Test func `notifications/initialized marks the session initialized`() async {
    let server = DemoServer()
    #expect(await server.isInitialized == false)
    await server.handleNotification(method: "notifications/other", params: nil)
    #expect(await server.isInitialized == false)
    await server.handleNotification(method: "notifications/initialized", params: nil)
    #expect(await server.isInitialized)
  }
}
