import PreflightCore
import PreflightJSON

/// One line of the wire pane, derived from a wire-log record.
public struct WireRow: Sendable, Hashable {
  /// What kind of line it is, for colour and symbol.
  public enum Kind: Sendable, Hashable {
    /// A frame Preflight sent.
    case outbound
    /// A frame the server sent.
    case inbound
    /// An error response or a frame that is not JSON-RPC.
    case problem
    /// Something Preflight did without the wire (approvals, process notes, evictions).
    case local
    /// A line of the server's stderr.
    case stderr
  }

  /// The record's seq.
  public var seq: Int
  /// `HH:MM:SS.mmm` (UTC).
  public var time: String
  /// The kind.
  public var kind: Kind
  /// The method, `result #id`, `error #id code`, or the local kind.
  public var label: String
  /// A one-line summary of the content.
  public var summary: String
  /// The frame's size on the wire, in bytes.
  public var bytes: Int
  /// For a response: milliseconds since its request.
  public var latencyMs: Double?
  /// The record's time in milliseconds, for pairing.
  public var timeMillis: Int64

  /// The arrow or symbol for the direction: `→`, `←`, `·`, `!`.
  public var symbol: String {
    switch kind {
    case .outbound: "→"
    case .inbound: "←"
    case .problem: "←"
    case .local: "·"
    case .stderr: "!"
    }
  }

  /// Text the filter matches against: label, summary, and the direction word.
  public var searchText: String {
    let direction: String
    switch kind {
    case .outbound: direction = "out"
    case .inbound, .problem: direction = "in"
    case .local: direction = "local"
    case .stderr: direction = "stderr"
    }
    return (direction + " " + label + " " + summary).lowercased()
  }
}
