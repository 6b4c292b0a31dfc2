import ApprovalPolicy
import HostFlow
import PreflightCore
import PreflightJSON
import PreflightTestSupport
import PreflightUI
import TerminalGrid
import Testing

/// The request `_meta` overlay (`m`, issue 12 §1): what the next model-style call carries, edited
/// in the TUI and carried by every following `Effect.runCall`.
@Suite struct RequestMetaEditTests {
  static let subject = "v1/0123456789abcdef0123456789abcdef"

  /// The chatgpt profile's keys as the session sends them in `conversation`.
  static func profileMeta(_ profile: ClientProfile = .chatgpt, conversation: String) -> JSONObject {
    var meta = profile.toolCallMeta.objectValue ?? JSONObject()
    if meta["openai/subject"] != nil { meta["openai/subject"] = .string(subject) }
    if meta["openai/session"] != nil {
      meta["openai/session"] = .string("v1/session-\(conversation)")
    }
    return meta
  }

  /// The fixture state, connected, with the session's keys for conversation-1 known.
  static func state(
    _ profile: ClientProfile = .chatgpt, commandLine: JSONObject = JSONObject()
  ) -> AppState {
    var state = UIFixtures.state()
    state.header.profile = profile.name
    _ = AppUpdate.update(
      &state,
      .requestMetaKnown(
        conversation: "conversation-1",
        profile: profileMeta(profile, conversation: "conversation-1"),
        commandLine: commandLine))
    return state
  }

  func press(_ state: inout AppState, _ keys: Key...) -> [Effect] {
    keys.flatMap { AppUpdate.update(&state, .key($0)) }
  }

  func type(_ state: inout AppState, _ text: String) {
    for c in text { _ = AppUpdate.update(&state, .key(.character(c))) }
  }

