import ApprovalPolicy
import HostFlow
import PreflightCore
import PreflightJSON

/// Something to do outside `update`; its result comes back as a ``Msg``.
public enum Effect: Sendable, Hashable {
  /// Start the server (or open the connection) and initialize.
  case connect
  /// List the tools again (all pages).
  case refreshTools
  /// Stop the server and start it again (or reconnect), then list the tools.
  case restart
  /// Close the connection and leave.
  case quit
  /// Suspend the screen, edit `text` (the arguments JSON) in `$EDITOR` as a temporary file,
  /// restore the screen, and send back ``Msg/editorClosed(text:failure:)``.
  case editInEditor(String)
  /// Put `text` on the terminal's clipboard (OSC 52, where the terminal allows it).
  case copyToClipboard(String)
  /// Run the connector check on the connected session; the report comes back as
  /// ``Msg/checkFinished(_:)``.
  case runCheck
  /// Run a call through the host flow under the policy and conversation it was decided in.
  case runCall(ToolCallRequest)
  /// Read a widget template with `resources/read`.
  case readResource(String)
  /// Write the transcript (secrets redacted) to a new file; never replaces one.
  case exportTranscript(path: String, document: JSONValue)
  /// Write a result block's contents to `path` (decoded); an existing file is kept unless
  /// `overwrite` is set. The outcome comes back as ``Msg/fileSaved(_:)``.
  case saveFile(SavedFile.Contents, path: String, overwrite: Bool)
  /// Send `ping` and report the round-trip time.
  case ping
  /// Cancel the call in flight (its result comes back as a failed ``Msg/callFinished(_:)``).
  case cancelCall
  /// Send `logging/setLevel` with this level.
  case setLogLevel(String)
  /// List the resources, templates and prompts (those the server declares), all pages.
  case loadCatalog
  /// Get one prompt without arguments.
  case getPrompt(String)
  /// Get one prompt with these string arguments (from the overlay's arguments form).
  case getPromptWithArguments(String, JSONObject)
  /// Subscribe to a resource (true) or unsubscribe (false).
  case subscribe(String, Bool)
  /// Answer the elicitation with this id.
  case answerElicitation(id: Int, answer: ElicitationAnswer)
  /// Answer the sampling request with this id.
  case answerSampling(id: Int, reply: SamplingPrompt.Reply)
  /// Later calls belong to this new conversation: ChatGPT's request `_meta` gets a new
  /// `openai/session` for it.
  case startConversation(String)
  /// Ask for completions (`completion/complete`) of one argument of a prompt
  /// (`ref/prompt`) or a resource template (`ref/resource`), with the other fields' values.
  case complete(reference: JSONValue, argument: String, value: String, context: JSONObject)
}
