import PreflightCore
import PreflightJSON
import PreflightUI
import Testing

@Suite struct FormValueTests {
  static let scalars = FormSchemas.parse(
    #"""
    {
      "type": "object",
      "properties": {
        "name": {"type": "string"},
        "count": {"type": "integer"},
        "ratio": {"type": "number"},
        "flag": {"type": "boolean"},
        "priority": {"type": "string", "enum": ["low", "normal", "high"]},
        "note": {"anyOf": [{"type": "string"}, {"type": "null"}]}
      },
      "required": ["name"]
    }
    """#)

  struct Entry: Sendable, CustomTestStringConvertible {
    var path: String
    var text: String
    var value: JSONValue?
    var error: String?
    var testDescription: String { "\(path) = \(text)" }
  }

  static let entries: [Entry] = [
    Entry(path: "/name", text: "Ada", value: "Ada", error: nil),
    Entry(path: "/name", text: "", value: "", error: nil),
    Entry(path: "/count", text: "42", value: 42, error: nil),
    Entry(path: "/count", text: " -7 ", value: -7, error: nil),
    Entry(path: "/count", text: "1.5", value: nil, error: "count must be an integer"),
    Entry(path: "/count", text: "many", value: nil, error: "count must be an integer"),
    Entry(
      path: "/count", text: "123456789012345678901234567890",
      value: .number("123456789012345678901234567890"), error: nil),
    Entry(path: "/ratio", text: "1.50", value: .number("1.50"), error: nil),
    Entry(path: "/ratio", text: "2e3", value: .number("2e3"), error: nil),
    Entry(path: "/ratio", text: "01", value: nil, error: "ratio must be a number"),
    Entry(path: "/ratio", text: "", value: nil, error: nil),
    Entry(path: "/flag", text: "yes", value: true, error: nil),
    Entry(path: "/flag", text: "false", value: false, error: nil),
    Entry(path: "/flag", text: "maybe", value: nil, error: "flag must be true or false"),
    Entry(path: "/priority", text: "high", value: "high", error: nil),
    Entry(path: "/priority", text: "Normal", value: "normal", error: nil),
    Entry(
      path: "/priority", text: "urgent", value: nil,
      error: "priority must be one of low, normal, high"),
    Entry(path: "/note", text: "null", value: "null", error: nil),
  ]

  @Test(arguments: entries)
  func `typed text becomes the value or an error at the field`(entry: Entry) {
    var form = FormModel(schema: Self.scalars)
    form.setText("x", at: FormSchemas.pointer("/name"))
    let path = FormSchemas.pointer(entry.path)
    form.setText(entry.text, at: path)
    let key = path.tokens[0]
    #expect(form.value[key] == entry.value)
    #expect(form.errors.map(\.message) == (entry.error.map { [$0] } ?? []))
    #expect(form.errors.allSatisfy { $0.path == path })
  }

  @Test func `unset optional fields are left out and a missing required one is an error there`() {
    let form = FormModel(schema: Self.scalars)
    #expect(form.value == .object(JSONObject()))
    #expect(
      form.errors == [FieldError(path: FormSchemas.pointer("/name"), message: "name is required")])
  }

  @Test func `clearing a field leaves it out again`() {
    var form = FormModel(schema: Self.scalars)
    form.setText("Ada", at: FormSchemas.pointer("/name"))
    form.setText("3", at: FormSchemas.pointer("/count"))
    form.clear(at: FormSchemas.pointer("/count"))
    #expect(form.value == ["name": "Ada"])
  }

  @Test func `booleans toggle from not set to true to false`() {
    var form = FormModel(schema: Self.scalars)
    let flag = FormSchemas.pointer("/flag")
    form.toggle(at: flag)
    #expect(form.value["flag"] == true)
    form.toggle(at: flag)
    #expect(form.value["flag"] == false)
    #expect(form.text(at: flag) == "false")
  }

  @Test func `picking a choice sends its value, not its title`() {
    var form = FormModel(schema: FormSchemas.elicitation)
    form.pick(1, at: FormSchemas.pointer("/color"))
    form.pick(2, at: FormSchemas.pointer("/size"))
    form.setText("Green", at: FormSchemas.pointer("/color"))
    #expect(form.value["color"] == "#00FF00")
    #expect(form.value["size"] == "l")
    #expect(form.text(at: FormSchemas.pointer("/size")) == "Large")
  }

  @Test func `multiple choices send the picked values in option order`() {
    var form = FormModel(schema: FormSchemas.elicitation)
    let toppings = FormSchemas.pointer("/toppings")
    form.toggleOption(2, at: toppings)
    form.toggleOption(0, at: toppings)
    #expect(form.value["toppings"] == ["cheese", "olives"])
    form.toggleOption(2, at: toppings)
    #expect(form.value["toppings"] == ["cheese"])
    form.setText("Red, Blue", at: FormSchemas.pointer("/colors"))
    #expect(form.value["colors"] == ["#FF0000", "#0000FF"])
    #expect(form.text(at: FormSchemas.pointer("/colors")) == "Red, Blue")
  }

  @Test func `the validator's findings show at the field they concern`() {
    var form = FormModel(schema: FormSchemas.elicitation)
    form.setText("", at: FormSchemas.pointer("/name"))
    form.setText("not an email", at: FormSchemas.pointer("/email"))
    form.setText("200", at: FormSchemas.pointer("/age"))
    form.toggleOption(0, at: FormSchemas.pointer("/toppings"))
    form.toggleOption(1, at: FormSchemas.pointer("/toppings"))
    form.toggleOption(2, at: FormSchemas.pointer("/toppings"))
    let paths = Set(form.errors.map(\.path.description))
    #expect(paths == ["/name", "/email", "/age", "/toppings"])
    #expect(form.errors(at: FormSchemas.pointer("/age")).count == 1)
  }

  @Test func `nested objects are built from their fields and required inner fields checked`() {
    var form = FormModel(schema: FormSchemas.pydantic)
    form.setText("3", at: FormSchemas.pointer("/count"))
    #expect(form.errors.map(\.path.description) == ["/task/title"])
    form.setText("Write tests", at: FormSchemas.pointer("/task/title"))
    #expect(form.errors.isEmpty)
    #expect(
      form.value == [
        "task": ["title": "Write tests", "done": false], "priority": "normal", "count": 3,
      ])
  }

  @Test func `an optional object with nothing entered is left out`() {
    var form = FormModel(schema: FormSchemas.zod)
    form.setText("cats", at: FormSchemas.pointer("/query"))
    #expect(form.value == ["query": "cats", "limit": 10])
    form.setText("2024-01-02T03:04:05Z", at: FormSchemas.pointer("/filters/since"))
    #expect(form.value["filters"] == ["since": "2024-01-02T03:04:05Z"])
  }

  @Test func `an explicit null is sent for a nullable field`() {
    var form = FormModel(schema: FormSchemas.zod)
    form.setText("cats", at: FormSchemas.pointer("/query"))
    form.setNull(at: FormSchemas.pointer("/note"))
    #expect(form.value["note"] == .null)
    #expect(form.errors.isEmpty)
  }

  @Test func `lists of scalars and of objects add and remove items`() throws {
    var form = FormModel(schema: FormSchemas.pydantic)
    form.setText("1", at: FormSchemas.pointer("/count"))
    form.setText("t", at: FormSchemas.pointer("/task/title"))
    let tags = FormSchemas.pointer("/tags")
    for tag in ["a", "b", "c"] {
      let added = form.addItem(at: tags)
      form.setText(tag, at: try #require(added))
    }
    form.removeItem(at: FormSchemas.pointer("/tags/1"))
    #expect(form.value["tags"] == ["a", "c"])
    #expect(form.text(at: tags) == "2 items")

    let subtasks = FormSchemas.pointer("/subtasks")
    let added = form.addItem(at: subtasks)
    let first = try #require(added)
    #expect(first.description == "/subtasks/0")
    form.addItem(at: subtasks)
    form.setText("one", at: first.appending("title"))
    #expect(form.errors.map(\.path.description) == ["/subtasks/1/title"])
    form.setText("two", at: FormSchemas.pointer("/subtasks/1/title"))
    form.toggle(at: FormSchemas.pointer("/subtasks/1/done"))
    #expect(
      form.value["subtasks"] == [["title": "one", "done": false], ["title": "two", "done": true]])
    #expect(form.errors.isEmpty)
  }

  @Test func `a list item that cannot be read is an error at that item`() throws {
    let schema = FormSchemas.parse(
      #"{"type": "object", "properties": {"ids": {"type": "array", "items": {"type": "integer"}}}}"#
    )
    var form = FormModel(schema: schema)
    let ids = FormSchemas.pointer("/ids")
    let one = form.addItem(at: ids)
    form.setText("1", at: try #require(one))
    let two = form.addItem(at: ids)
    form.setText("x", at: try #require(two))
    #expect(
      form.errors == [
        FieldError(path: FormSchemas.pointer("/ids/1"), message: "ids[1] must be an integer")
      ])
  }

  @Test(
    arguments: [
      (#"{"a": 1, "b": [true]}"#, #"{"a":1,"b":[true]}"#, nil),
      ("[1, 2", nil, "is not valid JSON"),
      ("", nil, nil),
    ] as [(String, String?, String?)])
  func `raw JSON fields are parsed and invalid JSON is an error`(
    text: String, compact: String?, error: String?
  ) {
    var form = FormModel(schema: FormSchemas.pydantic)
    form.setText("1", at: FormSchemas.pointer("/count"))
    form.setText("t", at: FormSchemas.pointer("/task/title"))
    form.setText(text, at: FormSchemas.pointer("/extra"))
    #expect(form.value["extra"].map(JSONPrinter.compact) == compact)
    let messages = form.errors.map(\.message)
    if let error {
      #expect(messages.count == 1 && messages[0].hasPrefix("Extra \(error)"))
    } else {
      #expect(messages.isEmpty)
    }
  }

  @Test func `a raw field still gets the validator's findings`() {
    let schema = FormSchemas.parse(
      #"{"type": "object", "properties": {"m": {"type": "object", "additionalProperties": {"type": "integer"}}}}"#
    )
    var form = FormModel(schema: schema)
    form.setText(#"{"a": 1, "b": "two"}"#, at: FormSchemas.pointer("/m"))
    #expect(form.errors.map(\.path.description) == ["/m"])
  }

  @Test func `rows list every field, item and nested field in order`() throws {
    var form = FormModel(schema: FormSchemas.draft07)
    form.addItem(at: FormSchemas.pointer("/path"))
    #expect(
      form.rows.map { "\($0.depth) \($0.field.path)" } == [
        "0 /at", "1 /at/x", "1 /at/y", "0 /path", "1 /path/0", "2 /path/0/x", "2 /path/0/y",
      ])
  }

  static let validated: [(String, JSONValue, [(String, String)])] = [
    (
      "pydantic", FormSchemas.pydantic,
      [("/count", "2"), ("/task/title", "x"), ("/due", "2024-05-01")]
    ),
    (
      "zod", FormSchemas.zod,
      [("/query", "q"), ("/mode", "fast"), ("/filters/labels", "bug, docs")]
    ),
    (
      "elicitation", FormSchemas.elicitation,
      [("/name", "Ada"), ("/email", "ada@example.com"), ("/age", "36"), ("/toppings", "ham")]
    ),
    ("draft07", FormSchemas.draft07, [("/at/x", "1.5"), ("/at/y", "-2")]),
  ]

  @Test(arguments: validated.indices)
  func `a form with no errors makes a value the schema accepts`(index: Int) {
    let (name, schema, entries) = Self.validated[index]
    var form = FormModel(schema: schema)
    for (path, text) in entries { form.setText(text, at: FormSchemas.pointer(path)) }
    #expect(form.errors.isEmpty, "\(name): \(form.errors)")
    let violations = JSONSchemaValidator(schema: schema).validate(form.value)
    #expect(violations.isEmpty, "\(name): \(violations)")
  }
}
