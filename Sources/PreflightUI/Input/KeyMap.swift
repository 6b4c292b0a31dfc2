import TerminalGrid

/// The one table of keys: `update` looks actions up in it, and the status line and the help
/// overlay are drawn from it, so they cannot disagree.
public struct KeyMap: Sendable {
  /// Every binding, in the order the help shows them.
  public var bindings: [KeyBinding]

  /// Makes a key map.
  public init(bindings: [KeyBinding]) {
    self.bindings = bindings
  }

  /// The action for `key` in this mode with this pane focused: the mode's bindings win, then the
  /// pane's, then the global ones (normal mode only).
  public func action(for key: Key, mode: Mode, focus: Pane) -> Action? {
    for scope in Self.scopes(mode: mode, focus: focus) {
      if let binding = bindings.first(where: { $0.scopes.contains(scope) && $0.keys.contains(key) })
      {
        return binding.action
      }
    }
    return nil
  }

  /// The bindings that work here, for the status line.
  public func statusBindings(mode: Mode, focus: Pane) -> [KeyBinding] {
    // The `_meta` editor's own keys replace the arguments editor's, even the hidden ones.
    let own =
      mode == .metaEditor
      ? Set(bindings.filter { $0.scopes.contains(.mode(.metaEditor)) }.map(\.action)) : []
    var seen = Set<Action>()
    var result: [KeyBinding] = []
    for scope in Self.scopes(mode: mode, focus: focus) {
      for binding in bindings
      where binding.inStatusLine && binding.scopes.contains(scope)
        && !(scope == .mode(.jsonEditor) && own.contains(binding.action))
      {
        if seen.insert(binding.action).inserted { result.append(binding) }
      }
    }
    return result
  }

  /// Where keys are looked up, first match wins: in normal mode the focused pane's bindings,
  /// then the global ones; the request `_meta` editor is the arguments JSON editor with its own
  /// apply and discard keys; any other mode has its own bindings only.
  static func scopes(mode: Mode, focus: Pane) -> [KeyScope] {
    switch mode {
    case .normal: [.pane(focus), .global]
    case .metaEditor: [.mode(.metaEditor), .mode(.jsonEditor)]
    default: [.mode(mode)]
    }
  }

