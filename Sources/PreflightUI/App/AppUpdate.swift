import PreflightCore
import TerminalGrid

/// The state machine: every change to ``AppState`` happens here, without I/O or a clock.
public enum AppUpdate {
  /// Applies a message; returns the effects to run.
  public static func update(_ state: inout AppState, _ msg: Msg, keys: KeyMap = .standard)
    -> [Effect]
  {
    switch msg {
    case .key(let key):
      state.notice = nil
      return handle(key, &state, keys)
    case .resized(let size):
      state.size = size
      ResultFlow.resized(&state)
      if state.frameLines != nil { FrameView.layOut(&state) }
      return []
    case .connected(let info):
      state.server = info
      state.connection = .ready
      state.tools.loading = true
      return [.refreshTools]
    case .connectionFailed(let why):
      state.connection = .failed(why)
      state.tools.loading = false
      state.log.note(
        tag: "connect", text: "could not connect: " + why, time: state.wire.rows.last?.time ?? "")
      return []
    case .toolsLoaded(let listing):
      let server = state.server?.name ?? ""
      ConversationFlow.snapshotTaken(listing.tools, &state)
      if state.tools.listedOnce {
        let diff = ToolDiff.between(state.tools.items.map(\.raw), listing.tools)
        state.tools.lastDiff = diff
        state.log.note(
          tag: "tools",
          text: diff.isEmpty ? "tools listed again: no change" : "tools changed: " + diff.summary,
          time: state.wire.rows.last?.time ?? "")
        state.notice =
          diff.isEmpty ? "tools listed again: no change" : "tools changed: " + diff.summary
      }
      state.tools.listedOnce = true
      state.tools.items = listing.tools.map {
        ToolItem(raw: $0, server: server, policy: state.policy)
      }
      state.tools.pages = listing.pages
      state.tools.loading = false
      state.tools.error = nil
      if state.tools.selected == nil { state.tools.select(first: true) }
      HintWatch.update(&state)  // a tools/list after a read-only call may differ
      return []
    case .toolsFailed(let why):
      state.tools.loading = false
      state.tools.error = why
      return []
    case .wire(let records):
      var effects: [Effect] = []
      for record in records {
        if record.direction == .inbound, case .message(let message) = record.body,
          message["id"] == nil,
          message["method"]?.stringValue == "notifications/tools/list_changed"
        {
          effects += ConversationFlow.toolsListChanged(&state)
        }
        if let headers = record.http?["headers"]?.objectValue,
          let id = headers.members.last(where: { $0.key.lowercased() == "mcp-session-id" })?.value
            .stringValue
        {
          state.sessionID = id
        }
        if record.transport != "memory" { state.header.transport = record.transport }
      }
      state.wire.append(records)
      state.log.append(records)
      if HintWatch.mayMatter(records) { HintWatch.update(&state) }
      return effects
    case .disconnected(let why):
      state.connection = .disconnected(why)
      state.busy = false
      let first = why.split(separator: "\n").first.map(String.init) ?? why
      state.notice = "the server went away: \(first) — press R to restart it"
      return []
    case .quitRequested:
      state.quitting = true
      return [.quit]
    case .callFinished(let record):
      state.busy = false
      let tool = state.tools.items.first { $0.name == record.call.name }?.raw
      state.notice = record.sent ? CallFlow.invoked(tool, record.call.name) : nil
      state.lastCall = record
      HintWatch.update(&state)
      state.resultScroll = 0
      let effects = ConversationFlow.finished(record, &state)
      ResultFlow.finished(&state)
      if state.mode == .normal { state.mode = .result }
      return effects
    case .resourceRead(let uri, let result, let error):
      // One read serves both the widget template of a result and the resources overlay.
      ConversationFlow.templateRead(uri, result: result, error: error, &state)
      if let result {
        CatalogFlow.read(&state, uri: uri, result: result)
      } else if state.catalog?.opened?.title == uri {
        return update(&state, .catalogFailed(error ?? "no answer"), keys: keys)
      }
      return []
    case .exportFinished(let path, let error):
      ConversationFlow.exportFinished(path: path, error: error, &state)
      return []
    case .editorClosed(let text, let failure):
      JSONEditorFlow.editorClosed(text: text, failure: failure, &state)
      return []
    case .checkFinished(let report):
      CheckFlow.finished(report, &state)
      return []
    case .checkFailed(let why):
      CheckFlow.failed(why, &state)
      return []
    case .pinged(let rtt):
      let text = "ping: the server answered in " + AppUpdate.milliseconds(rtt)
      state.notice = text
      state.log.note(tag: "ping", text: text, time: state.wire.rows.last?.time ?? "")
      return []
    case .logLevelSet(let level):
      state.logLevel = level
      state.notice = "the server now logs at \(level) and above"
      state.log.note(
        tag: "logging", text: "logging/setLevel \(level) accepted",
        time: state.wire.rows.last?.time ?? "")
      return []
    case .catalogLoaded(let resources, let templates, let prompts):
      CatalogFlow.loaded(&state, resources: resources, templates: templates, prompts: prompts)
      return []
    case .catalogFailed(let why):
      CatalogFlow.failed(&state, why)
      return []
    case .completionsArrived(let argument, let values, let total, let hasMore):
      CatalogCompletion.arrived(
        &state, argument: argument, values: values, total: total, hasMore: hasMore)
      return []
    case .completionsFailed(let why):
      CatalogCompletion.failed(&state, why)
      return []
    case .promptGot(let name, let result):
      CatalogFlow.prompt(&state, name: name, result: result)
      return []
    case .subscriptionChanged(let uri, let on):
      CatalogFlow.subscriptionChanged(&state, uri: uri, on: on)
      return []
    case .elicitationRequested(let prompt):
      ElicitationFlow.requested(prompt, &state)
      return []
    case .samplingRequested(let prompt):
      SamplingFlow.requested(prompt, &state)
      return []
    case .requestMetaKnown(let conversation, let profile, let commandLine):
      RequestMetaFlow.known(
        conversation: conversation, profile: profile, commandLine: commandLine, &state)
      return []
    case .logLevelFailed(let why):
      state.notice = "logging/setLevel failed: " + why
      return []
    case .pingFailed(let why):
      state.notice = "ping failed: " + why
      state.log.note(
        tag: "ping", text: "ping failed: " + why, time: state.wire.rows.last?.time ?? "")
      return []
    case .filesChanged(let path):
      state.log.note(
        tag: "watch", text: "files changed under \(path): restarting the server",
        time: state.wire.rows.last?.time ?? "")
      state.notice = "files changed under \(path) — restarting the server"
      state.connection = .reconnecting
      state.server = nil
      state.tools.loading = true
      return [.restart]
    case .fileSaved(let outcome):
      ResultFlow.saved(outcome, &state)
      return []
    }
  }

