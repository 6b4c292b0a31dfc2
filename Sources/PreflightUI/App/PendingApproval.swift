import ApprovalPolicy
import HostFlow
import PreflightJSON

/// A call stopped at ChatGPT's confirmation card: nothing is sent while it is open.
public struct PendingApproval: Sendable {
  /// The card as the policy made it.
  public var card: ApprovalCard
  /// The call waiting for the answer.
  public var call: ModelCall
  /// The tool as the server sent it.
  public var tool: JSONValue
  /// The "Remember for this conversation" checkbox.
  public var remember = false
  /// Scroll of the arguments inside the card.
  public var scroll = 0
  /// Where the call came from: `form` or `scenario 2/5`.
  public var origin = "form"
  /// Whether the card shows the whole `tools/call` request instead of the arguments.
  public var showsRequest = false

  /// Makes a pending approval.
  public init(card: ApprovalCard, call: ModelCall, tool: JSONValue) {
    self.card = card
    self.call = call
    self.tool = tool
  }
}
