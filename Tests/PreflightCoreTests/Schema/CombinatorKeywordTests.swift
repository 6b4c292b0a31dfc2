import PreflightCore
import PreflightJSON
import Testing

@Suite struct CombinatorKeywordTests {
  static let cases: [SchemaCase] = [
    SchemaCase(
      "allOf reports every branch's violations",
      schema: #"{"allOf":[{"minLength":2},{"pattern":"^a"}]}"#, instance: #""b""#,
      ["/: value must be at least 2 characters long", "/: value must match the pattern ^a"]),
    SchemaCase(
      "allOf passes when all do", schema: #"{"allOf":[{"type":"string"},{"minLength":1}]}"#,
      instance: #""a""#),
    SchemaCase(
      "anyOf passes when one does", schema: #"{"anyOf":[{"type":"string"},{"type":"null"}]}"#,
      instance: "null"),
    SchemaCase(
      "anyOf ruled out by type gives one type message",
      schema: #"{"properties":{"note":{"anyOf":[{"type":"string"},{"type":"null"}]}}}"#,
      instance: #"{"note":3}"#, ["/note: note must be a string or null, not a number"]),
    SchemaCase(
      "anyOf with one branch left reports that branch's violations",
      schema:
        #"{"properties":{"note":{"anyOf":[{"type":"string","maxLength":3},{"type":"null"}]}}}"#,
      instance: #"{"note":"long"}"#, ["/note: note must be at most 3 characters long"]),
    SchemaCase(
      "anyOf with several branches left gives one message naming them",
      schema: #"{"anyOf":[{"type":"string","maxLength":1},{"type":"string","format":"email"}]}"#,
      instance: #""xyz""#, ["/: value must match one of: a string, an email address"]),
    SchemaCase(
      "oneOf of const values reads like an enum",
      schema:
        #"{"properties":{"size":{"oneOf":[{"const":"s","title":"Small"},{"const":"m","title":"Medium"},{"const":"l","title":"Large"}]}}}"#,
      instance: #"{"size":"xl"}"#, ["/size: size must be one of s, m, l"]),
    SchemaCase(
      "oneOf passes with exactly one match",
      schema: #"{"oneOf":[{"type":"integer"},{"type":"string"}]}"#, instance: "3"),
    SchemaCase(
      "oneOf fails when two match and says which",
      schema: #"{"oneOf":[{"type":"integer"},{"type":"number"},{"type":"string"}]}"#, instance: "3",
      [
        "/: value must match exactly one of: an integer, a number, a string (it matches an integer and a number)"
      ]),
    SchemaCase(
      "a discriminator const rules out the other branches",
      schema:
        #"{"oneOf":[{"type":"object","properties":{"kind":{"const":"cat"},"lives":{"type":"integer"}},"required":["kind","lives"]},{"type":"object","properties":{"kind":{"const":"dog"},"bark":{"type":"boolean"}},"required":["kind","bark"]}]}"#,
      instance: #"{"kind":"dog","bark":"loud"}"#, ["/bark: bark must be a boolean, not a string"]),
    SchemaCase(
      "without a discriminator, object branches give one message",
      schema:
        #"{"anyOf":[{"type":"object","title":"Cat","required":["lives"]},{"type":"object","title":"Dog","required":["bark"]}]}"#,
      instance: "{}", ["/: value must match one of: a Cat object, a Dog object"]),
    SchemaCase(
      "not forbids a type", schema: #"{"not":{"type":"string"}}"#, instance: #""x""#,
      ["/: value must not be a string"]),
    SchemaCase(
      "not forbids values", schema: #"{"not":{"enum":["root","admin"]}}"#, instance: #""root""#,
      ["/: value must not be one of root, admin"]),
    SchemaCase("not passes otherwise", schema: #"{"not":{"type":"string"}}"#, instance: "1"),
    SchemaCase(
      "not of a structural schema", schema: #"{"not":{"required":["a"]}}"#, instance: #"{"a":1}"#,
      ["/: value must not match an object"]),
    SchemaCase(
      "if/then applies then when if holds",
      schema:
        #"{"if":{"properties":{"country":{"const":"US"}}},"then":{"required":["state"]},"else":{"required":["region"]}}"#,
      instance: #"{"country":"US"}"#, ["/state: state is required"]),
    SchemaCase(
      "if/else applies else when if fails",
      schema:
        #"{"if":{"properties":{"country":{"const":"US"}}},"then":{"required":["state"]},"else":{"required":["region"]}}"#,
      instance: #"{"country":"FR"}"#, ["/region: region is required"]),
    SchemaCase(
      "then without if is ignored", schema: #"{"then":false}"#, instance: "1"),
    SchemaCase(
      "unevaluatedProperties false sees properties from allOf",
      schema:
        #"{"allOf":[{"properties":{"a":{}}}],"properties":{"b":{}},"unevaluatedProperties":false}"#,
      instance: #"{"a":1,"b":2,"c":3}"#, ["/c: c is not allowed"]),
    SchemaCase(
      "unevaluatedProperties ignores properties from failed anyOf branches",
      schema:
        #"{"anyOf":[{"properties":{"a":{"type":"string"}}},{"properties":{"b":{}}}],"unevaluatedProperties":false}"#,
      instance: #"{"a":1,"b":2}"#, ["/a: a is not allowed"]),
    SchemaCase(
      "unevaluatedProperties sees properties through $ref",
      schema:
        ##"{"$ref":"#/$defs/base","properties":{"extra":{}},"unevaluatedProperties":false,"$defs":{"base":{"properties":{"id":{}}}}}"##,
      instance: #"{"id":1,"extra":2}"#),
    SchemaCase(
      "unevaluatedProperties as a schema",
      schema: #"{"properties":{"a":{}},"unevaluatedProperties":{"type":"string"}}"#,
      instance: #"{"a":1,"b":2}"#, ["/b: b must be a string, not a number"]),
    SchemaCase(
      "unevaluatedItems false after prefixItems in allOf",
      schema: #"{"allOf":[{"prefixItems":[{}]}],"unevaluatedItems":false}"#, instance: "[1,2]",
      ["/1: value[1] is not allowed"]),
    SchemaCase(
      "unevaluatedItems sees contains matches",
      schema: #"{"contains":{"type":"string"},"unevaluatedItems":{"type":"integer"}}"#,
      instance: #"["a",1,true]"#, ["/2: value[2] must be an integer, not a boolean"]),
  ]

  @Test(arguments: cases)
  func `combinators report one useful message`(_ row: SchemaCase) throws {
    #expect(try row.run() == row.expected)
  }
}