  /// Preflight's keys.
  public static let standard = KeyMap(bindings: [
    KeyBinding(
      [.character("?"), .function(1)], .help, in: [.global], label: "help",
      help: "Show every key"),
    KeyBinding(
      [.character("q")], .quit, in: [.global], label: "quit",
      help: "Quit (asks first while a request is running)"),
    KeyBinding(
      [.tab], .nextPane, in: [.global], label: "pane", help: "Focus the next pane"),
    KeyBinding(
      [.backTab], .previousPane, in: [.global], label: "back pane",
      help: "Focus the previous pane", inStatusLine: false),
    KeyBinding(
      [.up, .character("k")], .up,
      in: [.pane(.tools), .pane(.detail), .pane(.wire), .pane(.log), .mode(.frame)],
      label: "up", help: "Move up one line", inStatusLine: false),
    KeyBinding(
      [.down, .character("j")], .down,
      in: [.pane(.tools), .pane(.detail), .pane(.wire), .pane(.log), .mode(.frame)],
      label: "down", help: "Move down one line", inStatusLine: false),
    KeyBinding(
      [.pageUp], .pageUp,
      in: [
        .pane(.tools), .pane(.detail), .pane(.wire), .pane(.log), .mode(.frame), .mode(.help),
        .mode(.result),
      ],
      label: "page up", help: "Up one page", inStatusLine: false),
    KeyBinding(
      [.pageDown, .character(" ")], .pageDown,
      in: [
        .pane(.tools), .pane(.detail), .pane(.wire), .pane(.log), .mode(.frame), .mode(.help),
        .mode(.result),
      ],
      label: "page down", help: "Down one page", inStatusLine: false),
    KeyBinding(
      [.home, .character("g")], .top,
      in: [
        .pane(.tools), .pane(.detail), .pane(.wire), .pane(.log), .mode(.frame), .mode(.result),
      ],
      label: "top", help: "Go to the first line", inStatusLine: false),
    KeyBinding(
      [.end, .character("G")], .bottom,
      in: [
        .pane(.tools), .pane(.detail), .pane(.wire), .pane(.log), .mode(.frame), .mode(.result),
      ],
      label: "end", help: "Go to the last line (the wire pane then follows new frames)",
      inStatusLine: false),
    KeyBinding(
      [.enter], .open, in: [.pane(.tools)], label: "detail",
      help: "Open the selected tool's detail"),
    KeyBinding(
      [.enter], .open, in: [.pane(.wire)], label: "open",
      help: "Open the selected frame's full JSON"),
    KeyBinding(
      [.character("/")], .filter, in: [.pane(.tools), .pane(.wire)], label: "filter",
      help: "Filter the list (tools by name or title; frames by method, direction or text)"),
    KeyBinding(
      [.character("f")], .toggleFollow, in: [.pane(.wire)], label: "follow",
      help: "Follow new frames, or stop following"),
    KeyBinding(
      [.escape], .back, in: [.pane(.detail), .pane(.wire), .pane(.log)], label: "back",
      help: "Back to the tool list (never quits)"),
    KeyBinding(
      [.character("r")], .refresh, in: [.global], label: "refresh",
      help: "Refresh: list the tools again and show what changed"),
    KeyBinding(
      [.character("R")], .restart, in: [.global], label: "restart",
      help: "Restart the server (stdio) or reconnect (HTTP)"),
    KeyBinding(
      [.character("P")], .ping, in: [.global], label: "ping",
      help: "Ping the server and show the round-trip time", inStatusLine: false),
    KeyBinding(
      [.character("x")], .cancelCall, in: [.global], label: "cancel call",
      help: "Cancel the running call (sends notifications/cancelled)", inStatusLine: false),
    KeyBinding(
      [.character("o")], .catalog, in: [.global], label: "resources",
      help: "Resources, templates and prompts: list them, read one, get one", inStatusLine: false),
    KeyBinding(
      [.up, .character("k")], .up, in: [.mode(.catalog)], label: "up",
      help: "Up in the resources and prompts (or scroll what is open)", inStatusLine: false),
    KeyBinding(
      [.down, .character("j")], .down, in: [.mode(.catalog)], label: "down",
      help: "Down in the resources and prompts (or scroll what is open)", inStatusLine: false),
    KeyBinding(
      [.enter], .open, in: [.mode(.catalog)], label: "open",
      help:
        "Read the selected resource, or get the selected prompt (a form asks for a prompt's arguments or a template's variables; Enter again gets or reads it)"
    ),
    KeyBinding(
      [.tab], .down, in: [.mode(.catalog)], label: "next field",
      help: "Next field of a prompt's arguments or a template's variables", inStatusLine: false),
    KeyBinding(
      [.backTab], .up, in: [.mode(.catalog)], label: "previous field",
      help: "Previous field of a prompt's arguments or a template's variables",
      inStatusLine: false),
    KeyBinding(
      [.backspace], .deleteCharacter, in: [.mode(.catalog)], label: "delete",
      help: "Delete the last character of the field", inStatusLine: false),
    KeyBinding(
      [.control("t"), .function(2)], .complete, in: [.mode(.catalog)], label: "complete",
      help:
        "In a prompt's or template's form: ask the server for completions of the field (←→ or ↑↓ choose, Enter picks, Esc closes the list)",
      inStatusLine: false),
    KeyBinding(
      [.left], .left, in: [.mode(.catalog)], label: "previous completion",
      help: "Previous value in the completions list", inStatusLine: false),
    KeyBinding(
      [.right], .right, in: [.mode(.catalog)], label: "next completion",
      help: "Next value in the completions list", inStatusLine: false),
    KeyBinding(
      [.character("s")], .toggleSubscription, in: [.mode(.catalog)], label: "subscribe",
      help: "Subscribe to the selected resource (updates show in the log), or unsubscribe"),
    KeyBinding(
      [.escape, .character("q")], .back, in: [.mode(.catalog)], label: "back",
      help: "Back to the list, or close the overlay"),
    KeyBinding(
      [.character("a")], .approve, in: [.mode(.elicitation)], label: "accept URL",
      help: "Accept the server's request (URL: consent only; a form with fields: Enter)"),
    KeyBinding(
      [.enter], .submit, in: [.mode(.elicitation)], label: "accept form",
      help: "Accept the form with the values entered (once they check; errors show at fields)"),
    KeyBinding(
      [.character("d"), .control("d")], .deny, in: [.mode(.elicitation)], label: "decline",
      help: "Decline the server's request (Ctrl-D while a form's fields take typing)"),
    KeyBinding(
      [.down, .tab], .down, in: [.mode(.elicitation)], label: "next field",
      help: "Next field of the server's form", inStatusLine: false),
    KeyBinding(
      [.up, .backTab], .up, in: [.mode(.elicitation)], label: "previous field",
      help: "Previous field of the server's form", inStatusLine: false),
    KeyBinding(
      [.right], .nextChoice, in: [.mode(.elicitation)], label: "choose",
      help: "Flip a boolean, pick the next option, move along a multiple choice",
      inStatusLine: false),
    KeyBinding(
      [.left], .previousChoice, in: [.mode(.elicitation)], label: "previous option",
      help: "Flip a boolean, pick the previous option", inStatusLine: false),
    KeyBinding(
      [.backspace], .deleteCharacter, in: [.mode(.elicitation)], label: "delete",
      help: "Delete the last character of the field", inStatusLine: false),
    KeyBinding(
      [.control("u")], .setNull, in: [.mode(.elicitation)], label: "null",
      help: "Set a nullable field to null", inStatusLine: false),
    KeyBinding(
      [.escape], .back, in: [.mode(.elicitation)], label: "cancel",
      help: "Cancel: dismiss the server's request without choosing"),
    KeyBinding(
      [.character("a")], .approve, in: [.mode(.sampling)], label: "send reply",
      help: "Send the canned reply from --sampling-reply"),
    KeyBinding(
      [.character("d"), .escape], .deny, in: [.mode(.sampling)], label: "reject",
      help: "Reject the sampling request (code -1); while writing, Esc stops writing"),
    KeyBinding(
      [.character("w")], .writeReply, in: [.mode(.sampling)], label: "write reply",
      help: "Write the reply yourself (the canned one, if any, to edit); Enter sends it"),
    KeyBinding(
      [.enter], .submit, in: [.mode(.sampling)], label: "send written",
      help: "Send the reply written as the assistant's message", inStatusLine: false),
    KeyBinding(
      [.backspace], .deleteCharacter, in: [.mode(.sampling)], label: "delete",
      help: "Delete the last character of the reply being written", inStatusLine: false),
    KeyBinding(
      [.character("L")], .cycleLogLevel, in: [.global], label: "log level",
      help: "Set the server's logging level: debug, info, warning, error in turn",
      inStatusLine: false),
    KeyBinding(
      [.escape, .character("q")], .back, in: [.mode(.frame)], label: "back",
      help: "Close the frame"),
    KeyBinding(
      [.escape, .character("q"), .character("?"), .enter], .back, in: [.mode(.help)],
      label: "close", help: "Close the help"),
    KeyBinding(
      [.enter], .acceptFilter, in: [.mode(.filter)], label: "keep filter",
      help: "Keep the filter and go back to the list"),
    KeyBinding(
      [.escape], .back, in: [.mode(.filter)], label: "clear",
      help: "Clear the filter"),
    KeyBinding(
      [.backspace], .deleteCharacter, in: [.mode(.filter)], label: "delete",
      help: "Delete the last character", inStatusLine: false),
    KeyBinding(
      [.character("c")], .call, in: [.pane(.tools), .pane(.detail)], label: "call",
      help: "Call the selected tool: fill in its arguments, then the approval flow"),
    KeyBinding(
      [.enter], .call, in: [.pane(.detail)], label: "call",
      help: "Call the tool shown", inStatusLine: false),
    KeyBinding(
      [.character("n")], .newConversation, in: [.global], label: "new conversation",
      help: "Start a new conversation: remembered approvals and denials are forgotten",
      inStatusLine: false),
    KeyBinding(
      [.control("r")], .reloadConversation, in: [.global], label: "reload",
      help: "Reload the conversation (as ChatGPT does, remembered choices are forgotten)",
      inStatusLine: false),
    KeyBinding(
      [.enter], .submit, in: [.mode(.form)], label: "call",
      help: "Check the arguments and call (a write tool stops at the confirmation card)"),
    KeyBinding(
      [.down, .tab], .down, in: [.mode(.form)], label: "next field", help: "Next field"),
    KeyBinding(
      [.up, .backTab], .up, in: [.mode(.form)], label: "previous field",
      help: "Previous field", inStatusLine: false),
    KeyBinding(
      [.escape], .back, in: [.mode(.form)], label: "cancel", help: "Close the form, send nothing"),
    KeyBinding(
      [.backspace], .deleteCharacter, in: [.mode(.form)], label: "delete",
      help: "Delete the last character of the field", inStatusLine: false),
    KeyBinding(
      [.right], .nextChoice, in: [.mode(.form)], label: "choose",
      help: "Flip a boolean, pick the next option (Space too), move along a multiple choice"),
    KeyBinding(
      [.left], .previousChoice, in: [.mode(.form)], label: "previous option",
      help: "Flip a boolean, pick the previous option", inStatusLine: false),
    KeyBinding(
      [.control("n")], .addItem, in: [.mode(.form)], label: "add item",
      help: "Add an item to the list being edited"),
    KeyBinding(
      [.control("x")], .removeItem, in: [.mode(.form)], label: "remove item",
      help: "Remove the list item being edited", inStatusLine: false),
    KeyBinding(
      [.control("u")], .setNull, in: [.mode(.form)], label: "null",
      help: "Set a nullable field to null (Backspace on it leaves it out again)",
      inStatusLine: false),
    KeyBinding(
      [.control("e")], .toggleJSON, in: [.mode(.form)], label: "JSON",
      help: "Edit the whole arguments object as JSON text"),
    KeyBinding(
      [.control("o")], .externalEditor, in: [.mode(.form), .mode(.jsonEditor)],
      label: "$EDITOR", help: "Edit the arguments JSON in $EDITOR (the screen comes back after)"),
    KeyBinding(
      [.control("d"), .function(5)], .submit, in: [.mode(.jsonEditor)], label: "call",
      help: "Check the JSON against the schema and call (Enter is a new line here)"),
    KeyBinding(
      [.control("e")], .toggleJSON, in: [.mode(.jsonEditor)], label: "form",
      help: "Back to the form (when it can hold the arguments)"),
    KeyBinding(
      [.escape], .back, in: [.mode(.jsonEditor)], label: "cancel",
      help: "Close the editor and the form, send nothing"),
    KeyBinding(
      [.enter], .newline, in: [.mode(.jsonEditor)], label: "new line",
      help: "Break the line at the cursor", inStatusLine: false),
    KeyBinding(
      [.backspace], .deleteCharacter, in: [.mode(.jsonEditor)], label: "delete",
      help: "Delete the character before the cursor", inStatusLine: false),
    KeyBinding(
      [.delete], .deleteForward, in: [.mode(.jsonEditor)], label: "delete forward",
      help: "Delete the character under the cursor", inStatusLine: false),
    KeyBinding(
      [.left], .left, in: [.mode(.jsonEditor)], label: "left", help: "Cursor left",
      inStatusLine: false),
    KeyBinding(
      [.right], .right, in: [.mode(.jsonEditor)], label: "right", help: "Cursor right",
      inStatusLine: false),
    KeyBinding(
      [.up], .up, in: [.mode(.jsonEditor)], label: "up", help: "Cursor up a line",
      inStatusLine: false),
    KeyBinding(
      [.down], .down, in: [.mode(.jsonEditor)], label: "down", help: "Cursor down a line",
      inStatusLine: false),
    KeyBinding(
      [.pageUp], .pageUp, in: [.mode(.jsonEditor)], label: "page up", help: "Cursor up a page",
      inStatusLine: false),
    KeyBinding(
      [.pageDown], .pageDown, in: [.mode(.jsonEditor)], label: "page down",
      help: "Cursor down a page", inStatusLine: false),
    KeyBinding(
      [.home], .top, in: [.mode(.jsonEditor)], label: "line start",
      help: "Cursor to the start of the line", inStatusLine: false),
    KeyBinding(
      [.end], .bottom, in: [.mode(.jsonEditor)], label: "line end",
      help: "Cursor to the end of the line", inStatusLine: false),
    KeyBinding(
      [.character(".")], .repeatCall, in: [.mode(.result)], label: "repeat",
      help: "Call the last tool again with the same arguments (through the approval flow)"),
    KeyBinding(
      [.character(".")], .repeatCall, in: [.global], label: "repeat",
      help: "Repeat the last call (same tool, same arguments, approval flow again)",
      inStatusLine: false),
    KeyBinding(
      [.character("y")], .shareCall, in: [.mode(.result), .mode(.shareCommand)], label: "share",
      help: "Show the last call as a `preflight call` command line and copy it (OSC 52)"),
    KeyBinding(
      [.character("y")], .shareCall, in: [.global], label: "share",
      help: "Show the last call as a command line, secrets redacted, and copy it",
      inStatusLine: false),
    KeyBinding(
      [.escape, .character("q"), .enter], .back, in: [.mode(.shareCommand)], label: "close",
      help: "Close the command line box"),
    KeyBinding(
      [.character("a")], .approve, in: [.mode(.approval)], label: "approve",
      help: "Approve: the call is sent"),
    KeyBinding(
      [.character("d")], .deny, in: [.mode(.approval)], label: "deny",
      help: "Deny: nothing is sent"),
    KeyBinding(
      [.character(" ")], .toggleRemember, in: [.mode(.approval)], label: "remember",
      help: "Remember this choice for the conversation (approve or deny)"),
    KeyBinding(
      [.character("v")], .toggleRequest, in: [.mode(.approval)], label: "request",
      help: "Show the exact tools/call request (secrets redacted), or the arguments again",
      inStatusLine: false),
    KeyBinding(
      [.escape], .back, in: [.mode(.approval)], label: "deny once",
      help: "Deny this once (never remembered)"),
    KeyBinding(
      [.up, .character("k")], .up, in: [.mode(.approval), .mode(.result)], label: "up",
      help: "Scroll up", inStatusLine: false),
    KeyBinding(
      [.down, .character("j")], .down, in: [.mode(.approval), .mode(.result)], label: "down",
      help: "Scroll down", inStatusLine: false),
    KeyBinding(
      [.character("/")], .filter, in: [.mode(.result)], label: "search",
      help: "Search the result (type, Enter finds, Esc cancels)"),
    KeyBinding(
      [.character("n")], .findNext, in: [.mode(.result)], label: "next",
      help: "Find the next match of the search"),
    KeyBinding(
      [.tab], .nextBlock, in: [.mode(.result)], label: "block",
      help: "Select the next image, audio or resource block"),
    KeyBinding(
      [.character("s")], .save, in: [.mode(.result)], label: "save",
      help: "Save the selected block to a file (asks for the path; never overwrites unasked)"),
    KeyBinding(
      [.escape, .character("q")], .back, in: [.mode(.result)], label: "back",
      help: "Close the result"),
    KeyBinding(
      [.character("t")], .transcript, in: [.global], label: "transcript",
      help: "Transcript: each call, its decision and result; remembered choices",
      inStatusLine: false),
    KeyBinding(
      [.character("p")], .cyclePolicy, in: [.global], label: "policy",
      help: "Next approval policy (as in --policy); decisions follow",
      inStatusLine: false),
    KeyBinding(
      [.character("]")], .nextScenarioStep, in: [.global], label: "next call",
      help: "Propose the scenario's next call (--scenario FILE)", inStatusLine: false),
    KeyBinding(
      [.character("E")], .exportTranscript, in: [.global, .mode(.transcript)], label: "export",
      help: "Export the transcript as JSON (secrets redacted; never overwrites)",
      inStatusLine: false),
    KeyBinding(
      [.up, .character("k")], .up, in: [.mode(.transcript), .mode(.refreshDiff)], label: "up",
      help: "Scroll up", inStatusLine: false),
    KeyBinding(
      [.down, .character("j")], .down, in: [.mode(.transcript), .mode(.refreshDiff)],
      label: "down", help: "Scroll down", inStatusLine: false),
    KeyBinding(
      [.pageUp], .pageUp, in: [.mode(.transcript), .mode(.refreshDiff)], label: "page up",
      help: "Up one page", inStatusLine: false),
    KeyBinding(
      [.pageDown, .character(" ")], .pageDown, in: [.mode(.transcript), .mode(.refreshDiff)],
      label: "page down", help: "Down one page", inStatusLine: false),
    KeyBinding(
      (1...9).map { Key.character(Character(String($0))) }, .forgetRemembered,
      in: [.mode(.transcript)], label: "forget",
      help: "Forget remembered choice 1–9 (as numbered at the top)"),
    KeyBinding(
      [.escape, .character("q"), .character("t")], .back, in: [.mode(.transcript)],
      label: "back", help: "Close the transcript"),
    KeyBinding(
      [.escape, .character("q"), .enter], .back, in: [.mode(.refreshDiff)], label: "close",
      help: "Close the Refresh diff"),
    KeyBinding(
      [.enter], .submit, in: [.mode(.exportPath)], label: "export",
      help: "Write the transcript to this file"),
    KeyBinding(
      [.backspace], .deleteCharacter, in: [.mode(.exportPath)], label: "delete",
      help: "Delete the last character", inStatusLine: false),
    KeyBinding(
      [.escape], .back, in: [.mode(.exportPath)], label: "cancel", help: "Close, write nothing"),
    KeyBinding(
      [.character("y")], .confirm, in: [.mode(.confirmQuit)], label: "quit",
      help: "Quit anyway"),
    KeyBinding(
      [.character("C")], .check, in: [.global], label: "check",
      help: "Run ChatGPT's connector check: findings by severity, with fixes",
      inStatusLine: false),
    KeyBinding(
      [.character("C")], .check, in: [.mode(.check)], label: "run again",
      help: "Run the connector check again"),
    KeyBinding(
      [.escape, .character("q")], .back, in: [.mode(.check)], label: "back",
      help: "Close the connector check"),
    KeyBinding(
      [.up, .character("k")], .up, in: [.mode(.check)], label: "up", help: "Scroll up",
      inStatusLine: false),
    KeyBinding(
      [.down, .character("j")], .down, in: [.mode(.check)], label: "down", help: "Scroll down",
      inStatusLine: false),
    KeyBinding(
      [.pageUp], .pageUp, in: [.mode(.check)], label: "page up", help: "Up one page",
      inStatusLine: false),
    KeyBinding(
      [.pageDown, .character(" ")], .pageDown, in: [.mode(.check)], label: "page down",
      help: "Down one page", inStatusLine: false),
    KeyBinding(
      [.character("n"), .escape], .cancel, in: [.mode(.confirmQuit)], label: "stay",
      help: "Stay"),
    KeyBinding(
      [.character("m")], .requestMeta, in: [.global], label: "_meta",
      help: "See and edit the request _meta of the next calls (openai/* keys)",
      inStatusLine: false),
    KeyBinding(
      [.up, .character("k")], .up, in: [.mode(.requestMeta)], label: "up",
      help: "Select the key above", inStatusLine: false),
    KeyBinding(
      [.down, .character("j")], .down, in: [.mode(.requestMeta)], label: "down",
      help: "Select the key below", inStatusLine: false),
    KeyBinding(
      [.character("e"), .enter], .open, in: [.mode(.requestMeta)], label: "edit",
      help: "Edit the whole _meta as JSON: change or add keys; delete a key or set it to null "
        + "to stop sending it"),
    KeyBinding(
      [.character("d")], .omitMetaKey, in: [.mode(.requestMeta)], label: "don't send",
      help: "Stop sending the selected key (a null edit), or send it again"),
    KeyBinding(
      [.character("s")], .pinSession, in: [.mode(.requestMeta)], label: "pin session",
      help: "Pin openai/session across new conversations (n), or unpin it"),
    KeyBinding(
      [.character("r")], .resetMeta, in: [.mode(.requestMeta)], label: "reset",
      help: "Drop every edit: the profile's values (and --request-meta) go out again"),
    KeyBinding(
      [.escape, .character("q"), .character("m")], .back, in: [.mode(.requestMeta)],
      label: "close", help: "Close the request _meta (the edits stay)"),
    KeyBinding(
      [.control("d"), .function(5)], .submit, in: [.mode(.metaEditor)], label: "apply",
      help: "Apply the _meta to every following call (when it parses as an object)"),
    KeyBinding(
      [.control("e")], .toggleJSON, in: [.mode(.metaEditor)], label: "apply",
      help: "Apply, as Ctrl-D", inStatusLine: false),
    KeyBinding(
      [.escape], .back, in: [.mode(.metaEditor)], label: "discard",
      help: "Back to the list, the _meta unchanged"),
  ])
}
