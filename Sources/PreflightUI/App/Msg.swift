import HostFlow
import PreflightCore
import PreflightJSON
import ServerCheck
import TerminalGrid

/// Something that happened; `AppUpdate.update` turns it into a new state and effects.
public enum Msg: Sendable {
  /// A key was pressed.
  case key(Key)
  /// The terminal changed size.
  case resized(Size)
  /// The handshake finished.
  case connected(ServerInfo)
  /// The connection could not be made, with why.
  case connectionFailed(String)
  /// Every tool, all pages.
  case toolsLoaded(ToolListing)
  /// Listing the tools failed, with why.
  case toolsFailed(String)
  /// New wire-log records, oldest first.
  case wire([WireRecord])
  /// The server went away after it was ready, with why.
  case disconnected(String)
  /// A request to quit from outside (SIGINT, SIGTERM).
  case quitRequested
  /// Files under a `--watch` path changed (the path and how many files changed).
  case filesChanged(String)
  /// A call went through the host flow: sent and answered, or stopped by the approval.
  case callFinished(CallRecord)
  /// `$EDITOR` closed: the file's text, or why there is none (no `$EDITOR`, it failed).
  case editorClosed(text: String?, failure: String?)
  /// The connector check finished.
  case checkFinished(CheckReport)
  /// The connector check could not run, with why.
  case checkFailed(String)
  /// A widget template was read (`resources/read`): the result, or why not.
  case resourceRead(uri: String, result: JSONValue?, error: String?)
  /// The transcript export finished: written to `path`, or why not (nothing was replaced).
  case exportFinished(path: String, error: String?)
  /// Saving a result block to a file ended.
  case fileSaved(SavedFile.Outcome)
  /// The server answered `ping` after this long.
  case pinged(Duration)
  /// `ping` failed, with why.
  case pingFailed(String)
  /// The server accepted `logging/setLevel` with this level.
  case logLevelSet(String)
  /// `logging/setLevel` failed, with why.
  case logLevelFailed(String)
  /// The server's resources, templates and prompts, all pages.
  case catalogLoaded(resources: [JSONValue], templates: [JSONValue], prompts: [JSONValue])
  /// Listing, reading or getting for the overlay failed, with why.
  case catalogFailed(String)
  /// The completions of one form field arrived: the values (at most 100), the server's `total`
  /// if it gave one, and whether it has more.
  case completionsArrived(argument: String, values: [String], total: Int?, hasMore: Bool)
  /// Asking for completions failed, with why.
  case completionsFailed(String)
  /// A prompt's `prompts/get` result.
  case promptGot(name: String, result: JSONValue)
  /// The server accepted a subscription (true) or its end (false) for this URI.
  case subscriptionChanged(String, Bool)
  /// A server asks the user for input (`elicitation/create`).
  case elicitationRequested(ElicitationPrompt)
  /// A server asks for a model reply (`sampling/createMessage`).
  case samplingRequested(SamplingPrompt)
  /// The session's tool-call `_meta` for `conversation`: the profile's keys with this user's
  /// `openai/subject` and the conversation's `openai/session`, and `--request-meta`.
  case requestMetaKnown(conversation: String, profile: JSONObject, commandLine: JSONObject)
}
