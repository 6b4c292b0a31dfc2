import ApprovalPolicy
import HostFlow
import PreflightCore
import PreflightJSON
import PreflightTestSupport
import PreflightUI
import TerminalGrid
import Testing

/// The result view for each kind of answer, as text snapshots.
@Suite struct ResultSnapshotTests {
  static let png =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="

  /// The state after `record` finished, at `width` × `height`.
  static func finished(_ record: CallRecord, width: Int = 80, height: Int = 24) -> AppState {
    var state = UIFixtures.state(width: width, height: height)
    _ = AppUpdate.update(&state, .callFinished(record))
    return state
  }

  static func sent(
    _ name: String, result: JSONValue? = nil, error: JSONValue? = nil
  ) -> CallRecord {
    CallRecord(
      call: ModelCall(name: name, arguments: ["title": "Buy milk"]), approvalRequired: true,
      outcome: ApprovalOutcome(kind: .approved, reason: "approved on the card"), sent: true,
      result: result, error: error, requestSeq: 7, elapsed: .milliseconds(12))
  }

  func render(_ state: AppState) -> String {
    var grid = CellGrid(size: state.size)
    AppRender.render(state, into: &grid)
    return grid.textDump()
  }

  @Test func `structuredContent that matches the outputSchema`() {
    let state = Self.finished(
      Self.sent(
        "create_task",
        result: [
          "content": [["type": "text", "text": #"{"task": {"id": "t3", "title": "Buy milk"}}"#]],
          "structuredContent": ["task": ["id": "t3", "title": "Buy milk"]],
        ]))
    let screen = render(state)
    #expect(screen.contains("✓ matches the tool's outputSchema"))
    #expect(screen.contains("content[0] · text · JSON, pretty-printed"))
    expectSnapshot(screen, named: "result-structured-valid-80x24")
  }

  @Test func `structuredContent that breaks the outputSchema lists each mismatch`() {
    let state = Self.finished(
      Self.sent(
        "create_task",
        result: [
          "content": [["type": "text", "text": "created"]],
          "structuredContent": ["id": "t3", "task": "Buy milk"],
        ]))
    let screen = render(state)
    #expect(screen.contains("✕ does not match the tool's outputSchema: 1 mismatch"))
    #expect(screen.contains("• /task:"))
    expectSnapshot(screen, named: "result-structured-invalid-80x24")
  }

  @Test func `isError is a tool error`() {
    let state = Self.finished(
      Self.sent(
        "create_task",
        result: [
          "content": [["type": "text", "text": "title is too long"]], "isError": true,
        ]))
    let screen = render(state)
    #expect(screen.contains("✕ tool error (isError: true) in 12 ms"))
    expectSnapshot(screen, named: "result-tool-error-80x24")
  }

  @Test func `a JSON-RPC error is a protocol error with code, message and data`() {
    let state = Self.finished(
      Self.sent(
        "create_task",
        error: [
          "code": -32602, "message": "Invalid params: title must be a string",
          "data": ["field": "title", "got": 3],
        ]))
    let screen = render(state)
    #expect(screen.contains("✕ protocol error (JSON-RPC error response) in 12 ms"))
    #expect(screen.contains("code -32602"))
    #expect(screen.contains("\"field\": \"title\""))
    expectSnapshot(screen, named: "result-protocol-error-80x24")
  }

  @Test func `images, audio, embedded resources and a resource link are summarised`() {
    let state = Self.finished(
      Self.sent(
        "list_tasks",
        result: [
          "content": [
            ["type": "image", "data": .string(Self.png), "mimeType": "image/png"],
            ["type": "audio", "data": "UklGRgAAAAA=", "mimeType": "audio/wav"],
            [
              "type": "resource",
              "resource": ["uri": "file:///notes.txt", "mimeType": "text/plain", "text": "hello"],
            ],
            [
              "type": "resource",
              "resource": [
                "uri": "file:///logo.png", "mimeType": "image/png", "blob": .string(Self.png),
              ],
            ],
            [
              "type": "resource_link", "uri": "file:///report.pdf", "name": "report.pdf",
              "mimeType": "application/pdf", "description": "The full report",
            ],
          ]
        ]), width: 100, height: 30)
    let screen = render(state)
    #expect(screen.contains("content[0] · image · image/png · 70 B · s saves it"))
    #expect(screen.contains("content[1] · audio · audio/wav · 8 B · s saves it"))
    #expect(screen.contains("content[2] · resource · text/plain · 5 B text · s saves it"))
    #expect(screen.contains("content[3] · resource · image/png · 70 B blob · s saves it"))
    #expect(screen.contains("content[4] · resource link · report.pdf · application/pdf"))
    expectSnapshot(screen, named: "result-binary-100x30")
  }
}
