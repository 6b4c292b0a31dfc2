import HostFlow
import PreflightCore
import PreflightJSON
import PreflightUI
import TerminalGrid
import Testing

/// The raw JSON editor of the call form: form ⇄ JSON, editing, parse errors with line and
/// column, the schema check before sending, and `$EDITOR`'s text coming back.
@Suite struct JSONEditorTests {
  func press(_ state: inout AppState, _ keys: [Key]) -> [Effect] {
    keys.flatMap { AppUpdate.update(&state, .key($0)) }
  }

  func type(_ state: inout AppState, _ text: String) {
    _ = press(&state, text.map { Key.character($0) })
  }

  /// A state with create_task's form open and the title typed.
  func formState() -> AppState {
    var state = UIFixtures.state()
    _ = press(&state, [.down, .character("c")])
    type(&state, "Buy")
    return state
  }

  func sent(_ effects: [Effect]) -> ModelCall? {
    for effect in effects {
      if case .runCall(let request) = effect { return request.call }
    }
    return nil
  }

  @Test func `Ctrl-E shows the form's arguments as JSON and back again`() throws {
    var state = formState()
    _ = press(&state, [.control("e")])
    #expect(state.mode == .jsonEditor)
    let text = try #require(state.form?.editor?.text)
    #expect(text == "{\n  \"title\": \"Buy\",\n  \"priority\": \"normal\"\n}")
    _ = press(&state, [.control("e")])
    #expect(state.mode == .form)
    #expect(state.form?.editor == nil)
    #expect(JSONPrinter.compact(state.form!.model.value) == #"{"title":"Buy","priority":"normal"}"#)
  }

  @Test func `an edit in JSON comes back to the form when the form can hold it`() throws {
    var state = formState()
    _ = press(&state, [.control("e"), .end])
    type(&state, #" "tags": ["a", "b"],"#)
    _ = press(&state, [.control("e")])
    #expect(state.mode == .form, "\(state.notice ?? "")")
    let value = try #require(state.form?.model.value)
    #expect(value["tags"] == ["a", "b"])
    #expect(state.form?.model.rows.contains { $0.field.path.description == "/tags/1" } == true)
  }

  @Test func `JSON the form cannot hold stays in the editor, and can still be sent`() throws {
    var state = formState()
    _ = press(&state, [.control("e"), .end])
    type(&state, #" "extra": 1,"#)
    _ = press(&state, [.control("e")])
    #expect(state.mode == .jsonEditor)
    #expect(state.notice?.contains("cannot hold") == true)
  }

  @Test func `a parse error names its line and column and moves the cursor there`() throws {
    var state = formState()
    _ = press(&state, [.control("e"), .end, .backspace])  // drop the comma
    let effects = press(&state, [.control("d")])
    #expect(effects.isEmpty, "nothing is sent")
    #expect(state.mode == .jsonEditor)
    let errors = try #require(state.form?.editorErrors)
    #expect(errors.count == 1)
    #expect(errors[0].hasPrefix("line 3, column 3: "), "\(errors)")
    #expect(state.form?.editor?.row == 2 && state.form?.editor?.column == 2)
    #expect(state.notice == "fix the JSON first; nothing was sent")
  }

  @Test func `schema findings stop the call`() throws {
    var state = formState()
    _ = press(&state, [.control("e"), .down, .end])
    type(&state, #", "tags": "x""#)
    #expect(
      state.form?.editor?.text.contains(#""normal", "tags": "x""#) == true,
      "\(state.form?.editor?.text ?? "")")
    #expect(press(&state, [.function(5)]).isEmpty, "\(state.mode)")
    let errors = try #require(state.form?.editorErrors)
    #expect(errors.contains { $0.hasPrefix("/tags: ") }, "\(errors)")
  }

  @Test func `Enter breaks the line and Ctrl-D sends the edited arguments`() throws {
    var state = formState()
    _ = press(&state, [.control("e"), .end, .enter])
    type(&state, #""tags": ["x"],"#)
    #expect(state.form?.editor?.lines.count == 5)
    let effects = press(&state, [.control("d")])
    // create_task is a write tool: the chatgpt policy asks first.
    #expect(effects.isEmpty)
    #expect(state.mode == .approval)
    let call = try #require(state.approval?.call)
    #expect(call.name == "create_task")
    #expect(call.arguments?["tags"] == ["x"])
    #expect(state.lastArguments["create_task"]?["tags"] == ["x"], "the form will remember them")
  }

  @Test func `the arguments must be an object`() throws {
    var state = UIFixtures.state()
    _ = press(&state, [.character("c"), .control("e")])
    for _ in 0..<20 { _ = press(&state, [.delete, .backspace]) }
    type(&state, "[1]")
    #expect(press(&state, [.control("d")]).isEmpty)
    #expect(state.form?.editorErrors == ["the arguments must be a JSON object, not array"])
  }

  @Test func `Ctrl-O asks for $EDITOR with the arguments, and its text comes back checked`()
    throws
  {
    var state = formState()
    let effects = press(&state, [.control("o")])
    #expect(effects == [.editInEditor("{\n  \"title\": \"Buy\",\n  \"priority\": \"normal\"\n}")])
    _ = AppUpdate.update(
      &state, .editorClosed(text: #"{"title": "From the editor", "tags": ["e"]}"#, failure: nil))
    #expect(state.mode == .jsonEditor)
    #expect(state.form?.editorErrors == [])
    #expect(state.notice == "arguments read back from $EDITOR and valid: Ctrl-D calls")
    _ = press(&state, [.control("d")])
    #expect(state.approval?.call.arguments?["title"] == "From the editor")
  }

  @Test func `a failed $EDITOR leaves the form as it was and says why`() {
    var state = formState()
    _ = press(&state, [.control("o")])
    _ = AppUpdate.update(
      &state, .editorClosed(text: nil, failure: "$EDITOR (vi) exited with status 1"))
    #expect(state.mode == .form)
    #expect(state.form?.editor == nil)
    #expect(state.notice == "$EDITOR (vi) exited with status 1")
    #expect(state.form?.model.value["title"] == "Buy")
  }

  @Test func `invalid JSON from $EDITOR is shown with where it broke`() throws {
    var state = formState()
    _ = AppUpdate.update(&state, .editorClosed(text: "{\n  \"title\": \n}", failure: nil))
    #expect(state.mode == .jsonEditor)
    let errors = try #require(state.form?.editorErrors)
    #expect(errors.first?.hasPrefix("line 3, column 1: ") == true, "\(errors)")
  }

  @Test func `Esc closes the editor and sends nothing`() {
    var state = formState()
    let effects = press(&state, [.control("e"), .escape])
    #expect(effects.isEmpty)
    #expect(state.mode == .normal && state.form == nil)
  }
}