  private static func handle(_ key: Key, _ state: inout AppState, _ keys: KeyMap) -> [Effect] {
    if case .resize = key { return [] }
    if case .mouse(let event) = key { return MouseFlow.handle(event, &state) }
    if let effects = ResultFlow.intercept(key, &state) { return effects }
    if state.mode == .filter, case .character(let c) = key {
      appendFilter(c, &state)
      return []
    }
    if state.mode == .form, case .character(let c) = key {
      FormEditing.type(c, &state)
      return []
    }
    if state.mode == .elicitation, case .character(let c) = key, ElicitationFlow.typing(state) {
      ElicitationFlow.type(c, &state)
      return []
    }
    if state.mode == .sampling, case .character(let c) = key, state.samplingDraft != nil {
      state.samplingDraft?.append(c)
      return []
    }
    if state.mode == .catalog, case .character(let c) = key, state.catalogForm != nil {
      CatalogForms.type(c, &state)
      return []
    }
    if state.mode == .jsonEditor || state.mode == .metaEditor, case .character(let c) = key {
      JSONEditorFlow.type(c, &state)
      return []
    }
    if state.mode == .exportPath, case .character(let c) = key {
      ConversationFlow.typeExport(c, &state)
      return []
    }
    guard let action = keys.action(for: key, mode: state.mode, focus: state.focus) else {
      return []
    }
    if action == .forgetRemembered, case .character(let c) = key, let n = c.wholeNumberValue {
      ConversationFlow.forgetRemembered(number: n, &state)
      return []
    }
    if state.mode == .catalog, state.catalogForm != nil {
      return CatalogForms.perform(action, &state)
    }
    if state.mode == .catalog { return CatalogFlow.perform(action, &state) }
    if state.mode == .elicitation { return ElicitationFlow.perform(action, &state) }
    if state.mode == .sampling { return SamplingFlow.perform(action, &state) }
    if state.mode == .requestMeta || state.mode == .metaEditor {
      return RequestMetaFlow.perform(action, &state)
    }
    return perform(action, &state)
  }

