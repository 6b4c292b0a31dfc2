import PreflightCore
import PreflightJSON
import Testing

@Suite struct RobustnessTests {
  @Test func `a 10,000-element array validates fast enough not to matter`() throws {
    let schema = try parsedJSON(
      ##"{"type":"object","properties":{"tasks":{"type":"array","uniqueItems":true,"items":{"$ref":"#/$defs/Task"}}},"$defs":{"Task":{"type":"object","properties":{"id":{"type":"string","pattern":"^t[0-9]+$"},"title":{"type":"string","minLength":1},"done":{"type":"boolean"},"due":{"anyOf":[{"type":"string","format":"date"},{"type":"null"}]}},"required":["id","title"],"additionalProperties":false}}}"##
    )
    let tasks: [JSONValue] = (0..<10_000).map { i in
      ["id": .string("t\(i)"), "title": .string("Task \(i)"), "done": false, "due": "2025-01-31"]
    }
    var instance: JSONValue = ["tasks": .array(tasks)]
    let validator = JSONSchemaValidator(schema: schema)
    let clock = ContinuousClock()
    var found: [SchemaViolation] = []
    let elapsed = clock.measure { found = validator.validate(instance) }
    #expect(found == [])
    #expect(elapsed < .seconds(30), "took \(elapsed)")

    var broken = tasks
    broken[9_999] = ["id": "x", "title": ""]
    instance = ["tasks": .array(broken)]
    #expect(
      validator.validate(instance).map(\.description) == [
        "/tasks/9999/id: tasks[9999].id must match the pattern ^t[0-9]+$",
        "/tasks/9999/title: tasks[9999].title must be at least 1 character long",
      ])
  }

  @Test func `a 10,000-element array of duplicates reports each repeat`() {
    let validator = JSONSchemaValidator(schema: ["uniqueItems": true])
    let found = validator.validate(.array(Array(repeating: 1, count: 10_000)))
    #expect(found.count == 9_999)
    #expect(found.first?.message == "value[1] repeats value[0]; items must be unique")
  }

  @Test func `deep nesting stops at the depth limit instead of overflowing`() throws {
    let validator = JSONSchemaValidator(
      schema: try parsedJSON(##"{"type":"object","properties":{"a":{"$ref":"#"}}}"##))
    var deep: JSONValue = [:]
    for _ in 0..<500 { deep = ["a": deep] }
    let found = validator.validate(deep)
    #expect(found.count == 1)
    #expect(found.first?.message.contains("is nested too deeply to check") == true)
    var shallow: JSONValue = [:]
    for _ in 0..<50 { shallow = ["a": shallow] }
    #expect(validator.validate(shallow) == [])
  }

  @Test func `the depth limit holds with every kind of keyword on the way down`() throws {
    let validator = JSONSchemaValidator(
      schema: try parsedJSON(
        ##"{"anyOf":[{"type":"null"},{"allOf":[{"properties":{"a":{"$ref":"#"}},"unevaluatedProperties":false}],"if":{"type":"object"},"then":{"properties":{"b":{"items":{"$ref":"#"}}}}}]}"##
      ))
    var deep: JSONValue = nil
    for i in 0..<500 { deep = i.isMultiple(of: 2) ? ["a": deep] : ["b": [deep]] }
    let found = validator.validate(deep)
    #expect(found.contains { $0.message.contains("is nested too deeply to check") })
  }

  @Test func `a deeply nested schema compiles without recursion`() throws {
    // 500 levels: about as deep as the parser lets a schema arrive (it stops at 512).
    var schema: JSONValue = ["type": "integer"]
    for _ in 0..<500 { schema = ["items": schema] }
    let validator = JSONSchemaValidator(schema: schema)
    #expect(validator.problems == [])
    #expect(validator.validate([[["x"]]]) == [])
  }

  @Test func `exponential combinations stop at the step budget`() throws {
    // Each level tries two branches that both lead to the next level, and the last level fails.
    var defs: [JSONMember] = []
    for level in 0..<40 {
      let next: JSONValue = .string("#/$defs/L\(level + 1)")
      defs.append(
        JSONMember(
          key: "L\(level)", value: ["anyOf": [["$ref": next], ["$ref": next, "title": "again"]]]))
    }
    defs.append(JSONMember(key: "L40", value: false))
    let schema: JSONValue = ["$ref": "#/$defs/L0", "$defs": .object(JSONObject(defs))]
    let validator = JSONSchemaValidator(schema: schema, options: .init(maximumSteps: 50_000))
    let clock = ContinuousClock()
    var found: [SchemaViolation] = []
    let elapsed = clock.measure { found = validator.validate(1) }
    #expect(elapsed < .seconds(30))
    #expect(found.contains { $0.message.contains("too large or complex to check") })
  }

  @Test func `a catastrophic pattern from a server cannot hang validation`() throws {
    let validator = JSONSchemaValidator(schema: ["pattern": "^(a+)+$"])
    let text = String(repeating: "a", count: 20_000) + "!"
    let clock = ContinuousClock()
    var found: [SchemaViolation] = []
    let elapsed = clock.measure { found = validator.validate(.string(text)) }
    #expect(found.count == 1)
    #expect(elapsed < .seconds(30))
  }

  @Test func `validation is usable from many tasks at once`() async throws {
    let validator = JSONSchemaValidator(schema: try parsedJSON(RealServerSchemaTests.pydantic))
    let instance = try parsedJSON(#"{"task":{"id":"1","title":"t"}}"#)
    let counts = await withTaskGroup(of: Int.self) { group in
      for _ in 0..<8 { group.addTask { validator.validate(instance).count } }
      return await group.reduce(into: []) { $0.append($1) }
    }
    #expect(counts == Array(repeating: 1, count: 8))
  }
}
