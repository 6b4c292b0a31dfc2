import PreflightJSON
import PreflightUI
import Testing

@Suite struct FormFieldKindTests {
  struct Row: Sendable, CustomTestStringConvertible {
    var schema: String
    var path: String
    var kind: String
    var label: String
    var required: Bool
    var nullable: Bool
    var testDescription: String { "\(schema) \(path)" }
  }

  static func schema(named name: String) -> JSONValue {
    switch name {
    case "pydantic": FormSchemas.pydantic
    case "zod": FormSchemas.zod
    case "elicitation": FormSchemas.elicitation
    case "draft07": FormSchemas.draft07
    default: FormSchemas.recursive
    }
  }

  static let rows: [Row] = [
    Row(
      schema: "pydantic", path: "/task", kind: "object(title,done)", label: "task",
      required: true, nullable: false),
    Row(
      schema: "pydantic", path: "/task/title", kind: "text", label: "Title", required: true,
      nullable: false),
    Row(
      schema: "pydantic", path: "/task/done", kind: "boolean", label: "Done", required: false,
      nullable: false),
    Row(
      schema: "pydantic", path: "/priority", kind: "choice(low|normal|high)", label: "priority",
      required: false, nullable: false),
    Row(
      schema: "pydantic", path: "/due", kind: "text(date)", label: "Due", required: false,
      nullable: true),
    Row(
      schema: "pydantic", path: "/count", kind: "integer", label: "Count", required: true,
      nullable: false),
    Row(
      schema: "pydantic", path: "/ratio", kind: "number", label: "Ratio", required: false,
      nullable: true),
    Row(
      schema: "pydantic", path: "/tags", kind: "list(text)", label: "Tags", required: false,
      nullable: false),
    Row(
      schema: "pydantic", path: "/subtasks", kind: "list(object(title,done))", label: "Subtasks",
      required: false, nullable: true),
    Row(
      schema: "pydantic", path: "/extra", kind: "raw", label: "Extra", required: false,
      nullable: false),
    Row(
      schema: "pydantic", path: "/anything", kind: "raw", label: "Anything", required: false,
      nullable: false),
    Row(
      schema: "zod", path: "/query", kind: "text", label: "query", required: true,
      nullable: false),
    Row(
      schema: "zod", path: "/limit", kind: "number", label: "limit", required: false,
      nullable: false),
    Row(
      schema: "zod", path: "/mode", kind: "choice(fast|thorough)", label: "mode",
      required: false, nullable: false),
    Row(
      schema: "zod", path: "/filters/since", kind: "text(date-time)", label: "since",
      required: false, nullable: false),
    Row(
      schema: "zod", path: "/filters/labels", kind: "multi(bug|feature|docs)", label: "labels",
      required: false, nullable: false),
    Row(
      schema: "zod", path: "/note", kind: "text", label: "note", required: false,
      nullable: true),
    Row(
      schema: "elicitation", path: "/name", kind: "text", label: "Display Name",
      required: true, nullable: false),
    Row(
      schema: "elicitation", path: "/email", kind: "text(email)", label: "email",
      required: true, nullable: false),
    Row(
      schema: "elicitation", path: "/color", kind: "choice(Red|Green)", label: "Color",
      required: false, nullable: false),
    Row(
      schema: "elicitation", path: "/size", kind: "choice(Small|Medium|Large)", label: "size",
      required: false, nullable: false),
    Row(
      schema: "elicitation", path: "/toppings", kind: "multi(cheese|ham|olives)",
      label: "Toppings", required: false, nullable: false),
    Row(
      schema: "elicitation", path: "/colors", kind: "multi(Red|Blue)", label: "colors",
      required: false, nullable: false),
    Row(
      schema: "draft07", path: "/at", kind: "object(x,y)", label: "at", required: true,
      nullable: false),
    Row(
      schema: "draft07", path: "/path/3/y", kind: "number", label: "y", required: true,
      nullable: false),
    Row(
      schema: "recursive", path: "/root/children", kind: "list(raw)", label: "children",
      required: false, nullable: false),
  ]

  @Test(arguments: rows)
  func `real servers' schemas give the expected field`(row: Row) throws {
    let form = FormModel(schema: Self.schema(named: row.schema))
    let field = try #require(form.field(at: FormSchemas.pointer(row.path)))
    #expect(FormSchemas.describe(field.kind) == row.kind)
    #expect(field.label == row.label)
    #expect(field.required == row.required)
    #expect(field.nullable == row.nullable)
    #expect(field.path == FormSchemas.pointer(row.path))
  }

  @Test func `a choice keeps the values it sends apart from the titles it shows`() throws {
    let form = FormModel(schema: FormSchemas.elicitation)
    let color = try #require(form.field(at: FormSchemas.pointer("/color")))
    #expect(color.options.map(\.value) == ["#FF0000", "#00FF00"])
    let size = try #require(form.field(at: FormSchemas.pointer("/size")))
    #expect(size.options.map(\.value) == ["s", "m", "l"])
  }

