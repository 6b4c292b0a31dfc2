import PreflightCore
import PreflightJSON
import Testing

@Suite struct TypeAndValueKeywordTests {
  static let cases: [SchemaCase] = [
    SchemaCase("a matching type passes", schema: #"{"type":"string"}"#, instance: #""x""#),
    SchemaCase(
      "a wrong type names what was expected and what came",
      schema: #"{"type":"string"}"#, instance: "3", ["/: value must be a string, not a number"]),
    SchemaCase(
      "a type list is read as alternatives",
      schema: #"{"type":["string","null"]}"#, instance: "true",
      ["/: value must be a string or null, not a boolean"]),
    SchemaCase(
      "null passes a type list with null", schema: #"{"type":["string","null"]}"#, instance: "null"),
    SchemaCase("1.0 is an integer", schema: #"{"type":"integer"}"#, instance: "1.0"),
    SchemaCase("1e2 is an integer", schema: #"{"type":"integer"}"#, instance: "1e2"),
    SchemaCase(
      "1.5 is not an integer and the message shows it",
      schema: #"{"type":"integer"}"#, instance: "1.5", ["/: value must be an integer, not 1.5"]),
    SchemaCase("an integer is a number", schema: #"{"type":"number"}"#, instance: "7"),
    SchemaCase(
      "a 40-digit integer is an integer",
      schema: #"{"type":"integer"}"#, instance: "1234567890123456789012345678901234567890"),
    SchemaCase("1e400 is an integer", schema: #"{"type":"integer"}"#, instance: "1e400"),
    SchemaCase(
      "a string of digits is not a number",
      schema: #"{"type":"number"}"#, instance: #""12""#, ["/: value must be a number, not a string"]
    ),
    SchemaCase(
      "nullable true also allows null",
      schema: #"{"type":"string","nullable":true}"#, instance: "null"),
    SchemaCase(
      "nullable true is named in the type message",
      schema: #"{"type":"string","nullable":true}"#, instance: "1",
      ["/: value must be a string or null, not a number"]),
    SchemaCase(
      "nullable false changes nothing",
      schema: #"{"type":"string","nullable":false}"#, instance: "null",
      ["/: value must be a string, not null"]),
    SchemaCase(
      "an enum lists its values as plain words",
      schema: #"{"properties":{"priority":{"enum":["low","normal","high"]}}}"#,
      instance: #"{"priority":"urgent"}"#,
      ["/priority: priority must be one of low, normal, high"]),
    SchemaCase(
      "an enum with spaces quotes its values",
      schema: #"{"enum":["in progress","done"]}"#, instance: #""x""#,
      [#"/: value must be one of "in progress", "done""#]),
    SchemaCase(
      "an enum compares numbers by value", schema: #"{"enum":[1,2]}"#, instance: "1.0"),
    SchemaCase(
      "an enum compares objects regardless of member order",
      schema: #"{"enum":[{"a":1,"b":2}]}"#, instance: #"{"b":2,"a":1}"#),
    SchemaCase(
      "an enum does not confuse true with 1",
      schema: #"{"enum":[1]}"#, instance: "true", ["/: value must be 1"]),
    SchemaCase(
      "an enum does not confuse canonically equivalent strings",
      schema: #"{"enum":["é"]}"#, instance: #""e\u0301""#, [#"/: value must be "é""#]),
    SchemaCase("null can be an enum value", schema: #"{"enum":["a",null]}"#, instance: "null"),
    SchemaCase(
      "const names the one value",
      schema: #"{"properties":{"kind":{"const":"task"}}}"#, instance: #"{"kind":"note"}"#,
      [#"/kind: kind must be "task""#]),
    SchemaCase(
      "const null allows only null", schema: #"{"const":null}"#, instance: "0",
      ["/: value must be null"]),
    SchemaCase("const compares numbers by value", schema: #"{"const":100}"#, instance: "1e2"),
    SchemaCase("the true schema allows anything", schema: "true", instance: #"{"a":[1]}"#),
    SchemaCase("the empty schema allows anything", schema: "{}", instance: "null"),
    SchemaCase(
      "the false schema allows nothing", schema: "false", instance: "1", ["/: value is not allowed"]
    ),
    SchemaCase(
      "a false property schema forbids the member",
      schema: #"{"properties":{"legacy":false}}"#, instance: #"{"legacy":1}"#,
      ["/legacy: legacy is not allowed"]),
    SchemaCase(
      "a type failure hides the keywords that could not apply",
      schema: #"{"type":"string","minLength":3,"enum":["abc"]}"#, instance: "5",
      ["/: value must be a string, not a number"]),
    SchemaCase(
      "annotations and unknown keywords are ignored",
      schema:
        #"{"type":"string","title":"T","description":"d","default":"x","examples":["y"],"enumNames":["A"],"x-widget":"big","deprecated":true}"#,
      instance: #""z""#),
    SchemaCase(
      "the root name in messages can be changed",
      schema: #"{"type":"object"}"#, instance: "[]",
      ["/: arguments must be an object, not an array"],
      options: .init(rootName: "arguments")),
  ]

  @Test(arguments: cases)
  func `type, enum, const and boolean schemas`(_ row: SchemaCase) throws {
    #expect(try row.run() == row.expected)
  }
}
