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

  /// Shapes other SDKs generate (written by hand after their generators' output):
  /// zod-to-json-schema (TypeScript SDK: `$schema`, relative `$ref` into `properties`,
  /// `exclusiveMinimum`, `additionalProperties: false`) and Go's jsonschema
  /// (`type: ["null", "array"]` for slices, `type: [T, "null"]` for pointers).
  static let otherSDKs: [JSONValue] = [
    FormSchemas.parse(
      #"""
      {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "type": "object",
        "properties": {
          "query": {"type": "string", "minLength": 1},
          "limit": {"type": "number", "exclusiveMinimum": 0, "default": 10},
          "mode": {"type": "string", "enum": ["a", "b"]},
          "filters": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "field": {"type": "string"},
                "op": {"type": "string", "enum": ["eq", "ne"]},
                "value": {"type": ["string", "null"]}
              },
              "required": ["field", "op", "value"],
              "additionalProperties": false
            }
          },
          "extra": {"$ref": "#/properties/filters/items"},
          "when": {"type": "string", "format": "date-time"},
          "strict": {"type": "boolean", "default": false}
        },
        "required": ["query", "filters"],
        "additionalProperties": false
      }
      """#),
    FormSchemas.parse(
      #"""
      {
        "type": "object",
        "properties": {
          "names": {"type": ["null", "array"], "items": {"type": "string"}},
          "count": {"type": ["integer", "null"]},
          "child": {
            "type": ["null", "object"],
            "properties": {"on": {"type": "boolean"}},
            "required": ["on"],
            "additionalProperties": false
          }
        },
        "required": ["names"],
        "additionalProperties": false
      }
      """#),
  ]

  @Test(arguments: otherSDKs.indices, [false, true])
  func `schemas of other SDKs are filled from the form alone`(index: Int, everything: Bool)
    throws
  {
    let schema = Self.otherSDKs[index]
    var driver = FormDriver(
      tool: [
        "name": .string("other_\(index)"), "inputSchema": schema,
        "annotations": ["readOnlyHint": true],
      ])
    driver.fill(everything: everything)
    #expect(driver.rawFields.isEmpty, "\(driver.rawFields)")
    let sent = driver.submit()
    let call = try #require(sent, "nothing was sent: \(driver.state.form?.model.errors ?? [])")
    let arguments = call.arguments ?? .object(JSONObject())
    #expect(JSONSchemaValidator(schema: schema).validate(arguments).isEmpty)
    if everything {
      let properties = schema["properties"]?.objectValue?.keys ?? []
      let keys = arguments.objectValue?.keys ?? []
      #expect(Set(properties).subtracting(keys).isEmpty, "\(JSONPrinter.compact(arguments))")
    }
  }
}
