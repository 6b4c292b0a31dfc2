/// What the keyboard is talking to.
public enum Mode: Sendable, Hashable {
  /// Browsing the panes.
  case normal
  /// Typing a filter for the focused pane (tools or wire).
  case filter
  /// The help overlay listing every key.
  case help
  /// A frame opened from the wire, full screen.
  case frame
  /// Asking whether to quit while a request is running.
  case confirmQuit
  /// Filling in a tool's arguments.
  case form
  /// ChatGPT's confirmation card for a call that needs approval.
  case approval
  /// The answer to the last call, full screen.
  case result
  /// The call's arguments as JSON text in a multi-line editor.
  case jsonEditor
  /// The last call as a `preflight call …` command line, in a box.
  case shareCommand
  /// ChatGPT's connector check: findings by severity, full screen.
  case check
  /// The conversation's transcript, full screen.
  case transcript
  /// Typing the file to export the transcript to.
  case exportPath
  /// What the last Refresh changed.
  case refreshDiff
  /// The resources and prompts overlay.
  case catalog
  /// A server's elicitation waiting for accept, decline or cancel.
  case elicitation
  /// A server's sampling request waiting for a reply or a rejection.
  case sampling
  /// The request `_meta` of the next model-style call: each key, its value and source.
  case requestMeta
  /// The request `_meta` as JSON text in the arguments editor.
  case metaEditor
}
