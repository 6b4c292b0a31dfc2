import PreflightCore
import PreflightJSON
import Testing

@Suite struct ArrayKeywordTests {
  static let cases: [SchemaCase] = [
    SchemaCase(
      "items checks each element and names it by index",
      schema: #"{"properties":{"tags":{"items":{"type":"string"}}}}"#,
      instance: #"{"tags":["a",2,"c",false]}"#,
      [
        "/tags/1: tags[1] must be a string, not a number",
        "/tags/3: tags[3] must be a string, not a boolean",
      ]),
    SchemaCase(
      "elements of a root array are named after the root", schema: #"{"items":{"minimum":0}}"#,
      instance: "[1,-1]", ["/1: value[1] must be at least 0"]),
    SchemaCase(
      "nested arrays and objects",
      schema: #"{"items":{"properties":{"tags":{"items":{"type":"string"}}}}}"#,
      instance: #"[{"tags":["a"]},{"tags":[1]}]"#,
      ["/1/tags/0: value[1].tags[0] must be a string, not a number"]),
    SchemaCase(
      "minItems", schema: #"{"minItems":1}"#, instance: "[]", ["/: value must have at least 1 item"]
    ),
    SchemaCase(
      "maxItems", schema: #"{"maxItems":2}"#, instance: "[1,2,3]",
      ["/: value must have at most 2 items"]),
    SchemaCase(
      "uniqueItems points at the repeat",
      schema: #"{"properties":{"tags":{"uniqueItems":true}}}"#,
      instance: #"{"tags":["a","b","a"]}"#,
      ["/tags/2: tags[2] repeats tags[0]; items must be unique"]),
    SchemaCase(
      "uniqueItems compares numbers by value", schema: #"{"uniqueItems":true}"#,
      instance: "[1,1.0]",
      ["/1: value[1] repeats value[0]; items must be unique"]),
    SchemaCase(
      "uniqueItems compares objects regardless of member order", schema: #"{"uniqueItems":true}"#,
      instance: #"[{"a":1,"b":2},{"b":2,"a":1}]"#,
      ["/1: value[1] repeats value[0]; items must be unique"]),
    SchemaCase(
      "uniqueItems keeps true and 1 apart", schema: #"{"uniqueItems":true}"#, instance: "[1,true]"),
    SchemaCase(
      "uniqueItems false allows repeats", schema: #"{"uniqueItems":false}"#, instance: "[1,1]"),
    SchemaCase(
      "prefixItems check by position",
      schema: #"{"prefixItems":[{"type":"string"},{"type":"integer"}]}"#,
      instance: #"["a","b",true]"#, ["/1: value[1] must be an integer, not a string"]),
    SchemaCase(
      "items after prefixItems covers the rest",
      schema: #"{"prefixItems":[{"type":"string"}],"items":{"type":"integer"}}"#,
      instance: #"["a",1,"b"]"#, ["/2: value[2] must be an integer, not a string"]),
    SchemaCase(
      "items false after prefixItems limits the length",
      schema: #"{"prefixItems":[{},{}],"items":false}"#, instance: "[1,2,3]",
      ["/2: value[2] is not allowed (value takes at most 2 items)"]),
    SchemaCase(
      "a short array is fine with prefixItems", schema: #"{"prefixItems":[{},{"type":"string"}]}"#,
      instance: "[1]"),
    SchemaCase(
      "the draft-07 array form of items is a prefix",
      schema: #"{"items":[{"type":"string"},{"type":"integer"}]}"#, instance: #"["a","b",{}]"#,
      ["/1: value[1] must be an integer, not a string"]),
    SchemaCase(
      "additionalItems follows the draft-07 array form",
      schema: #"{"items":[{"type":"string"}],"additionalItems":false}"#, instance: #"["a","b"]"#,
      ["/1: value[1] is not allowed (value takes at most 1 item)"]),
    SchemaCase(
      "additionalItems is ignored without the array form",
      schema: #"{"items":{"type":"string"},"additionalItems":false}"#, instance: #"["a","b"]"#),
    SchemaCase(
      "contains needs one match", schema: #"{"contains":{"type":"string"}}"#, instance: "[1,2]",
      ["/: value must contain at least one item that is a string"]),
    SchemaCase(
      "contains with a match", schema: #"{"contains":{"type":"string"}}"#, instance: #"[1,"a"]"#),
    SchemaCase(
      "minContains", schema: #"{"contains":{"const":"x"},"minContains":2}"#,
      instance: #"["x","y"]"#,
      [#"/: value must contain at least 2 items that are "x""#]),
    SchemaCase(
      "maxContains", schema: #"{"contains":{"type":"integer"},"maxContains":1}"#, instance: "[1,2]",
      ["/: value must contain at most 1 item that is an integer"]),
    SchemaCase(
      "minContains 0 allows no match", schema: #"{"contains":{"type":"string"},"minContains":0}"#,
      instance: "[1]"),
    SchemaCase(
      "array keywords ignore other types", schema: #"{"minItems":2,"items":false}"#,
      instance: #""ab""#),
  ]

  @Test(arguments: cases)
  func `array keywords`(_ row: SchemaCase) throws {
    #expect(try row.run() == row.expected)
  }
}
