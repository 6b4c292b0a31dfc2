import ApprovalPolicy
import PreflightJSON
import Testing

/// chatgpt-approval.md §9.5: which `_meta` hides a tool from the model, and the refusal a
/// model-style call of such a tool gets.
@Suite struct ToolVisibilityTests {
  struct Row: Sendable, CustomTestStringConvertible {
    var meta: JSONValue?
    var hiddenBy: ToolVisibility.Source?
    var testDescription: String { meta.map { JSONPrinter.compact($0) } ?? "no _meta" }
  }

  static let rows: [Row] = [
    Row(meta: nil, hiddenBy: nil),
    Row(meta: [:], hiddenBy: nil),
    Row(meta: ["ui": ["visibility": ["model", "app"]]], hiddenBy: nil),
    Row(meta: ["ui": ["visibility": ["model"]]], hiddenBy: nil),
    Row(meta: ["ui": ["visibility": ["app"]]], hiddenBy: .uiVisibility),
    Row(meta: ["ui": ["visibility": []]], hiddenBy: .uiVisibility),
    // Not an array: ChatGPT's default ["model", "app"] applies.
    Row(meta: ["ui": ["visibility": "app"]], hiddenBy: nil),
    Row(meta: ["openai/visibility": "private"], hiddenBy: .openAIVisibility),
    Row(meta: ["openai/visibility": "public"], hiddenBy: nil),
    Row(meta: ["openai/visibility": "Private"], hiddenBy: nil),
    // The current key wins when both are present and it hides the tool.
    Row(
      meta: ["ui": ["visibility": ["app"]], "openai/visibility": "private"],
      hiddenBy: .uiVisibility),
    // The legacy key still hides a tool whose ui.visibility includes the model.
    Row(
      meta: ["ui": ["visibility": ["model", "app"]], "openai/visibility": "private"],
      hiddenBy: .openAIVisibility),
  ]

  @Test(arguments: rows) func `visibility is read from the raw _meta`(row: Row) {
    var tool: JSONObject = ["name": "refresh", "inputSchema": ["type": "object"]]
    if let meta = row.meta { tool["_meta"] = meta }
    let visibility = ToolVisibility(tool: .object(tool))
    #expect(visibility.hiddenBy == row.hiddenBy)
    #expect(visibility.hiddenFromModel == (row.hiddenBy != nil))
    #expect((visibility.reason != nil) == visibility.hiddenFromModel)
    let refusal = visibility.refusal(toolName: "refresh")
    #expect(refusal?.kind == (visibility.hiddenFromModel ? .refused : nil))
    #expect(refusal?.sendsCall != true)
  }

  @Test func `the refusal names the tool and the key that hides it`() throws {
    let hidden = ToolVisibility(tool: ["name": "x", "_meta": ["ui": ["visibility": ["app"]]]])
    let outcome = try #require(hidden.refusal(toolName: "x"))
    #expect(outcome.reason.contains("x is widget-only"))
    #expect(outcome.reason.contains(#"["app"]"#))
    #expect(outcome.kind.wireLogKind == "approval-refused")
    let legacy = ToolVisibility(tool: ["name": "y", "_meta": ["openai/visibility": "private"]])
    #expect(legacy.reason?.contains("openai/visibility") == true)
  }
}