  static func perform(_ action: Action, _ state: inout AppState) -> [Effect] {
    let page =
      state.mode == .result || state.mode == .frame
      ? max(1, ResultFlow.contentArea(state.size).height - 1)
      : max(1, state.layout.contentRows(state.focus) - 1)
    if state.mode == .jsonEditor, let effects = JSONEditorFlow.perform(action, page: page, &state) {
      return effects
    }
    switch action {
    case .quit:
      if state.busy {
        state.mode = .confirmQuit
        return []
      }
      state.quitting = true
      return [.quit]
    case .confirm:
      state.quitting = true
      return [.quit]
    case .cancel:
      state.mode = .normal
    case .help:
      state.mode = .help
      state.helpScroll = 0
    case .nextPane, .previousPane:
      let all = Pane.allCases
      let index = all.firstIndex(of: state.focus) ?? 0
      let step = action == .nextPane ? 1 : all.count - 1
      state.focus = all[(index + step) % all.count]
    case .up: move(&state, by: -1)
    case .down: move(&state, by: 1)
    case .pageUp: move(&state, by: -page)
    case .pageDown: move(&state, by: page)
    case .top: move(&state, by: Int.min / 2)
    case .bottom:
      if state.mode == .normal && state.focus == .wire {
        state.wire.follow = true
      } else if state.mode == .normal && state.focus == .log {
        state.log.scroll = nil
      } else {
        move(&state, by: Int.max / 2)
      }
    case .open:
      switch state.focus {
      case .tools:
        state.focus = .detail
        state.detailScroll = 0
      case .wire:
        let rows = state.wire.visible
        if let row = state.wire.selectedRow(in: rows) {
          state.openedFrame = state.wire.rows[rows[row]].seq
          state.frameScroll = 0
          state.mode = .frame
          FrameView.layOut(&state)
        }
      default: break
      }
    case .back:
      switch state.mode {
      case .filter:
        clearFilter(&state)
        state.mode = .normal
      case .frame:
        state.mode = .normal
        state.openedFrame = nil
        state.frameLines = nil
      case .help, .confirmQuit, .result, .check, .transcript, .refreshDiff, .catalog, .elicitation,
        .sampling, .requestMeta, .metaEditor:
        state.mode = .normal
        if state.refreshUnseen {
          state.refreshUnseen = false
          state.mode = .refreshDiff
        }
      case .exportPath:
        state.mode = state.exportReturn
      case .form, .jsonEditor:
        state.form = nil
        state.mode = .normal
      case .shareCommand:
        RepeatShareFlow.close(&state)
      case .approval:
        // Esc denies this once and is never remembered.
        state.approval?.remember = false
        return CallFlow.answer(.deny, &state)
      case .normal:
        state.focus = .tools
      }
    case .filter where state.mode == .result:
      return ResultFlow.perform(action, &state)
    case .findNext, .nextBlock, .save:
      return ResultFlow.perform(action, &state)
    case .filter:
      state.mode = .filter
    case .acceptFilter:
      state.mode = .normal
    case .deleteCharacter:
      if state.mode == .form {
        FormEditing.deleteCharacter(&state)
      } else if state.mode == .exportPath {
        if !state.exportPath.isEmpty { state.exportPath.removeLast() }
      } else if state.focus == .wire {
        if !state.wire.filter.isEmpty { state.wire.filter.removeLast() }
      } else if !state.tools.filter.isEmpty {
        state.tools.filter.removeLast()
        keepVisibleSelection(&state)
      }
    case .cancelCall:
      guard state.busy else {
        state.notice = "no call is running"
        return []
      }
      state.notice = "cancelling the call: notifications/cancelled sent; a late answer is ignored"
      return [.cancelCall]
    case .catalog:
      return CatalogFlow.open(&state)
    case .toggleSubscription:
      break
    case .cycleLogLevel:
      guard state.connection == .ready else {
        state.notice = "not connected — press R to restart"
        return []
      }
      guard state.server?.capabilities["logging"] != nil else {
        state.notice = "the server does not declare logging, so it cannot be asked to change level"
        return []
      }
      let levels = ["debug", "info", "warning", "error"]
      let next =
        state.logLevel.flatMap { levels.firstIndex(of: $0) }.map {
          (levels.index(after: $0)) % levels.count
        } ?? 0
      state.notice = "asking the server to log at \(levels[next])…"
      return [.setLogLevel(levels[next])]
    case .ping:
      guard state.connection == .ready else {
        state.notice = "not connected — press R to restart"
        return []
      }
      state.notice = "ping sent…"
      return [.ping]
    case .refresh:
      guard state.connection == .ready else {
        state.notice = "not connected — press R to restart"
        return []
      }
      state.tools.loading = true
      return [.refreshTools]
    case .restart:
      state.connection = .reconnecting
      state.server = nil
      state.tools.loading = true
      return [.restart]
    case .call:
      CallFlow.openForm(&state)
    case .submit:
      if state.mode == .exportPath { return ConversationFlow.submitExport(&state) }
      return CallFlow.submit(&state)
    case .approve:
      return CallFlow.answer(.approve, &state)
    case .deny:
      return CallFlow.answer(.deny, &state)
    case .toggleRemember:
      state.approval?.remember.toggle()
    case .newConversation, .reloadConversation:
      let forgotten = state.ledger.entries.count
      state.ledger = .empty
      if action == .newConversation {
        let number = (Int(state.conversation.split(separator: "-").last ?? "") ?? 1) + 1
        state.conversation = "conversation-\(number)"
      }
      let what = action == .newConversation ? "new conversation" : "conversation reloaded"
      state.notice = "\(what): \(forgotten) remembered choice\(forgotten == 1 ? "" : "s") forgotten"
      state.log.note(
        tag: "chat", text: state.notice ?? what, time: state.wire.rows.last?.time ?? "")
      if action == .newConversation { return [.startConversation(state.conversation)] }
    case .nextChoice: FormEditing.change(by: 1, &state)
    case .previousChoice: FormEditing.change(by: -1, &state)
    case .addItem: FormEditing.addItem(&state)
    case .removeItem: FormEditing.removeItem(&state)
    case .setNull: FormEditing.setNull(&state)
    case .writeReply: break  // the sampling request's own key
    case .complete: break  // the catalog forms' own key
    case .toggleJSON: JSONEditorFlow.open(&state)
    case .externalEditor: return JSONEditorFlow.external(&state)
    case .newline, .left, .right, .deleteForward: break  // the JSON editor's own keys
    case .repeatCall: return RepeatShareFlow.repeatLast(&state)
    case .shareCall: return RepeatShareFlow.share(&state)
    case .check:
      return CheckFlow.open(&state)
    case .transcript:
      state.mode = .transcript
      state.transcriptScroll = 0
    case .cyclePolicy:
      ConversationFlow.cyclePolicy(&state)
    case .exportTranscript:
      ConversationFlow.openExport(&state)
    case .nextScenarioStep:
      return ConversationFlow.nextScenarioStep(&state)
    case .forgetRemembered:
      break  // Handled with its digit in `handle`.
    case .requestMeta:
      return RequestMetaFlow.open(&state)
    case .omitMetaKey, .resetMeta, .pinSession:
      break  // The request _meta overlay's own keys.
    case .toggleRequest:
      state.approval?.showsRequest.toggle()
      state.approval?.scroll = 0
    case .toggleFollow:
      state.wire.follow.toggle()
      if !state.wire.follow {
        let rows = state.wire.visible
        if let last = rows.last { state.wire.selectedSeq = state.wire.rows[last].seq }
      }
    }
    return []
  }

