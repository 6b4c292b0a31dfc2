import ApprovalPolicy
import HostFlow
import PreflightCore
import PreflightJSON
import PreflightUI
import TerminalGrid
import Testing

/// The result view's layout kept in the state, scrolling, search and saving, through `update`.
@Suite struct ResultScreenTests {
  /// A result whose one text block has `count` numbered lines (`line 1` …).
  static func numbered(_ count: Int, name: String = "list_tasks") -> CallRecord {
    let text = (1...count).map { "line \($0)" }.joined(separator: "\n")
    return CallRecord(
      call: ModelCall(name: name, arguments: [:]), approvalRequired: false,
      outcome: ApprovalOutcome(kind: .notRequired, reason: "read-only"), sent: true,
      result: ["content": [["type": "text", "text": .string(text)]]], elapsed: .milliseconds(1))
  }

  static func keys(_ state: inout AppState, _ keys: Key...) -> [Effect] {
    keys.flatMap { AppUpdate.update(&state, .key($0)) }
  }

  @Test func `the layout is built when a call finishes and rebuilt on a new result`() throws {
    var state = UIFixtures.state()
    _ = AppUpdate.update(&state, .callFinished(Self.numbered(50)))
    let first = try #require(state.resultScreen.layout)
    #expect(first.width == 76)
    #expect(first.generation == state.resultScreen.generation)
    #expect(first.lines.all.contains(StyledLine("  line 50")))

    _ = AppUpdate.update(&state, .callFinished(Self.numbered(5)))
    let second = try #require(state.resultScreen.layout)
    #expect(second.generation == first.generation + 1)
    #expect(!second.lines.all.contains(StyledLine("  line 50")))
    #expect(second.lines.all.contains(StyledLine("  line 5")))
  }

  @Test func `a resize rebuilds the layout for the new width, a height change alone does not`()
    throws
  {
    var state = UIFixtures.state()
    let long = CallRecord(
      call: ModelCall(name: "list_tasks", arguments: [:]), approvalRequired: false,
      outcome: ApprovalOutcome(kind: .notRequired, reason: "read-only"), sent: true,
      result: ["content": [["type": "text", "text": .string(String(repeating: "x", count: 300))]]])
    _ = AppUpdate.update(&state, .callFinished(long))
    let narrow = try #require(state.resultScreen.layout)
    _ = AppUpdate.update(&state, .resized(Size(width: 80, height: 40)))
    #expect(state.resultScreen.layout?.lines.count == narrow.lines.count)
    _ = AppUpdate.update(&state, .resized(Size(width: 160, height: 40)))
    let wide = try #require(state.resultScreen.layout)
    #expect(wide.width == 156)
    #expect(wide.lines.count < narrow.lines.count, "fewer wrapped lines when wider")
  }

  @Test func `End scrolls to the last line and PgUp comes back from there`() {
    var state = UIFixtures.state()
    _ = AppUpdate.update(&state, .callFinished(Self.numbered(100)))
    _ = Self.keys(&state, .end)
    let count = state.resultLineCount ?? 0
    #expect(state.resultScroll == count - 20, "the last page: 20 content rows at 80 × 24")
    _ = Self.keys(&state, .pageUp)
    #expect(state.resultScroll == count - 20 - 19)
    _ = Self.keys(&state, .home)
    #expect(state.resultScroll == 0)
  }

  @Test func `slash searches, n finds the next match, a miss says so`() {
    var state = UIFixtures.state()
    _ = AppUpdate.update(&state, .callFinished(Self.numbered(300)))
    _ = Self.keys(&state, .character("/"), .character("l"), .character("i"))
    #expect(state.resultScreen.typingQuery)
    _ = Self.keys(&state, .character("n"), .character("e"), .character(" "), .character("2"))
    _ = Self.keys(&state, .character("5"), .character("0"), .enter)
    #expect(!state.resultScreen.typingQuery)
    let match = state.resultScreen.match
    let lines = state.resultScreen.layout?.lines
    #expect(match.map { lines?.line($0) } == StyledLine("  line 250"))
    #expect(state.resultScroll == (match ?? 0) - 2)

    _ = Self.keys(&state, .character("/"))
    for c in "LINE 29" { _ = Self.keys(&state, .character(c)) }
    _ = Self.keys(&state, .enter)
    // A new search starts at the top of the screen (line 248 here), so it finds line 290 first.
    #expect(state.resultScreen.match.map { lines?.line($0) } == StyledLine("  line 290"))
    for _ in 0..<10 { _ = Self.keys(&state, .character("n")) }
    #expect(state.resultScreen.match.map { lines?.line($0) } == StyledLine("  line 29"))
    #expect(state.notice == "search wrapped to the top")

    _ = Self.keys(&state, .character("/"), .character("z"), .enter)
    #expect(state.resultScreen.match == nil)
    #expect(state.notice == "not found: z")
  }

