import PreflightCore
import PreflightJSON
import Testing

@Suite struct ObjectKeywordTests {
  static let cases: [SchemaCase] = [
    SchemaCase(
      "a missing required field is reported at the field's own path",
      schema: #"{"type":"object","properties":{"title":{"type":"string"}},"required":["title"]}"#,
      instance: "{}", ["/title: title is required"]),
    SchemaCase(
      "a missing nested field names the dotted path",
      schema: #"{"properties":{"due":{"required":["date"]}}}"#, instance: #"{"due":{}}"#,
      ["/due/date: due.date is required"]),
    SchemaCase(
      "a required field that is null is present", schema: #"{"required":["a"]}"#,
      instance: #"{"a":null}"#),
    SchemaCase(
      "a field name that is not a plain word is quoted",
      schema: #"{"required":["start time"]}"#, instance: "{}",
      [#"/start time: "start time" is required"#]),
    SchemaCase(
      "a nested field name that is not a plain word is bracketed",
      schema: #"{"properties":{"s":{"required":["a/b"]}}}"#, instance: #"{"s":{}}"#,
      [#"/s/a~1b: s["a/b"] is required"#]),
    SchemaCase(
      "properties check each member", schema: #"{"properties":{"n":{"type":"integer"}}}"#,
      instance: #"{"n":"3"}"#, ["/n: n must be an integer, not a string"]),
    SchemaCase(
      "additionalProperties false lists the known fields",
      schema:
        #"{"properties":{"due":{"properties":{"date":{},"time":{}},"additionalProperties":false}}}"#,
      instance: #"{"due":{"date":"2025-01-01","zone":"UTC"}}"#,
      ["/due/zone: due.zone is not allowed (known fields: date, time)"]),
    SchemaCase(
      "additionalProperties false with no properties",
      schema: #"{"type":"object","additionalProperties":false}"#, instance: #"{"x":1}"#,
      ["/x: x is not allowed"]),
    SchemaCase(
      "additionalProperties as a schema checks the other members",
      schema: #"{"properties":{"id":{}},"additionalProperties":{"type":"number"}}"#,
      instance: #"{"id":"a","x":1,"y":"2"}"#, ["/y: y must be a number, not a string"]),
    SchemaCase(
      "patternProperties apply by name",
      schema: #"{"patternProperties":{"^x-":{"type":"string"}},"additionalProperties":false}"#,
      instance: #"{"x-a":"ok","x-b":2,"c":1}"#,
      ["/x-b: x-b must be a string, not a number", "/c: c is not allowed"]),
    SchemaCase(
      "propertyNames check every name",
      schema: #"{"propertyNames":{"pattern":"^[a-z]+$"}}"#, instance: #"{"ok":1,"Bad":2}"#,
      [#"/Bad: the field name "Bad" must match the pattern ^[a-z]+$"#]),
    SchemaCase(
      "propertyNames in a nested object say where",
      schema: #"{"properties":{"tags":{"propertyNames":{"maxLength":2}}}}"#,
      instance: #"{"tags":{"abc":1}}"#,
      [#"/tags/abc: the field name "abc" in tags must be at most 2 characters long"#]),
    SchemaCase(
      "minProperties", schema: #"{"minProperties":2}"#, instance: #"{"a":1}"#,
      ["/: value must have at least 2 fields"]),
    SchemaCase(
      "maxProperties", schema: #"{"maxProperties":1}"#, instance: #"{"a":1,"b":2}"#,
      ["/: value must have at most 1 field"]),
    SchemaCase(
      "a repeated key counts once", schema: #"{"maxProperties":1}"#, instance: #"{"a":1,"a":2}"#),
    SchemaCase(
      "a repeated key is checked by its last value",
      schema: #"{"properties":{"a":{"type":"string"}}}"#, instance: #"{"a":"x","a":2}"#,
      ["/a: a must be a string, not a number"]),
    SchemaCase(
      "dependentRequired names both fields",
      schema: #"{"dependentRequired":{"end":["start"]}}"#, instance: #"{"end":"9"}"#,
      ["/start: start is required when end is present"]),
    SchemaCase(
      "dependentRequired is silent without its trigger",
      schema: #"{"dependentRequired":{"end":["start"]}}"#, instance: #"{"x":1}"#),
    SchemaCase(
      "dependencies with an array (draft-07)",
      schema: #"{"dependencies":{"card":["billing"]}}"#, instance: #"{"card":"x"}"#,
      ["/billing: billing is required when card is present"]),
    SchemaCase(
      "dependencies with a schema (draft-07)",
      schema: #"{"dependencies":{"card":{"required":["cvc"]}}}"#, instance: #"{"card":"x"}"#,
      ["/cvc: cvc is required"]),
    SchemaCase(
      "dependentSchemas",
      schema: #"{"dependentSchemas":{"a":{"properties":{"b":{"type":"string"}}}}}"#,
      instance: #"{"a":1,"b":2}"#, ["/b: b must be a string, not a number"]),
    SchemaCase(
      "object keywords ignore other types",
      schema: #"{"required":["a"],"minProperties":1,"additionalProperties":false}"#,
      instance: "[1]"),
  ]

  @Test(arguments: cases)
  func `object keywords`(_ row: SchemaCase) throws {
    #expect(try row.run() == row.expected)
  }
}
