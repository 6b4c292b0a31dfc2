import ApprovalPolicy
import HostFlow
import PreflightJSON

/// Something to do outside `update`; its result comes back as a ``Msg``.
public enum Effect: Sendable, Hashable {
  /// Run a call through the host flow with the answer already given (nil when none was
  /// needed), under the conversation's remembered choices as they were when it was decided.
  case callTool(ModelCall, tool: JSONValue, answer: ApprovalAnswer?, ledger: RememberLedger)
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
  /// Later calls belong to this new conversation: ChatGPT's request `_meta` gets a new
  /// `openai/session` for it.
  case startConversation(String)
}
