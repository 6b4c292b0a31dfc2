/// What a key does.
public enum Action: String, Sendable, Hashable, CaseIterable {
  /// Leave Preflight (asks first while a request is running).
  case quit
  /// Show every key.
  case help
  /// Focus the next pane.
  case nextPane
  /// Focus the previous pane.
  case previousPane
  /// Move the selection (or scroll) up one line.
  case up
  /// Move the selection (or scroll) down one line.
  case down
  /// Up one page.
  case pageUp
  /// Down one page.
  case pageDown
  /// To the first line.
  case top
  /// To the last line (in the wire pane: follow new frames).
  case bottom
  /// Open the selection: a tool's detail, a frame's full JSON.
  case open
  /// Back out of a view, a filter or an overlay (never quits).
  case back
  /// Start typing a filter for the focused list.
  case filter
  /// List the tools again.
  case refresh
  /// Restart the server (stdio) or reconnect (HTTP).
  case restart
  /// Follow new frames in the wire pane, or stop following.
  case toggleFollow
  /// Confirm (quit while a request is running).
  case confirm
  /// Decline (stay).
  case cancel
  /// Accept the filter being typed.
  case acceptFilter
  /// Delete the last character of the filter or the field being edited.
  case deleteCharacter
  /// Open the call form for the selected tool.
  case call
  /// Send the form: check it, then go through the approval flow.
  case submit
  /// Approve the call on the confirmation card.
  case approve
  /// Deny the call on the confirmation card (nothing is sent).
  case deny
  /// Tick or untick "Remember for this conversation".
  case toggleRemember
  /// Start a new conversation: remembered choices are forgotten, as in ChatGPT.
  case newConversation
  /// Reload the conversation: remembered choices are forgotten, as ChatGPT does on reload.
  case reloadConversation
  /// Change the field being edited: flip a boolean, pick the next option of a choice.
  case nextChoice
  /// Pick the previous option of a choice (flip a boolean).
  case previousChoice
  /// Add an item to the list being edited.
  case addItem
  /// Remove the list item being edited.
  case removeItem
  /// Set the nullable field being edited to an explicit null.
  case setNull
  /// Switch between the form and the raw JSON editor of the arguments.
  case toggleJSON
  /// Edit the arguments JSON in `$EDITOR`.
  case externalEditor
  /// In the JSON editor: a line break.
  case newline
  /// In the JSON editor: one character left.
  case left
  /// In the JSON editor: one character right.
  case right
  /// In the JSON editor: delete the character under the cursor.
  case deleteForward
  /// Call the last tool called again with the same arguments (through the approval flow).
  case repeatCall
  /// Show the last call as a `preflight call …` command line and copy it.
  case shareCall
  /// Run ChatGPT's connector check on the server and show its findings.
  case check
  /// Show the conversation's transcript and remembered choices.
  case transcript
  /// Switch to the next approval policy.
  case cyclePolicy
  /// Export the transcript as JSON to a file.
  case exportTranscript
  /// Propose the scenario's next call.
  case nextScenarioStep
  /// Forget one remembered choice (the digit names it in the transcript's list).
  case forgetRemembered
  /// On the card: show the exact `tools/call` request, or the arguments again.
  case toggleRequest
  /// Find the next match of the search (the result view).
  case findNext
  /// Select the next image, audio or resource block (the result view).
  case nextBlock
  /// Save the selected block to a file (the result view).
  case save
  /// Send `ping` to the server and show the round-trip time.
  case ping
  /// Cancel the running call: `notifications/cancelled` goes to the server, a late answer is
  /// logged as ignored.
  case cancelCall
  /// Set the server's logging level to the next one (debug, info, warning, error).
  case cycleLogLevel
  /// Open the resources and prompts overlay.
  case catalog
  /// Subscribe to the selected resource, or unsubscribe.
  case toggleSubscription
  /// Write (or edit the canned) reply to a sampling request.
  case writeReply
  /// Ask the server for completions of the selected field of a prompt or template form.
  case complete
  /// Open the request `_meta` overlay of the next model-style call.
  case requestMeta
  /// In the request `_meta` overlay: stop sending the selected key, or send it again.
  case omitMetaKey
  /// In the request `_meta` overlay: drop every edit (the profile's values go out again).
  case resetMeta
  /// In the request `_meta` overlay: pin `openai/session` across conversations, or unpin it.
  case pinSession
}
