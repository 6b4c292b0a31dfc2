import ApprovalPolicy
import HostFlow
import PreflightJSON

/// One call for the effect runner, with everything the host flow decides with: the policy and
/// the conversation as they were when the UI decided, and the remembered choices then.
public struct ToolCallRequest: Sendable, Hashable {
  /// The call.
  public var call: ModelCall
  /// The tool as the server listed it.
  public var tool: JSONValue
  /// The user's answer on the card, or nil when no card was shown.
  public var answer: ApprovalAnswer?
  /// The remembered choices when the decision was made.
  public var ledger: RememberLedger
  /// The policy in force when the decision was made.
  public var policy: Policy
  /// The conversation the call belongs to.
  public var conversation: String
  /// The request `_meta` edits made in the TUI, merged over the profile's keys and
  /// `--request-meta` (`null`: the key is not sent); nil when nothing was edited.
  public var metaOverride: JSONObject?

  /// Makes a request.
  public init(
    call: ModelCall, tool: JSONValue, answer: ApprovalAnswer?, ledger: RememberLedger,
    policy: Policy, conversation: String, metaOverride: JSONObject? = nil
  ) {
    self.call = call
    self.tool = tool
    self.answer = answer
    self.ledger = ledger
    self.policy = policy
    self.conversation = conversation
    self.metaOverride = metaOverride
  }
}
