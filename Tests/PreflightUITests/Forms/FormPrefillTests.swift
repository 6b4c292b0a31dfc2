import PreflightJSON
import PreflightUI
import Testing

@Suite struct FormPrefillTests {
  @Test func `defaults fill fields when the form is made, and a null default leaves them unset`() {
    let form = FormModel(schema: FormSchemas.pydantic)
    #expect(form.text(at: FormSchemas.pointer("/priority")) == "normal")
    #expect(form.input(at: FormSchemas.pointer("/task/done")) == .bool(false))
    #expect(form.input(at: FormSchemas.pointer("/due")) == .unset)
    #expect(form.input(at: FormSchemas.pointer("/ratio")) == .unset)
    let elicitation = FormModel(schema: FormSchemas.elicitation)
    #expect(elicitation.value == ["subscribe": false])
  }

  @Test func `a new list item starts with its defaults`() throws {
    var form = FormModel(schema: FormSchemas.pydantic)
    let added = form.addItem(at: FormSchemas.pointer("/subtasks"))
    let item = try #require(added)
    #expect(form.input(at: item.appending("done")) == .bool(false))
  }

  @Test func `an object's own default is laid over its fields' defaults`() {
    let schema = FormSchemas.parse(
      #"{"type": "object", "properties": {"o": {"type": "object", "default": {"a": "x"}, "properties": {"a": {"type": "string"}, "b": {"type": "integer", "default": 2}}}}}"#
    )
    let form = FormModel(schema: schema)
    #expect(form.value == ["o": ["a": "x", "b": 2]])
  }

  @Test func `prefill loads the last arguments and keeps only what still fits`() {
    var form = FormModel(schema: FormSchemas.pydantic)
    form.prefill(
      from: [
        "task": ["title": "Old", "done": true, "gone": 1],
        "priority": "urgent",
        "count": "seven",
        "ratio": .number("0.50"),
        "due": nil,
        "tags": ["a", 3, "b"],
        "subtasks": [["title": "s1"], "not an object"],
        "extra": ["k": [1, 2]],
        "removed": true,
      ])
    #expect(form.text(at: FormSchemas.pointer("/priority")) == "normal")
    #expect(form.input(at: FormSchemas.pointer("/count")) == .unset)
    #expect(form.input(at: FormSchemas.pointer("/due")) == .null)
    #expect(form.text(at: FormSchemas.pointer("/extra")) == #"{"k":[1,2]}"#)
    #expect(
      form.value == [
        "task": ["title": "Old", "done": true], "priority": "normal", "due": nil,
        "ratio": .number("0.50"), "tags": ["a", "b"],
        "subtasks": [["title": "s1", "done": false]], "extra": ["k": [1, 2]],
      ])
    #expect(form.errors.map(\.path.description) == ["/count"])
  }

  @Test func `prefill of multiple choices drops options no longer offered`() {
    var form = FormModel(schema: FormSchemas.elicitation)
    form.prefill(from: ["toppings": ["ham", "pineapple"], "size": "m", "age": 3.5])
    #expect(form.value["toppings"] == ["ham"])
    #expect(form.text(at: FormSchemas.pointer("/size")) == "Medium")
    #expect(form.input(at: FormSchemas.pointer("/age")) == .unset)
  }

  @Test func `prefill then value gives back arguments that fit the schema`() {
    let arguments: JSONValue = [
      "query": "cats", "limit": .number("2.50"), "mode": "thorough",
      "filters": ["since": "2024-01-01T00:00:00Z", "labels": ["docs"]], "verbose": true,
      "note": nil,
    ]
    var form = FormModel(schema: FormSchemas.zod)
    form.prefill(from: arguments)
    #expect(form.value == arguments)
    #expect(form.errors.isEmpty)
  }
}
