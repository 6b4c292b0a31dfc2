import PreflightJSON
import Testing

@Suite struct SchemaCheckTests {
  /// A schema like the demo's output schemas.
  static let schema: JSONValue = [
    "type": "object",
    "properties": [
      "count": ["type": "integer", "minimum": 0],
      "tasks": ["type": "array", "items": ["type": "object", "required": ["id"]]],
      "status": ["type": "string", "enum": ["open", "done"]],
    ],
    "required": ["count", "tasks"],
    "additionalProperties": false,
  ]

  @Test(
    arguments: [
      (["count": 1, "tasks": [["id": "t1"]]], 0),
      (["tasks": []], 1),
      (["count": -1, "tasks": []], 1),
      (["count": 1.5, "tasks": []], 1),
      (["count": 0, "tasks": [["title": "x"]]], 1),
      (["count": 0, "tasks": [], "status": "late"], 1),
      (["count": 0, "tasks": [], "extra": true], 1),
      ([1, 2], 1),
    ] as [(JSONValue, Int)])
  func `the test schema check finds each kind of violation`(value: JSONValue, expected: Int) {
    #expect(SchemaCheck.violations(of: value, against: Self.schema).count == expected)
  }
}