  @Test func `descriptions and defaults are read from the property, around its ref`() throws {
    let form = FormModel(schema: FormSchemas.pydantic)
    let due = try #require(form.field(at: FormSchemas.pointer("/due")))
    #expect(due.description == "When it is due")
    #expect(due.defaultValue == .null)
    let priority = try #require(form.field(at: FormSchemas.pointer("/priority")))
    #expect(priority.defaultValue == "normal")
  }

  @Test(arguments: [
    ##"{}"##, ##"{"type": "object"}"##, ##"{"type": "object", "properties": {}}"##,
    ##"{"type": "object", "additionalProperties": false}"##,
  ])
  func `a schema with no properties is a form with no fields whose value is empty`(
    text: String
  ) {
    let form = FormModel(schema: FormSchemas.parse(text))
    #expect(form.fields.isEmpty)
    #expect(form.value == .object(JSONObject()))
    #expect(form.errors.isEmpty)
  }

  @Test(arguments: [
    ##"{"type": "object", "properties": {"u": {"anyOf": [{"type": "object", "properties": {"a": {"type": "string"}}}, {"type": "object", "properties": {"b": {"type": "integer"}}}]}}}"##,
    ##"{"type": "object", "properties": {"u": {"type": ["string", "integer"]}}}"##,
    ##"{"type": "object", "properties": {"u": {"type": "object", "additionalProperties": {"type": "integer"}}}}"##,
    ##"{"type": "object", "properties": {"u": {"description": "no type at all"}}}"##,
    ##"{"type": "object", "properties": {"u": {"type": "array"}}}"##,
    ##"{"type": "object", "properties": {"u": {"$ref": "#/$defs/Missing"}}}"##,
    ##"{"type": "object", "properties": {"u": {"allOf": [{"type": "string"}, {"minLength": 2}]}}}"##,
  ])
  func `what a form cannot express becomes a raw JSON field`(text: String) throws {
    let form = FormModel(schema: FormSchemas.parse(text))
    let field = try #require(form.field(at: FormSchemas.pointer("/u")))
    #expect(field.kind == .raw)
  }

  @Test func `a recursive schema becomes raw where the recursion starts again`() throws {
    let form = FormModel(schema: FormSchemas.recursive)
    let item = try #require(form.field(at: FormSchemas.pointer("/root/children/0")))
    #expect(item.kind == .raw)
    #expect(item.label == "children[0]")
  }

  @Test func `a self-referencing root schema does not loop`() {
    let schema = FormSchemas.parse(
      ##"{"$ref": "#/$defs/A", "$defs": {"A": {"type": "object", "properties": {"next": {"$ref": "#/$defs/A"}, "n": {"type": "integer"}}}}}"##
    )
    let form = FormModel(schema: schema)
    #expect(form.fields.map(\.name) == ["next", "n"])
    #expect(form.fields.first?.kind == .raw)
  }

  @Test func `a union of objects at the root is one raw field`() {
    let schema = FormSchemas.parse(
      ##"{"oneOf": [{"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"]}, {"type": "object", "properties": {"b": {"type": "string"}}, "required": ["b"]}]}"##
    )
    var form = FormModel(schema: schema)
    #expect(form.fields.count == 1)
    #expect(form.root.kind == .raw)
    form.setText(##"{"a": "x"}"##, at: JSONPointer())
    #expect(form.value == ["a": "x"])
    #expect(form.errors.isEmpty)
  }

  @Test func `nullable enums and const-null branches are nullable choices`() throws {
    let schema = FormSchemas.parse(
      ##"{"type": "object", "properties": {"p": {"anyOf": [{"const": "a", "title": "A"}, {"const": "b", "title": "B"}, {"type": "null"}]}, "q": {"anyOf": [{"$ref": "#/$defs/E"}, {"type": "null"}]}}, "$defs": {"E": {"type": "string", "enum": ["x", "y"]}}}"##
    )
    let form = FormModel(schema: schema)
    let p = try #require(form.field(at: FormSchemas.pointer("/p")))
    #expect(FormSchemas.describe(p.kind) == "choice(A|B)")
    #expect(p.nullable)
    let q = try #require(form.field(at: FormSchemas.pointer("/q")))
    #expect(FormSchemas.describe(q.kind) == "choice(x|y)")
    #expect(q.nullable)
  }

  @Test func `pattern is kept as a hint on text fields`() throws {
    let form = FormModel(
      schema: FormSchemas.parse(
        ##"{"type": "object", "properties": {"id": {"type": "string", "pattern": "^[a-z]+$"}}}"##))
    let id = try #require(form.field(at: FormSchemas.pointer("/id")))
    #expect(id.kind == .text(format: nil, pattern: "^[a-z]+$"))
  }
}