  static let withImage = CallRecord(
    call: ModelCall(name: "list_tasks", arguments: [:]), approvalRequired: false,
    outcome: ApprovalOutcome(kind: .notRequired, reason: "read-only"), sent: true,
    result: [
      "content": [
        ["type": "text", "text": "a chart"],
        ["type": "image", "data": "aGVsbG8=", "mimeType": "image/png"],
        ["type": "resource", "resource": ["uri": "file:///a/notes.txt", "text": "hi"]],
      ]
    ])

  @Test func `s asks for a path, Enter saves without overwriting, y overwrites after asking`() {
    var state = UIFixtures.state()
    _ = AppUpdate.update(&state, .callFinished(Self.withImage))
    #expect(state.resultScreen.selectedBlock == 0)
    _ = Self.keys(&state, .character("s"))
    #expect(state.resultScreen.savePath == "content-2.png")
    _ = Self.keys(&state, .backspace, .backspace, .backspace, .character("b"), .character("i"))
    _ = Self.keys(&state, .character("n"))
    var effects = Self.keys(&state, .enter)
    #expect(effects == [.saveFile(.base64("aGVsbG8="), path: "content-2.bin", overwrite: false)])

    _ = AppUpdate.update(&state, .fileSaved(.exists(path: "/tmp/x/content-2.bin")))
    #expect(state.resultScreen.confirmOverwrite)
    #expect(state.notice == "/tmp/x/content-2.bin exists — y overwrites it, n keeps it")
    effects = Self.keys(&state, .character("y"))
    #expect(effects == [.saveFile(.base64("aGVsbG8="), path: "content-2.bin", overwrite: true)])
    _ = AppUpdate.update(&state, .fileSaved(.saved(path: "/tmp/x/content-2.bin", bytes: 5)))
    #expect(state.resultScreen.savePath == nil)
    #expect(state.notice == "saved 5 B to /tmp/x/content-2.bin")
    #expect(state.mode == .result)
  }

  @Test func `Tab selects the next block; a text resource is saved under its own name`() {
    var state = UIFixtures.state()
    _ = AppUpdate.update(&state, .callFinished(Self.withImage))
    _ = Self.keys(&state, .tab, .character("s"))
    #expect(state.resultScreen.selectedBlock == 1)
    #expect(state.resultScreen.savePath == "notes.txt")
    _ = Self.keys(&state, .escape)
    #expect(state.resultScreen.savePath == nil)
    #expect(state.mode == .result, "Esc closes the prompt, not the result")
    #expect(Self.keys(&state, .escape).isEmpty)
    #expect(state.mode == .normal)
  }

  @Test func `a result with nothing to save says so`() {
    var state = UIFixtures.state()
    _ = AppUpdate.update(&state, .callFinished(Self.numbered(3)))
    #expect(Self.keys(&state, .character("s")).isEmpty)
    #expect(state.resultScreen.savePath == nil)
    #expect(state.notice?.hasPrefix("nothing to save") == true)
  }

  @Test func `large structuredContent is shown compact and wrapped, small is pretty`() throws {
    let items = JSONValue.array(
      (0..<50_000).map { ["id": .int($0), "name": .string("record \($0)")] })
    let big = CallRecord(
      call: ModelCall(name: "list_tasks", arguments: [:]), approvalRequired: false,
      outcome: ApprovalOutcome(kind: .notRequired, reason: "read-only"), sent: true,
      result: ["content": [], "structuredContent": ["items": items]])
    var state = UIFixtures.state()
    _ = AppUpdate.update(&state, .callFinished(big))
    let lines = try #require(state.resultScreen.layout?.lines)
    let note = StyledLine("  large: compact JSON, wrapped", Style(dim: true))
    let compact = (0..<min(20, lines.count)).contains { lines.line($0) == note }
    #expect(compact, "a note, then the compact JSON")
    #expect(lines.find("record 49999", after: 0) != nil)
    #expect(ResultLayout.fits(["a": [1, 2, "x"]], within: 100))
    #expect(!ResultLayout.fits(["items": items], within: 100_000))
  }
}