  /// Calls list_tasks (read-only: it runs at once) and returns the request the runner gets.
  func callListTasks(_ state: inout AppState) throws -> ToolCallRequest {
    state.mode = .normal
    state.tools.selectedName = "list_tasks"
    let effects = press(&state, .character("c"), .enter)
    guard case .runCall(let request) = try #require(effects.last) else {
      Issue.record("no runCall: \(effects)")
      throw CancellationError()
    }
    return request
  }

  /// Opens the editor from the overlay and replaces its text.
  func edit(_ state: inout AppState, to text: String) {
    _ = press(&state, .character("m"), .character("e"))
    #expect(state.mode == .metaEditor)
    state.form?.editor = TextArea(text)
  }

  func render(_ state: AppState) -> String {
    var grid = CellGrid(size: state.size)
    AppRender.render(state, into: &grid)
    return grid.textDump()
  }

  // MARK: - Pure update

  @Test func `m lists each key with its value and source, and closes again`() {
    var state = Self.state(commandLine: ["openai/locale": "fr-FR", "x-trace": true])
    _ = press(&state, .character("m"))
    #expect(state.mode == .requestMeta)
    let rows = state.requestMeta.rows
    #expect(
      rows.map(\.key) == [
        "openai/locale", "openai/userAgent", "openai/userLocation", "openai/subject",
        "openai/session", "openai/organization", "x-trace",
      ])
    #expect(rows[0].source == .commandLine && rows[0].value == "fr-FR")
    #expect(rows[1].source == .profile)
    #expect(rows[3].value == .string(Self.subject))
    #expect(rows[4].value == "v1/session-conversation-1")
    #expect(rows[4].sourceText == "profile, per conversation")
    #expect(rows[6].source == .commandLine)
    _ = press(&state, .escape)
    #expect(state.mode == .normal)
  }

  @Test func `typing in the editor changes openai locale and the next call carries it`() throws {
    var state = Self.state()
    _ = press(&state, .character("m"), .character("e"))
    #expect(state.mode == .metaEditor)
    // The cursor starts on line 2, the first key: `  "openai/locale": "en-US",`.
    _ = press(&state, .end)
    for _ in 0..<"\"en-US\",".count { _ = press(&state, .backspace) }
    type(&state, "\"fr-FR\",")
    _ = press(&state, .control("d"))
    #expect(state.mode == .requestMeta, "\(state.form?.editorErrors ?? [])")
    #expect(state.requestMeta.override == ["openai/locale": "fr-FR"])
    #expect(state.requestMeta.rows[0].source == .edited)
    #expect(state.notice?.contains("1 key set, 0 not sent") == true)
    let request = try callListTasks(&state)
    #expect(request.metaOverride == ["openai/locale": "fr-FR"])
    #expect(request.conversation == "conversation-1")
  }

  @Test func `invalid JSON is reported by line and column and changes nothing`() {
    var state = Self.state()
    edit(&state, to: "{\n  \"openai/locale\": \"fr-FR\"\n  \"x\": 1\n}")
    _ = press(&state, .control("d"))
    #expect(state.mode == .metaEditor)
    #expect(state.form?.editorErrors.first?.hasPrefix("line 3, column 3:") == true)
    #expect(state.form?.editor?.row == 2, "the cursor goes where parsing stopped")
    #expect(!state.requestMeta.isEdited)
    #expect(render(state).contains("✕ line 3, column 3"))
    state.form?.editor = TextArea("[1]")
    _ = press(&state, .control("d"))
    #expect(state.form?.editorErrors == ["_meta must be a JSON object, not array"])
    state.form?.editor = TextArea(#"{"a": 1, "a": 2}"#)
    _ = press(&state, .control("d"))
    #expect(state.form?.editorErrors == [#""a" appears more than once"#])
    _ = press(&state, .escape)
    #expect(state.mode == .requestMeta && state.form == nil && !state.requestMeta.isEdited)
  }

  @Test func `ctrl-o hands the meta to the external editor and checks what comes back`() {
    var state = Self.state()
    _ = press(&state, .character("m"), .character("e"))
    let effects = press(&state, .control("o"))
    guard case .editInEditor(let text) = effects.first else {
      Issue.record("\(effects)")
      return
    }
    #expect(text.contains(#""openai/session": "v1/session-conversation-1""#))
    _ = AppUpdate.update(&state, .editorClosed(text: "{\n  \"a\": ,\n}", failure: nil))
    #expect(state.mode == .metaEditor)
    #expect(state.form?.editorErrors.first?.hasPrefix("line 2, column 8:") == true)
    _ = AppUpdate.update(
      &state, .editorClosed(text: #"{"openai/locale": "pt-BR"}"#, failure: nil))
    #expect(state.form?.editorErrors == [])
    _ = press(&state, .control("d"))
    #expect(state.requestMeta.sent.keys == ["openai/locale"], "every other key removed")
    #expect(state.requestMeta.sent["openai/locale"] == "pt-BR")
  }

  @Test func `a refresh diff that came while the overlay was open shows when it closes`() {
    var state = Self.state()
    _ = press(&state, .character("m"))
    state.refreshUnseen = true
    _ = press(&state, .escape)
    #expect(state.mode == .refreshDiff)
  }

  @Test func `d stops sending a profile key and the call carries a null for it`() throws {
    var state = Self.state()
    _ = press(&state, .character("m"), .character("j"), .character("d"))
    #expect(state.requestMeta.override == ["openai/userAgent": .null])
    let row = state.requestMeta.rows[1]
    #expect(!row.sent && row.sourceText == "not sent (removed here)")
    #expect(state.requestMeta.sent["openai/userAgent"] == nil)
    let request = try callListTasks(&state)
    #expect(request.metaOverride == ["openai/userAgent": .null])
    _ = press(&state, .character("m"), .character("d"))  // the selection stays on the key
    #expect(!state.requestMeta.isEdited, "d again sends it again")
  }

  @Test func `deleting a line or writing null in the editor removes the key, new keys are added`() {
    var state = Self.state()
    var merged = state.requestMeta.merged
    merged["openai/organization"] = nil
    merged["openai/userAgent"] = .null
    merged["x-tenant"] = "acme"
    edit(&state, to: JSONPrinter.pretty(.object(merged)))
    _ = press(&state, .control("d"))
    #expect(
      state.requestMeta.override == [
        "openai/userAgent": .null, "x-tenant": "acme", "openai/organization": .null,
      ])
    #expect(
      state.requestMeta.sent.keys == [
        "openai/locale", "openai/userLocation", "openai/subject", "openai/session", "x-tenant",
      ])
    #expect(state.requestMeta.rows.last?.source == .added)
  }

  @Test func `r resets to the profile's values`() throws {
    var state = Self.state()
    _ = press(&state, .character("m"), .character("d"))
    #expect(state.requestMeta.isEdited)
    _ = press(&state, .character("r"))
    #expect(!state.requestMeta.isEdited)
    #expect(state.notice?.hasPrefix("request _meta reset") == true)
    #expect(try callListTasks(&state).metaOverride == nil)
  }

  @Test func `a new conversation changes openai session unless it is pinned`() throws {
    var state = Self.state()
    state.requestMeta.override = ["openai/locale": "fr-FR"]
    let effects = press(&state, .character("n"))
    #expect(effects == [.startConversation("conversation-2")])
    _ = AppUpdate.update(
      &state,
      .requestMetaKnown(
        conversation: "conversation-2",
        profile: Self.profileMeta(conversation: "conversation-2"), commandLine: JSONObject()))
    #expect(state.requestMeta.sent["openai/session"] == "v1/session-conversation-2")
    let unpinned = try callListTasks(&state)
    #expect(unpinned.conversation == "conversation-2")
    #expect(unpinned.metaOverride == ["openai/locale": "fr-FR"], "the session follows the call")
    // Pinned: the current session stays through the next new conversation.
    _ = press(&state, .escape, .character("m"), .character("s"))
    #expect(state.requestMeta.rows[4].sourceText == "edited here, pinned")
    _ = press(&state, .escape, .character("n"))
    _ = AppUpdate.update(
      &state,
      .requestMetaKnown(
        conversation: "conversation-3",
        profile: Self.profileMeta(conversation: "conversation-3"), commandLine: JSONObject()))
    #expect(state.requestMeta.sent["openai/session"] == "v1/session-conversation-2")
    let pinned = try callListTasks(&state)
    #expect(pinned.conversation == "conversation-3")
    #expect(pinned.metaOverride?["openai/session"] == "v1/session-conversation-2")
    // Re-editing leaves the pin alone; s unpins.
    _ = press(&state, .escape, .character("m"), .character("e"), .control("d"))
    #expect(state.requestMeta.override["openai/session"] == "v1/session-conversation-2")
    _ = press(&state, .character("s"))
    #expect(state.requestMeta.override["openai/session"] == nil)
    #expect(state.requestMeta.sent["openai/session"] == "v1/session-conversation-3")
  }

  @Test func `the card, repeat and the scenario carry the edits too`() throws {
    var state = Self.state()
    state.requestMeta.override = ["openai/locale": "ja-JP"]
    state.scenario = ScenarioWalk(
      file: "calls.json", calls: [ModelCall(name: "create_task", arguments: ["title": "Milk"])])
    _ = press(&state, .character("]"))
    #expect(state.mode == .approval)
    #expect(render(state).contains("Request _meta edited with m"))
    _ = press(&state, .character("v"))
    let request = RequestPreviewProbe.text(state)
    #expect(request.contains(#""openai/locale": "ja-JP""#))
    #expect(request.contains("v1/session-conversation-1"))
    let approved = press(&state, .character("a"))
    guard case .runCall(let fromCard) = try #require(approved.first) else {
      Issue.record("\(approved)")
      return
    }
    #expect(fromCard.metaOverride == ["openai/locale": "ja-JP"])
    _ = AppUpdate.update(
      &state,
      .callFinished(
        CallRecord(
          call: ModelCall(name: "list_tasks"), approvalRequired: false,
          outcome: ApprovalOutcome(kind: .notRequired, reason: "read-only"), sent: true,
          result: ["content": []], requestSeq: 1)))
    state.mode = .normal
    let repeated = press(&state, .character("."))
    guard case .runCall(let again) = try #require(repeated.first) else {
      Issue.record("\(repeated)")
      return
    }
    #expect(again.metaOverride == ["openai/locale": "ja-JP"])
  }

  @Test func `the share line sends the same meta with request-meta inline`() {
    var state = Self.state(commandLine: ["x-trace": true])
    state.requestMeta.override = [
      "openai/locale": "fr-FR", "openai/userAgent": .null, "api_token": "abcd1234",
    ]
    _ = AppUpdate.update(
      &state,
      .callFinished(
        CallRecord(
          call: ModelCall(name: "list_tasks", arguments: ["status": "open"]),
          approvalRequired: false,
          outcome: ApprovalOutcome(kind: .notRequired, reason: "read-only"), sent: true,
          result: ["content": []])))
    _ = press(&state, .character("y"))
    #expect(
      state.sharedCommand
        == "preflight call --args '{\"status\":\"open\"}' --request-meta "
        + "'{\"x-trace\":true,\"openai/locale\":\"fr-FR\",\"openai/userAgent\":null,"
        + "\"api_token\":\"***\"}' list_tasks")
  }

  @Test func `the header says meta edited and the export records the meta`() {
    var state = Self.state()
    #expect(!render(state).contains("meta: edited"))
    state.requestMeta.override = ["openai/locale": "fr-FR"]
    #expect(render(state).contains("meta: edited"))
    var record = CallRecord(
      call: ModelCall(name: "list_tasks"), approvalRequired: false,
      outcome: ApprovalOutcome(kind: .notRequired, reason: "read-only"), sent: true,
      result: ["content": []])
    record.requestMeta = ["openai/locale": "fr-FR", "progressToken": "preflight-1"]
    _ = AppUpdate.update(&state, .callFinished(record))
    state.mode = .normal
    let effects = press(&state, .character("E"), .enter)
    guard case .exportTranscript(_, let document) = effects.first else {
      Issue.record("\(effects)")
      return
    }
    #expect(document["requestMetaEdits"] == ["openai/locale": "fr-FR"])
    #expect(document["calls"]?[0]?["requestMeta"]?["openai/locale"] == "fr-FR")
  }

  @Test func `the editor waits until the session said the conversation's keys`() {
    var state = UIFixtures.state()
    _ = press(&state, .character("m"))
    #expect(render(state).contains("The keys show once the session is connected."))
    _ = press(&state, .character("e"))
    #expect(state.mode == .requestMeta)
    #expect(state.notice?.contains("not said this conversation's keys yet") == true)
  }

  // MARK: - Snapshots

  @Test(arguments: [ClientProfile.chatgpt, .chatgpt2025, .full])
  func `the overlay under each profile at 80 by 24`(profile: ClientProfile) {
    var state = Self.state(profile)
    _ = press(&state, .character("m"))
    let text = render(state)
    expectSnapshot(text, named: "request-meta-\(profile.name)-80x24")
  }

  @Test func `the overlay with edits and the editor at 80 by 24`() {
    var state = Self.state(commandLine: ["openai/organization": "org-cli"])
    state.requestMeta.override = ["openai/locale": "fr-FR", "openai/userAgent": .null]
    _ = press(&state, .character("m"), .character("j"))
    expectSnapshot(render(state), named: "request-meta-edited-80x24")
    _ = press(&state, .character("e"))
    expectSnapshot(render(state), named: "request-meta-editor-80x24")
  }
}

/// The card's request view as text.
enum RequestPreviewProbe {
  static func text(_ state: AppState) -> String {
    var state = state
    state.size = Size(width: 100, height: 60)
    var grid = CellGrid(size: state.size)
    AppRender.render(state, into: &grid)
    return grid.textDump()
  }
}
