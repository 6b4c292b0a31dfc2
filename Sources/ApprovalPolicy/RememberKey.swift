/// What a remembered choice is keyed by: conversation × server × tool (chatgpt-approval.md §3).
///
/// The conversation and tool parts are documented; the server part is Preflight's inference,
/// as tool names are only unique within one app.
public struct RememberKey: Sendable, Hashable, CustomStringConvertible {
  /// The conversation (for Codex's rule, the session) the choice belongs to.
  public var conversation: String
  /// The server (connector, app) name.
  public var server: String
  /// The tool name.
  public var tool: String

  /// Makes a key.
  public init(conversation: String, server: String, tool: String) {
    self.conversation = conversation
    self.server = server
    self.tool = tool
  }

  /// `server/tool in conversation`, for logs.
  public var description: String { "\(server)/\(tool) in \(conversation)" }
}
