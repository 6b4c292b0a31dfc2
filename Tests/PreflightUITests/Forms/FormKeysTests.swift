import HostFlow
import PreflightCore
import PreflightJSON
import PreflightUI
import TerminalGrid
import Testing

/// Form-to-arguments as a table: keys pressed at fields of a form with every kind of field →
/// the arguments sent, or the error shown at a field. Only the form's keys are used.
@Suite struct FormKeysTests {
  static let everyKind = FormSchemas.parse(
    #"""
    {
      "type": "object",
      "properties": {
        "name": {"type": "string", "minLength": 1},
        "email": {"type": "string", "format": "email"},
        "code": {"type": "string", "pattern": "^[A-Z]{3}$"},
        "count": {"type": "integer", "minimum": 1},
        "ratio": {"type": "number"},
        "flag": {"type": "boolean"},
        "size": {"type": "string", "enum": ["s", "m", "l"], "enumNames": ["Small", "Medium", "Large"]},
        "mode": {"oneOf": [{"const": "fast", "title": "Fast"}, {"const": "safe", "title": "Safe"}]},
        "colors": {"type": "array", "items": {"type": "string", "enum": ["red", "green"]}},
        "tags": {"type": "array", "items": {"type": "string"}},
        "steps": {"type": "array", "items": {"$ref": "#/$defs/Step"}},
        "owner": {"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"]},
        "note": {"anyOf": [{"type": "string"}, {"type": "null"}], "default": null},
        "anything": {}
      },
      "required": ["name"],
      "$defs": {"Step": {"type": "object", "properties": {"n": {"type": "integer"}}, "required": ["n"]}}
    }
    """#)

  static let tool: JSONValue = [
    "name": "every_kind", "inputSchema": everyKind,
    "annotations": ["readOnlyHint": true],
  ]

  enum Expected: Sendable {
    /// The arguments sent (besides `"name": "Ada"`, typed first in every entry but one).
    case sends(JSONValue)
    /// Nothing is sent; this error is shown at this field.
    case error(String, String)
  }

  struct Entry: Sendable, CustomTestStringConvertible {
    var field: String
    var keys: [Key]
    var expected: Expected
    var typeName = true
    var testDescription: String {
      "\(field): " + keys.map(KeyBinding.name(of:)).joined(separator: " ")
    }
  }

  static func text(_ s: String) -> [Key] { s.map { Key.character($0) } }

  static let entries: [Entry] = [
    Entry(field: "/name", keys: [], expected: .error("/name", "name is required"), typeName: false),
    Entry(
      field: "/email", keys: text("a@example.com"), expected: .sends(["email": "a@example.com"])),
    Entry(field: "/email", keys: text("nope"), expected: .error("/email", "email")),
    Entry(field: "/code", keys: text("ABC"), expected: .sends(["code": "ABC"])),
    Entry(field: "/code", keys: text("abc"), expected: .error("/code", "pattern")),
    Entry(field: "/count", keys: text("12"), expected: .sends(["count": 12])),
    Entry(field: "/count", keys: text("0"), expected: .error("/count", "count must be at least 1")),
    Entry(field: "/count", keys: text("x"), expected: .error("/count", "count must be an integer")),
    Entry(field: "/ratio", keys: text("2.50"), expected: .sends(["ratio": .number("2.50")])),
    Entry(field: "/flag", keys: [.character(" ")], expected: .sends(["flag": true])),
    Entry(field: "/flag", keys: text("  "), expected: .sends(["flag": false])),
    Entry(field: "/flag", keys: text("t"), expected: .sends(["flag": true])),
    Entry(field: "/flag", keys: [.right], expected: .sends(["flag": true])),
    Entry(field: "/size", keys: [.right], expected: .sends(["size": "s"])),
    Entry(field: "/size", keys: [.right, .right], expected: .sends(["size": "m"])),
    Entry(field: "/size", keys: [.left], expected: .sends(["size": "l"])),
    Entry(field: "/size", keys: [.right, .left], expected: .sends([:])),
    Entry(field: "/size", keys: text("Large"), expected: .sends(["size": "l"])),
    Entry(field: "/size", keys: text("me"), expected: .sends(["size": "m"])),
    Entry(
      field: "/size", keys: text("Lx") + [.backspace] + text("s"), expected: .sends(["size": "s"])),
    Entry(field: "/size", keys: text("xl"), expected: .error("/size", "must be one of")),
    Entry(
      field: "/mode", keys: [.character(" "), .character(" ")], expected: .sends(["mode": "safe"])),
    Entry(field: "/colors", keys: [.character(" ")], expected: .sends(["colors": ["red"]])),
    Entry(
      field: "/colors", keys: [.right, .character(" "), .left, .character(" ")],
      expected: .sends(["colors": ["red", "green"]])),
    Entry(field: "/tags", keys: [.control("n")] + text("x"), expected: .sends(["tags": ["x"]])),
    Entry(
      field: "/tags", keys: [.control("n")] + text("a") + [.control("n")] + text("b"),
      expected: .sends(["tags": ["a", "b"]])),
    Entry(
      field: "/tags",
      keys: [.control("n")] + text("a") + [.control("n")] + text("b") + [.control("x")],
      expected: .sends(["tags": ["a"]])),
    Entry(
      field: "/steps", keys: [.control("n"), .down] + text("3"),
      expected: .sends(["steps": [["n": 3]]])),
    Entry(field: "/steps", keys: [.control("n")], expected: .error("/steps/0/n", "is required")),
    Entry(field: "/owner/name", keys: text("Bo"), expected: .sends(["owner": ["name": "Bo"]])),
    Entry(field: "/owner", keys: [], expected: .sends([:])),
    // A nullable text field takes "null" as text; left alone it is left out.
    Entry(field: "/note", keys: text("null"), expected: .sends(["note": "null"])),
    Entry(field: "/note", keys: [], expected: .sends([:])),
    Entry(field: "/note", keys: [.control("u")], expected: .sends(["note": .null])),
    Entry(field: "/note", keys: [.control("u"), .backspace], expected: .sends([:])),
    Entry(field: "/count", keys: [.control("u")], expected: .sends([:])),
    Entry(field: "/note", keys: text("hi"), expected: .sends(["note": "hi"])),
    Entry(field: "/anything", keys: text("hello"), expected: .sends(["anything": "hello"])),
    Entry(field: "/anything", keys: text("42"), expected: .sends(["anything": 42])),
    Entry(field: "/anything", keys: text("[1"), expected: .error("/anything", "not valid JSON")),
  ]

  static func go(to path: String, _ state: inout AppState) {
    for _ in 0..<40 {
      guard let form = state.form else { return }
      if form.model.rows[form.row].field.path.description == path { return }
      _ = AppUpdate.update(&state, .key(.down))
    }
    Issue.record("no row \(path)")
  }

  @Test(arguments: entries)
  func `keys at a field make the arguments or an error there`(entry: Entry) throws {
    var state = UIFixtures.state(tools: [Self.tool])
    _ = AppUpdate.update(&state, .key(.character("c")))
    try #require(state.mode == .form)
    if entry.typeName {
      for key in Self.text("Ada") { _ = AppUpdate.update(&state, .key(key)) }
    }
    Self.go(to: entry.field, &state)
    for key in entry.keys { _ = AppUpdate.update(&state, .key(key)) }
    let effects = AppUpdate.update(&state, .key(.enter))
    switch entry.expected {
    case .sends(let expected):
      var members = expected.objectValue?.members ?? []
      members.insert(JSONMember(key: "name", value: "Ada"), at: 0)
      let sent = effects.compactMap { effect -> ModelCall? in
        if case .runCall(let request) = effect { return request.call }
        return nil
      }
      try #require(sent.count == 1, "nothing sent: \(state.form?.model.errors ?? [])")
      let arguments = try #require(sent[0].arguments)
      #expect(
        Self.sameMembers(arguments, .object(JSONObject(members))),
        "\(JSONPrinter.compact(arguments))")
    case .error(let path, let message):
      #expect(effects.isEmpty, "nothing may be sent")
      #expect(state.mode == .form)
      let errors = state.form?.model.errors ?? []
      #expect(
        errors.contains { $0.path.description == path && $0.message.contains(message) },
        "errors: \(errors)")
      // The error is drawn under its field.
      var grid = CellGrid(size: Size(width: 100, height: 40))
      state.size = Size(width: 100, height: 40)
      Self.go(to: path, &state)
      AppRender.render(state, into: &grid)
      #expect(grid.textDump().contains("✕"), "the error is on screen")
    }
  }

  static func sameMembers(_ a: JSONValue, _ b: JSONValue) -> Bool {
    guard let x = a.objectValue, let y = b.objectValue, x.count == y.count else { return a == b }
    return x.members.allSatisfy { y[$0.key] == $0.value }
  }
}
