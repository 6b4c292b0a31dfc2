import PreflightCore
import PreflightJSON
import Testing

/// A schema with something wrong in it, and the problem it should report.
struct ProblemCase: Sendable, CustomTestStringConvertible {
  let name: String
  let schema: String
  let problem: String

  init(_ name: String, schema: String, problem: String) {
    self.name = name
    self.schema = schema
    self.problem = problem
  }

  var testDescription: String { name }
}

@Suite struct SchemaProblemTests {
  static let cases: [ProblemCase] = [
    ProblemCase(
      "an invalid regex", schema: #"{"properties":{"id":{"pattern":"[a-"}}}"#,
      problem:
        #"#/properties/id/pattern: "[a-" is not a regular expression Preflight can check (missing ] at character 4), so it is not checked"#
    ),
    ProblemCase(
      "an invalid patternProperties regex", schema: #"{"patternProperties":{"(":{}}}"#,
      problem: "#/patternProperties/(: \"(\" is not a regular expression"),
    ProblemCase(
      "a backreference", schema: #"{"pattern":"(a)\\1"}"#,
      problem: "backreferences are not supported"),
    ProblemCase(
      "an unknown type name", schema: #"{"type":"int"}"#,
      problem: #"#/type: type names an unknown type "int", which is ignored"#),
    ProblemCase(
      "a string where a number belongs", schema: #"{"minLength":"3"}"#,
      problem: #"#/minLength: minLength must be a non-negative integer, not "3""#),
    ProblemCase(
      "a negative count", schema: #"{"maxItems":-1}"#,
      problem: "#/maxItems: maxItems must be a non-negative integer, not -1"),
    ProblemCase(
      "multipleOf zero", schema: #"{"multipleOf":0}"#,
      problem: "#/multipleOf: multipleOf must be greater than 0, not 0"),
    ProblemCase(
      "required as a boolean (draft-03)", schema: #"{"properties":{"a":{"required":true}}}"#,
      problem: "#/properties/a/required: required must be an array of property names, not true"),
    ProblemCase(
      "enum that is not an array", schema: #"{"enum":"a"}"#,
      problem: #"#/enum: enum must be an array, not "a""#),
    ProblemCase(
      "a subschema that is a number", schema: #"{"properties":{"a":3}}"#,
      problem: "#/properties/a: must be a schema (an object or a boolean), not 3, so it is ignored"),
    ProblemCase(
      "an empty anyOf", schema: #"{"anyOf":[]}"#,
      problem: "#/anyOf: anyOf must be a non-empty array of schemas, not []"),
    ProblemCase(
      "a $ref that is not a string", schema: #"{"$ref":5}"#,
      problem: "#/$ref: $ref must be a string, not 5"),
    ProblemCase(
      "a draft-03 keyword", schema: #"{"divisibleBy":2}"#,
      problem: "#/divisibleBy: divisibleBy is a draft-03 keyword Preflight does not support"),
    ProblemCase(
      "a $dynamicRef",
      schema: ##"{"$dynamicRef":"#node","$defs":{"n":{"$dynamicAnchor":"node"}}}"##,
      problem: "#/$dynamicRef: $dynamicRef is followed like $ref (dynamic scopes are not supported)"
    ),
    ProblemCase(
      "a broken definition nobody refers to", schema: #"{"$defs":{"X":{"pattern":"("}}}"#,
      problem: "#/$defs/X/pattern"),
  ]

  @Test(arguments: cases)
  func `schema problems are reported, not thrown`(_ row: ProblemCase) throws {
    let validator = JSONSchemaValidator(schema: try parsedJSON(row.schema))
    #expect(validator.problems.count == 1)
    #expect(validator.problems.first?.contains(row.problem) == true, "\(validator.problems)")
  }

  @Test func `a schema with an invalid regex still validates everything else`() throws {
    let validator = JSONSchemaValidator(
      schema: try parsedJSON(
        #"{"properties":{"id":{"type":"string","pattern":"[a-"}},"required":["id"]}"#))
    #expect(validator.problems.count == 1)
    #expect(validator.validate(try parsedJSON(#"{"id":"anything"}"#)) == [])
    #expect(
      validator.validate(try parsedJSON(#"{"id":1}"#)).map(\.message) == [
        "id must be a string, not a number"
      ])
    #expect(validator.validate(try parsedJSON("{}")).map(\.message) == ["id is required"])
  }

  @Test func `a schema that is not an object or a boolean is a problem`() {
    let validator = JSONSchemaValidator(schema: "object")
    #expect(
      validator.problems == [
        "#: a schema must be an object or a boolean, not string, so it allows anything"
      ])
    #expect(validator.validate(1) == [])
  }

  @Test func `a good schema has no problems`() throws {
    let validator = JSONSchemaValidator(
      schema: try parsedJSON(RealServerSchemaTests.pydantic))
    #expect(validator.problems == [])
  }
}
