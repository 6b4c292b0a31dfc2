import HostFlow
import PreflightCore
import PreflightJSON
import PreflightUI
import Testing

/// Issue 6's bar: every tool of the demo server and of the Python SDK test servers can be
/// called from a form without touching raw JSON. Each tool's form is filled with the form's
/// own keys, then submitted; the arguments that go out must satisfy the tool's input schema.
@Suite struct RealToolFormTests {
  static let files = [
    "demo-tools.json", "sdk1_tasks-tools.json", "sdk2_tasks-tools.json",
    "sdk1_paginated-tools.json", "sdk2_paginated-tools.json", "mcp-server-time-tools.json",
    "mcp-server-git-tools.json",
  ]

  struct Case: Sendable, CustomTestStringConvertible {
    var file: String
    var tool: JSONValue
    var testDescription: String { "\(file) \(tool["name"]?.stringValue ?? "?")" }
  }

  static let cases: [Case] = files.flatMap { file in
    ((try? ToolFixtures.tools(file)) ?? []).map { Case(file: file, tool: $0) }
  }

  @Test func `the fixtures hold every server's tools`() throws {
    let counts = try Self.files.map { try ToolFixtures.tools($0).count }
    #expect(counts == [10, 4, 4, 25, 25, 2, 12])
    #expect(Self.cases.count == counts.reduce(0, +))
  }

  @Test(arguments: cases, [false, true])
  func `the form alone makes valid arguments`(testCase: Case, everything: Bool) throws {
    var driver = FormDriver(tool: testCase.tool)
    #expect(driver.state.mode == .form)
    driver.fill(everything: everything)
    #expect(driver.rawFields.isEmpty, "fields only raw JSON could fill: \(driver.rawFields)")
    let errors = driver.state.form?.model.errors ?? []
    #expect(errors.isEmpty, "form errors: \(errors)")
    let sent = driver.submit()
    let call = try #require(sent, "nothing was sent: \(driver.state.notice ?? "")")
    #expect(call.name == testCase.tool["name"]?.stringValue)
    let arguments = call.arguments ?? .object(JSONObject())
    let schema = testCase.tool["inputSchema"] ?? .object(JSONObject())
    let violations = JSONSchemaValidator(schema: schema).validate(arguments)
    #expect(violations.isEmpty, "\(JSONPrinter.compact(arguments)): \(violations)")
    if everything {
      // Every property the schema lists was given a value (or kept its default).
      let properties = schema["properties"]?.objectValue?.keys ?? []
      let sent = arguments.objectValue?.keys ?? []
      #expect(Set(properties).subtracting(sent).isEmpty, "\(JSONPrinter.compact(arguments))")
    }
  }
}
