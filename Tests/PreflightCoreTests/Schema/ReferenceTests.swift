import PreflightCore
import PreflightJSON
import Testing

@Suite struct ReferenceTests {
  static let cases: [SchemaCase] = [
    SchemaCase(
      "$ref into $defs",
      schema: ##"{"properties":{"id":{"$ref":"#/$defs/Id"}},"$defs":{"Id":{"type":"integer"}}}"##,
      instance: #"{"id":"7"}"#, ["/id: id must be an integer, not a string"]),
    SchemaCase(
      "$ref into definitions (draft-07)",
      schema:
        ##"{"properties":{"id":{"$ref":"#/definitions/Id"}},"definitions":{"Id":{"type":"integer"}}}"##,
      instance: #"{"id":1.5}"#, ["/id: id must be an integer, not 1.5"]),
    SchemaCase(
      "$ref to the root makes a recursive schema",
      schema: ##"{"properties":{"name":{"type":"string"},"children":{"items":{"$ref":"#"}}}}"##,
      instance: #"{"name":"a","children":[{"name":"b","children":[{"name":3}]}]}"#,
      ["/children/0/children/0/name: children[0].children[0].name must be a string, not a number"]),
    SchemaCase(
      "$ref with escaped pointer tokens",
      schema:
        ##"{"$ref":"#/$defs/a~1b/properties/x%20y","$defs":{"a/b":{"properties":{"x y":{"type":"string"}}}}}"##,
      instance: "1", ["/: value must be a string, not a number"]),
    SchemaCase(
      "$ref siblings apply in 2020-12",
      schema: ##"{"$ref":"#/$defs/s","maxLength":2,"$defs":{"s":{"type":"string"}}}"##,
      instance: #""abc""#, ["/: value must be at most 2 characters long"]),
    SchemaCase(
      "$ref siblings are ignored in draft-07",
      schema:
        ##"{"$schema":"http://json-schema.org/draft-07/schema#","$ref":"#/definitions/s","maxLength":2,"definitions":{"s":{"type":"string"}}}"##,
      instance: #""abc""#),
    SchemaCase(
      "$ref by $anchor", schema: ##"{"$ref":"#pos","$defs":{"p":{"$anchor":"pos","minimum":0}}}"##,
      instance: "-1", ["/: value must be at least 0"]),
    SchemaCase(
      "$ref by $id",
      schema: ##"{"$ref":"urn:example:pos","$defs":{"p":{"$id":"urn:example:pos","minimum":0}}}"##,
      instance: "-1", ["/: value must be at least 0"]),
    SchemaCase(
      "$ref to the root's own $id",
      schema:
        ##"{"$id":"https://example.com/node.json","properties":{"next":{"$ref":"https://example.com/node.json"}},"type":"object"}"##,
      instance: #"{"next":{"next":5}}"#, ["/next/next: next.next must be an object, not a number"]),
    SchemaCase(
      "a $ref to a boolean schema",
      schema: ##"{"properties":{"x":{"$ref":"#/$defs/no"}},"$defs":{"no":false}}"##,
      instance: #"{"x":1}"#, ["/x: x is not allowed"]),
    SchemaCase(
      "a $ref chain",
      schema:
        ##"{"$ref":"#/$defs/a","$defs":{"a":{"$ref":"#/$defs/b"},"b":{"$ref":"#/$defs/c"},"c":{"type":"null"}}}"##,
      instance: "0", ["/: value must be null, not a number"]),
  ]

  @Test(arguments: cases)
  func `references resolve inside the schema`(_ row: SchemaCase) throws {
    #expect(try row.run() == row.expected)
  }

  @Test func `a $ref cycle terminates and is reported as a problem`() throws {
    let schema = try parsedJSON(
      ##"{"$ref":"#/$defs/a","$defs":{"a":{"$ref":"#/$defs/b"},"b":{"allOf":[{"$ref":"#/$defs/a"}],"type":"string"}}}"##
    )
    let validator = JSONSchemaValidator(schema: schema)
    #expect(validator.problems.count == 1)
    #expect(validator.problems.first?.contains("$ref cycle") == true)
    #expect(validator.validate("x") == [])
    #expect(validator.validate(1).map(\.message) == ["value must be a string, not a number"])
  }

  @Test func `a schema that refers to itself in place terminates`() throws {
    let validator = JSONSchemaValidator(
      schema: try parsedJSON(##"{"$ref":"#","anyOf":[{"$ref":"#"}]}"##))
    #expect(!validator.problems.isEmpty)
    #expect(validator.validate(["a": 1]) == [])
  }

  @Test func `an unresolvable $ref is a problem and allows anything`() throws {
    let validator = JSONSchemaValidator(
      schema: try parsedJSON(
        ##"{"properties":{"a":{"$ref":"#/$defs/Missing"},"b":{"$ref":"https://example.com/other.json"}}}"##
      ))
    #expect(
      validator.problems == [
        ##"#/properties/a/$ref: can't resolve "#/$defs/Missing" (only references within this schema are followed), so it allows anything"##,
        ##"#/properties/b/$ref: can't resolve "https://example.com/other.json" (only references within this schema are followed), so it allows anything"##,
      ])
    #expect(validator.validate(try parsedJSON(#"{"a":1,"b":"x"}"#)) == [])
  }

  @Test func `violations inside a $ref point at the definition`() throws {
    let validator = JSONSchemaValidator(
      schema: try parsedJSON(
        ##"{"properties":{"task":{"$ref":"#/$defs/Task"}},"$defs":{"Task":{"properties":{"id":{"type":"integer"}},"required":["title"]}}}"##
      ))
    let found = validator.validate(try parsedJSON(#"{"task":{"id":"x"}}"#))
    #expect(
      found.map(\.schemaPath) == ["#/$defs/Task/properties/id/type", "#/$defs/Task/required"])
    #expect(found.map(\.path.description) == ["/task/id", "/task/title"])
  }
}
