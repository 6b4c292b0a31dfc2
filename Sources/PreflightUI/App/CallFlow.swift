import ApprovalPolicy
import HostFlow
import PreflightJSON

/// The TUI's side of ChatGPT's host flow: the form, the check, the decision, the card.
/// Pure: it changes the state and asks for ``Effect/callTool(_:tool:answer:ledger:)``.
enum CallFlow {
  /// Opens the form for the selected tool, prefilled with its last arguments.
  static func openForm(_ state: inout AppState) {
    guard state.connection == .ready, let item = state.tools.selected else {
      state.notice = "not connected — nothing to call"
      return
    }
    state.form = CallForm(tool: item.raw, previous: state.lastArguments[item.name])
    state.mode = .form
  }

  /// Types a character into the field being edited.
  static func type(_ c: Character, _ state: inout AppState) {
    guard var form = state.form else { return }
    let rows = form.model.rows
    guard rows.indices.contains(form.row) else { return }
    let path = rows[form.row].field.path
    form.model.setText(form.model.text(at: path) + String(c), at: path)
    state.form = form
  }

  /// Deletes the last character of the field being edited (an emptied field is not set).
  static func deleteCharacter(_ state: inout AppState) {
    guard var form = state.form else { return }
    let rows = form.model.rows
    guard rows.indices.contains(form.row) else { return }
    let path = rows[form.row].field.path
    var text = form.model.text(at: path)
    guard !text.isEmpty else { return }
    text.removeLast()
    if text.isEmpty {
      form.model.clear(at: path)
    } else {
      form.model.setText(text, at: path)
    }
    state.form = form
  }

  /// Checks the form; with no errors, decides as the policy says: runs at once, opens the
  /// card, or refuses (still through the host flow, so the wire log records it).
  static func submit(_ state: inout AppState) -> [Effect] {
    guard var form = state.form else { return [] }
    form.triedSubmit = true
    state.form = form
    guard form.model.errors.isEmpty else {
      state.notice = "fix the fields marked ✕ first; nothing was sent"
      return []
    }
    return dispatch(
      ModelCall(name: form.toolName, arguments: form.model.value), tool: form.tool, &state)
  }

  /// Sends a checked call through the policy (the form's, the JSON editor's, or a repeat):
  /// remembers its arguments for the tool's form, then runs it at once, opens the card, or
  /// refuses (still through the host flow, so the wire log records it).
  static func dispatch(_ call: ModelCall, tool: JSONValue, _ state: inout AppState) -> [Effect] {
    state.lastArguments[call.name] = call.arguments ?? .object(JSONObject())
    state.form = nil
    // The host flow's own decision, so a widget-only tool is refused (no card) as it will be.
    let decision = ModelCallRunner(
      server: state.server?.name ?? "", policy: state.policy, conversation: state.conversation,
      ledger: state.ledger
    ).decide(tool: tool)
    if case .ask(let card) = decision {
      state.approval = PendingApproval(card: card, call: call, tool: tool)
      state.mode = .approval
      return []
    }
    state.mode = .normal
    state.busy = true
    state.notice = invoking(tool, call.name)
    return [.callTool(call, tool: tool, answer: nil, ledger: state.ledger)]
  }

  /// The tool's `openai/toolInvocation/invoking` text (shown while it runs, as ChatGPT does),
  /// or "calling NAME…".
  static func invoking(_ tool: JSONValue, _ name: String) -> String {
    tool["_meta"]?["openai/toolInvocation/invoking"]?.stringValue.map { "\($0)  (\(name))" }
      ?? "calling \(name)…"
  }

  /// The tool's `openai/toolInvocation/invoked` text, shown after the call.
  static func invoked(_ tool: JSONValue?, _ name: String) -> String? {
    tool?["_meta"]?["openai/toolInvocation/invoked"]?.stringValue.map { "\($0)  (\(name))" }
  }

  /// Settles the card; the ledger changes only when the box is ticked and the policy allows.
  static func answer(_ choice: ApprovalChoice, _ state: inout AppState) -> [Effect] {
    guard let pending = state.approval else { return [] }
    let ledgerBefore = state.ledger
    let (ledger, _) = ApprovalPolicy.resolve(
      pending.card, choice: choice, remember: pending.remember, ledger: state.ledger)
    state.ledger = ledger
    state.approval = nil
    state.mode = .normal
    state.busy = choice == .approve
    state.notice = choice == .approve ? invoking(pending.tool, pending.call.name) : nil
    return [
      .callTool(
        pending.call, tool: pending.tool,
        answer: ApprovalAnswer(choice, remember: pending.remember), ledger: ledgerBefore)
    ]
  }
}
