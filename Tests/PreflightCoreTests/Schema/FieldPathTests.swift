import PreflightCore
import PreflightJSON
import Testing

/// A pointer, an optional instance, and the dotted path people should read.
struct FieldPathCase: Sendable, CustomTestStringConvertible {
  let pointer: String
  let instance: String?
  let expected: String

  init(_ pointer: String, in instance: String? = nil, _ expected: String) {
    self.pointer = pointer
    self.instance = instance
    self.expected = expected
  }

  var testDescription: String { "\(pointer.isEmpty ? "(root)" : pointer) → \(expected)" }
}

@Suite struct FieldPathTests {
  static let cases: [FieldPathCase] = [
    FieldPathCase("", "value"),
    FieldPathCase("/title", "title"),
    FieldPathCase("/due/date", "due.date"),
    FieldPathCase("/tags/1", "tags[1]"),
    FieldPathCase("/tasks/0/title", "tasks[0].title"),
    FieldPathCase("/0", "value[0]"),
    FieldPathCase("/dark mode", #""dark mode""#),
    FieldPathCase("/settings/dark mode", #"settings["dark mode"]"#),
    FieldPathCase("/a~1b/c", #""a/b".c"#),
    FieldPathCase("/x-custom/$ref", "x-custom.$ref"),
    FieldPathCase("/名前", "名前"),
    FieldPathCase("/map/1", in: #"{"map":{"1":true}}"#, "map.1"),
    FieldPathCase("/list/1", in: #"{"list":[0,1]}"#, "list[1]"),
    FieldPathCase("/", #""""#),
  ]

  @Test(arguments: cases)
  func `pointers read as dotted field paths`(_ row: FieldPathCase) throws {
    let pointer = try #require(JSONPointer(row.pointer))
    let instance = try row.instance.map { try parsedJSON($0) }
    #expect(pointer.fieldPath(in: instance) == row.expected)
  }

  @Test func `the root's name can be chosen`() {
    #expect(JSONPointer().fieldPath(rootName: "arguments") == "arguments")
    #expect(JSONPointer(tokens: ["3"]).fieldPath(rootName: "items") == "items[3]")
  }

  @Test func `messages and fieldPath agree`() throws {
    let instance = try parsedJSON(#"{"tasks":[{"due":{"date":5}}]}"#)
    let validator = JSONSchemaValidator(
      schema: try parsedJSON(
        #"{"properties":{"tasks":{"items":{"properties":{"due":{"properties":{"date":{"type":"string"}}}}}}}}"#
      ))
    let found = try #require(validator.validate(instance).first)
    #expect(found.message.hasPrefix(found.path.fieldPath(in: instance) + " "))
  }
}
