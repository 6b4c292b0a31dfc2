/// Where the checked server lives and how Preflight reached it.
public struct CheckTarget: Sendable, Hashable {
  /// The kind of target.
  public enum Kind: Sendable, Hashable {
    /// A server spawned over stdio (including the built-in demo).
    case stdio
    /// An HTTP(S) URL.
    case url(String)
  }

  /// The target.
  public var kind: Kind
  /// The transport the session ended up on: `stdio`, `http` (Streamable HTTP) or `sse`
  /// (legacy HTTP+SSE); nil when it never connected.
  public var transport: String?
  /// Whether the user supplied headers (`-H`, `--bearer`), which ChatGPT cannot send.
  public var usedCustomHeaders: Bool

  /// Makes a target.
  public init(kind: Kind, transport: String? = nil, usedCustomHeaders: Bool = false) {
    self.kind = kind
    self.transport = transport
    self.usedCustomHeaders = usedCustomHeaders
  }

  /// The URL, for a URL target.
  public var url: String? {
    if case .url(let url) = kind { return url }
    return nil
  }
}