  static func move(_ state: inout AppState, by delta: Int) {
    switch state.mode {
    case .frame:
      let count = state.frameLines?.count ?? Int.max / 4
      let last = max(0, count - ResultFlow.contentArea(state.size).height)
      state.frameScroll = max(0, min(last, state.frameScroll &+ delta))
      return
    case .help:
      state.helpScroll = max(0, state.helpScroll &+ delta)
      return
    case .form:
      if var form = state.form {
        let count = form.model.rows.count
        form.row = max(0, min(max(0, count - 1), form.row &+ delta))
        state.form = form
        FormEditing.moved(&state)
      }
      return
    case .approval:
      if var approval = state.approval {
        approval.scroll = max(0, approval.scroll &+ delta)
        state.approval = approval
      }
      return
    case .result:
      ResultFlow.scroll(&state, by: delta)
      return
    case .check:
      state.check.scroll = max(0, state.check.scroll &+ delta)
      return
    case .transcript:
      state.transcriptScroll = max(0, state.transcriptScroll &+ delta)
      return
    case .refreshDiff:
      state.refreshScroll = max(0, state.refreshScroll &+ delta)
      return
    default: break
    }
    switch state.focus {
    case .tools:
      state.tools.move(by: delta)
      state.detailScroll = 0
      let height = max(1, state.layout.contentRows(.tools) - (state.tools.filter.isEmpty ? 0 : 1))
      state.tools.scroll = ListWindow.start(
        current: state.tools.scroll, selected: state.tools.selectedRow,
        count: state.tools.visible.count, height: height)
    case .detail:
      state.detailScroll = max(0, state.detailScroll &+ delta)
    case .wire:
      state.wire.move(by: delta)
      let visible = state.wire.visible
      let height = max(1, state.layout.contentRows(.wire) - (state.wire.filter.isEmpty ? 0 : 1))
      state.wire.scroll = ListWindow.start(
        current: state.wire.scroll, selected: state.wire.selectedRow(in: visible) ?? 0,
        count: visible.count, height: height)
    case .log:
      let rows = state.layout.contentRows(.log)
      let maxStart = max(0, state.log.entries.count - rows)
      let current = state.log.scroll ?? maxStart
      let next = max(0, min(maxStart, current &+ delta))
      state.log.scroll = next >= maxStart ? nil : next
    }
  }

  private static func appendFilter(_ c: Character, _ state: inout AppState) {
    if state.focus == .wire {
      state.wire.filter.append(c)
    } else {
      state.focus = .tools
      state.tools.filter.append(c)
      keepVisibleSelection(&state)
    }
  }

  /// When the filter hides the selected tool, the highlighted row becomes the selection, so
  /// clearing the filter later does not jump somewhere else.
  private static func keepVisibleSelection(_ state: inout AppState) {
    if let shown = state.tools.selected { state.tools.selectedName = shown.name }
  }

  private static func clearFilter(_ state: inout AppState) {
    if state.focus == .wire {
      state.wire.filter = ""
    } else {
      state.tools.filter = ""
    }
  }

  /// A duration as milliseconds with one decimal: `3.2 ms`.
  public static func milliseconds(_ d: Duration) -> String {
    let ms = Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    return String(Int((ms * 10).rounded()) / 10) + "." + String(Int((ms * 10).rounded()) % 10)
      + " ms"
  }
}
