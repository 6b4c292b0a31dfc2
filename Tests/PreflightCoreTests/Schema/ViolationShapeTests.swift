import PreflightCore
import PreflightJSON
import Testing

@Suite struct ViolationShapeTests {
  @Test func `violations come in document order, the value's own first`() throws {
    let validator = JSONSchemaValidator(
      schema: try parsedJSON(
        #"{"type":"object","minProperties":9,"properties":{"b":{"type":"string"},"a":{"items":{"type":"integer"}}},"required":["z","b"]}"#
      ))
    let found = validator.validate(try parsedJSON(#"{"a":[1,"x",2,"y"],"b":3}"#))
    #expect(
      found.map(\.description) == [
        "/: value must have at least 9 fields",
        "/a/1: a[1] must be an integer, not a string",
        "/a/3: a[3] must be an integer, not a string",
        "/b: b must be a string, not a number",
        "/z: z is required",
      ])
  }

  @Test func `the same violation from two subschemas is reported once`() throws {
    let validator = JSONSchemaValidator(
      schema: try parsedJSON(
        #"{"allOf":[{"required":["id"]},{"required":["id"]}],"required":["id"]}"#))
    #expect(validator.validate([:]).map(\.message) == ["id is required"])
  }

  @Test func `a violation names its keyword and schema path`() throws {
    let validator = JSONSchemaValidator(
      schema: try parsedJSON(#"{"properties":{"title":{"type":"string","minLength":1}}}"#))
    let found = validator.validate(["title": ""])
    #expect(found.count == 1)
    #expect(found.first?.path == JSONPointer(tokens: ["title"]))
    #expect(found.first?.schemaPath == "#/properties/title/minLength")
    #expect(found.first?.keyword == "minLength")
    #expect(found.first?.description == "/title: title must be at least 1 character long")
  }

  @Test func `paths escape their tokens, messages show the names`() throws {
    let validator = JSONSchemaValidator(
      schema: try parsedJSON(#"{"properties":{"a/b":{"properties":{"c~d":{"type":"string"}}}}}"#))
    let found = validator.validate(try parsedJSON(#"{"a/b":{"c~d":1}}"#))
    #expect(found.map(\.path.description) == ["/a~1b/c~0d"])
    #expect(found.map(\.schemaPath) == ["#/properties/a~1b/properties/c~0d/type"])
    #expect(found.map(\.message) == [#""a/b"["c~d"] must be a string, not a number"#])
  }

  @Test func `isValid agrees with validate`() throws {
    let validator = JSONSchemaValidator(schema: ["type": "integer"])
    #expect(validator.isValid(3))
    #expect(!validator.isValid("3"))
  }

  @Test func `the validator keeps its schema and options`() {
    let options = JSONSchemaValidator.Options(
      validateFormats: false, maximumDepth: 10, maximumSteps: 100, rootName: "structuredContent")
    let validator = JSONSchemaValidator(schema: true, options: options)
    #expect(validator.schema == true)
    #expect(validator.options == options)
  }
}
