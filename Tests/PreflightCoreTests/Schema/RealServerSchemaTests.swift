import PreflightCore
import PreflightJSON
import Testing

/// Schemas as real MCP servers emit them: Pydantic (Python FastMCP), zod-to-json-schema
/// (TypeScript SDK, draft-07), OpenAPI-flavoured ones, and elicitation forms.
@Suite struct RealServerSchemaTests {
  /// `create_task(task: Task, note: str | None = None)` in FastMCP, Pydantic v2.
  static let pydantic = ##"""
    {"properties":{"task":{"$ref":"#/$defs/Task"},
                   "note":{"anyOf":[{"type":"string"},{"type":"null"}],"default":null,"title":"Note"},
                   "parent":{"anyOf":[{"$ref":"#/$defs/Task"},{"type":"null"}],"default":null},
                   "level":{"anyOf":[{"$ref":"#/$defs/Priority"},{"type":"null"}],"default":null}},
     "required":["task"],"title":"create_taskArguments","type":"object",
     "$defs":{"Task":{"properties":{"id":{"title":"Id","type":"integer"},
                                    "title":{"title":"Title","type":"string"},
                                    "priority":{"$ref":"#/$defs/Priority","default":"normal"},
                                    "due":{"anyOf":[{"format":"date","type":"string"},{"type":"null"}],"default":null,"title":"Due"},
                                    "tags":{"items":{"type":"string"},"title":"Tags","type":"array"}},
                      "required":["id","title"],"title":"Task","type":"object"},
              "Priority":{"enum":["low","normal","high"],"title":"Priority","type":"string"}}}
    """##

  static let pydanticCases: [SchemaCase] = [
    SchemaCase(
      "a complete Pydantic call passes", schema: pydantic,
      instance:
        #"{"task":{"id":1,"title":"Buy milk","priority":"high","due":"2025-02-01","tags":["home"]},"note":null}"#
    ),
    SchemaCase(
      "a missing required model is named", schema: pydantic, instance: #"{"note":"x"}"#,
      ["/task: task is required"]),
    SchemaCase(
      "the model's own required fields use dotted paths", schema: pydantic,
      instance: #"{"task":{}}"#,
      ["/task/id: task.id is required", "/task/title: task.title is required"]),
    SchemaCase(
      "an optional string given a number", schema: pydantic,
      instance: #"{"task":{"id":1,"title":"t"},"note":5}"#,
      ["/note: note must be a string or null, not a number"]),
    SchemaCase(
      "an enum behind $ref", schema: pydantic,
      instance: #"{"task":{"id":1,"title":"t","priority":"urgent"}}"#,
      ["/task/priority: task.priority must be one of low, normal, high"]),
    SchemaCase(
      "an optional date reports the date format, not the union", schema: pydantic,
      instance: #"{"task":{"id":1,"title":"t","due":"tomorrow"}}"#,
      ["/task/due: task.due must be a date (YYYY-MM-DD)"]),
    SchemaCase(
      "a model given a string", schema: pydantic, instance: #"{"task":"Buy milk"}"#,
      ["/task: task must be an object, not a string"]),
    SchemaCase(
      "an optional model reports the model's own violations", schema: pydantic,
      instance: #"{"task":{"id":1,"title":"t"},"parent":{"id":"2","title":"p"}}"#,
      ["/parent/id: parent.id must be an integer, not a string"]),
    SchemaCase(
      "an optional model given a string names both choices", schema: pydantic,
      instance: #"{"task":{"id":1,"title":"t"},"parent":"p"}"#,
      ["/parent: parent must be a Task object or null, not a string"]),
    SchemaCase(
      "an optional enum lists null among its values", schema: pydantic,
      instance: #"{"task":{"id":1,"title":"t"},"level":"max"}"#,
      ["/level: level must be one of low, normal, high, null"]),
    SchemaCase(
      "several problems in one call, in document order", schema: pydantic,
      instance: #"{"note":1,"task":{"title":2,"tags":["a",3]}}"#,
      [
        "/note: note must be a string or null, not a number",
        "/task/title: task.title must be a string, not a number",
        "/task/tags/1: task.tags[1] must be a string, not a number",
        "/task/id: task.id is required",
      ]),
  ]

  @Test(arguments: pydanticCases)
  func `Pydantic schemas with $defs, $ref and optional fields`(_ row: SchemaCase) throws {
    #expect(try row.run() == row.expected)
  }

  /// A Pydantic discriminated union: `pet: Cat | Dog = Field(discriminator="pet_type")`.
  static let pets = ##"""
    {"properties":{"pet":{"discriminator":{"mapping":{"cat":"#/$defs/Cat","dog":"#/$defs/Dog"},"propertyName":"pet_type"},
                          "oneOf":[{"$ref":"#/$defs/Cat"},{"$ref":"#/$defs/Dog"}],"title":"Pet"}},
     "required":["pet"],"type":"object",
     "$defs":{"Cat":{"properties":{"pet_type":{"const":"cat","title":"Pet Type","type":"string"},"meows":{"type":"integer"}},
                     "required":["pet_type","meows"],"title":"Cat","type":"object"},
              "Dog":{"properties":{"pet_type":{"const":"dog","title":"Pet Type","type":"string"},"barks":{"type":"number"}},
                     "required":["pet_type","barks"],"title":"Dog","type":"object"}}}
    """##

  static let unionCases: [SchemaCase] = [
    SchemaCase(
      "a dog is a dog", schema: pets, instance: #"{"pet":{"pet_type":"dog","barks":3.5}}"#),
    SchemaCase(
      "the discriminator picks the branch to report", schema: pets,
      instance: #"{"pet":{"pet_type":"dog","barks":"loud"}}"#,
      ["/pet/barks: pet.barks must be a number, not a string"]),
    SchemaCase(
      "an unknown discriminator value names the discriminator", schema: pets,
      instance: #"{"pet":{"pet_type":"fish"}}"#,
      ["/pet/pet_type: pet.pet_type must be one of cat, dog"]),
    SchemaCase(
      "a missing discriminator names the choices", schema: pets, instance: #"{"pet":{}}"#,
      ["/pet: pet must match one of: a Cat object, a Dog object"]),
    SchemaCase(
      "a union given the wrong type", schema: pets, instance: #"{"pet":[]}"#,
      ["/pet: pet must be a Cat object or a Dog object, not an array"]),
  ]

  @Test(arguments: unionCases)
  func `discriminated unions report the branch that applies`(_ row: SchemaCase) throws {
    #expect(try row.run() == row.expected)
  }

  /// zod-to-json-schema output, as the TypeScript SDK sends it.
  static let zod = ##"""
    {"type":"object","properties":{"title":{"type":"string","minLength":1},
                                   "priority":{"type":"string","enum":["low","normal","high"],"default":"normal"},
                                   "due":{"type":"object","properties":{"date":{"type":"string","format":"date"},
                                                                        "time":{"type":"string","pattern":"^([01][0-9]|2[0-3]):[0-5][0-9]$"}},
                                          "required":["date"],"additionalProperties":false},
                                   "estimate":{"type":["number","null"],"exclusiveMinimum":0}},
     "required":["title"],"additionalProperties":false,"$schema":"http://json-schema.org/draft-07/schema#"}
    """##

  static let otherCases: [SchemaCase] = [
    SchemaCase(
      "zod: the demo's create_task arguments", schema: zod,
      instance:
        #"{"title":"","due":{"date":"2025-13-01","time":"25:00","zone":"UTC"},"colour":"red"}"#,
      [
        "/title: title must be at least 1 character long",
        "/due/date: due.date must be a date (YYYY-MM-DD)",
        "/due/time: due.time must match the pattern ^([01][0-9]|2[0-3]):[0-5][0-9]$",
        "/due/zone: due.zone is not allowed (known fields: date, time)",
        "/colour: colour is not allowed (known fields: title, priority, due, estimate)",
      ]),
    SchemaCase(
      "zod: a nullable number at its exclusive minimum", schema: zod,
      instance: #"{"title":"t","estimate":0}"#, ["/estimate: estimate must be greater than 0"]),
    SchemaCase(
      "zod: null where null is allowed", schema: zod, instance: #"{"title":"t","estimate":null}"#),
    SchemaCase(
      "OpenAPI: nullable with an enum allows null",
      schema: #"{"properties":{"state":{"type":"string","enum":["open","done"],"nullable":true}}}"#,
      instance: #"{"state":null}"#),
    SchemaCase(
      "a property with no type takes anything",
      schema: #"{"properties":{"payload":{"description":"anything"}},"required":["payload"]}"#,
      instance: #"{"payload":[1,{"a":null}]}"#),
    SchemaCase(
      "elicitation: legacy enum with enumNames",
      schema:
        #"{"type":"object","properties":{"color":{"type":"string","enum":["r","g"],"enumNames":["Red","Green"]}},"required":["color"]}"#,
      instance: #"{"color":"b"}"#, ["/color: color must be one of r, g"]),
    SchemaCase(
      "elicitation: multi-select with items.anyOf of const/title",
      schema:
        #"{"type":"object","properties":{"days":{"type":"array","minItems":1,"items":{"anyOf":[{"const":"mon","title":"Monday"},{"const":"tue","title":"Tuesday"}]}}}}"#,
      instance: #"{"days":["mon","sun"]}"#, ["/days/1: days[1] must be one of mon, tue"]),
    SchemaCase(
      "MCP's recommended no-argument schema rejects arguments",
      schema: #"{"type":"object","additionalProperties":false}"#, instance: #"{"verbose":true}"#,
      ["/verbose: verbose is not allowed"]),
  ]

  @Test(arguments: otherCases)
  func `zod, OpenAPI and elicitation schemas`(_ row: SchemaCase) throws {
    #expect(try row.run() == row.expected)
  }

  @Test func `the brief's Pydantic example validates`() throws {
    let schema = try parsedJSON(
      ##"{"properties":{"task":{"$ref":"#/$defs/Task"},"note":{"anyOf":[{"type":"string"},{"type":"null"}],"default":null}},"required":["task"],"$defs":{"Task":{"properties":{"id":{"type":"integer"},"title":{"type":"string"}},"required":["id","title"],"type":"object"}},"type":"object"}"##
    )
    let validator = JSONSchemaValidator(schema: schema)
    #expect(validator.problems == [])
    #expect(validator.validate(try parsedJSON(#"{"task":{"id":1,"title":"t"}}"#)) == [])
    let found = validator.validate(try parsedJSON(#"{"task":{"id":1.0,"title":7}}"#))
    #expect(
      found == [
        SchemaViolation(
          path: JSONPointer(tokens: ["task", "title"]),
          schemaPath: "#/$defs/Task/properties/title/type",
          message: "task.title must be a string, not a number")
      ])
  }
}
