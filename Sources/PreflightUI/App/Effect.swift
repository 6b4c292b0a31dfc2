import ApprovalPolicy
import HostFlow
import PreflightCore
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
  /// Send `ping` and report the round-trip time.
  case ping
  /// Cancel the call in flight (its result comes back as a failed ``Msg/callFinished(_:)``).
  case cancelCall
  /// Send `logging/setLevel` with this level.
  case setLogLevel(String)
  /// List the resources, templates and prompts (those the server declares), all pages.
  case loadCatalog
  /// Read one resource.
  case readResource(String)
  /// Get one prompt without arguments.
  case getPrompt(String)
  /// Subscribe to a resource (true) or unsubscribe (false).
  case subscribe(String, Bool)
  /// Answer the elicitation with this id.
  case answerElicitation(id: Int, answer: ElicitationAnswer)
  /// Answer the sampling request with this id.
  case answerSampling(id: Int, reply: SamplingPrompt.Reply)
}
