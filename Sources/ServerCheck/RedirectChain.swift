/// The redirects met by one request of the check (the `server/discover` probe to the MCP
/// endpoint, or an OAuth metadata fetch), in order. The gatherer follows them itself, one hop
/// at a time, so each is seen and logged; it stops at a loop, after ``RedirectChain/hardLimit``
/// hops, or before a hop that would leave HTTPS.
public struct RedirectChain: Sendable, Hashable {
  /// More hops than this earn a warning: some MCP clients give up after five (observed), and a
  /// configured endpoint needs at most a few (a trailing slash, a host, an upgrade to HTTPS).
  public static let warnLimit = 5
  /// The most redirects the check follows, the limit of the Fetch standard that browsers and
  /// Node's fetch apply (20); a 21st redirect is treated as a chain that does not terminate.
  public static let hardLimit = 20

  /// What was requested, in words ("the MCP endpoint", "protected-resource metadata").
  public var purpose: String
  /// The method of the first request.
  public var method: String
  /// The URL first requested.
  public var start: String
  /// Each redirect answer, in order.
  public var hops: [RedirectHop]
  /// Why the check stopped following before a final answer, if it did.
  public var stopped: String?

  /// Makes a chain.
  public init(
    purpose: String, method: String, start: String, hops: [RedirectHop] = [],
    stopped: String? = nil
  ) {
    self.purpose = purpose
    self.method = method
    self.start = start
    self.hops = hops
    self.stopped = stopped
  }
}
