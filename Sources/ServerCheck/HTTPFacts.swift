/// Headers of the server's HTTP answers during the session (read from the wire log).
public struct HTTPFacts: Sendable, Hashable {
  /// `Mcp-Session-Id` values the server sent, each with the seq of the record carrying it.
  public var sessionIDs: [(value: String, seq: Int)]
  /// `Content-Type` values of answers that carried a JSON-RPC message, with their seqs.
  public var contentTypes: [(value: String, seq: Int)]

  /// Makes facts.
  public init(
    sessionIDs: [(value: String, seq: Int)] = [], contentTypes: [(value: String, seq: Int)] = []
  ) {
    self.sessionIDs = sessionIDs
    self.contentTypes = contentTypes
  }

  /// Compares by value.
  public static func == (lhs: HTTPFacts, rhs: HTTPFacts) -> Bool {
    lhs.sessionIDs.map(\.value) == rhs.sessionIDs.map(\.value)
      && lhs.sessionIDs.map(\.seq) == rhs.sessionIDs.map(\.seq)
      && lhs.contentTypes.map(\.value) == rhs.contentTypes.map(\.value)
      && lhs.contentTypes.map(\.seq) == rhs.contentTypes.map(\.seq)
  }

  /// Hashes by value.
  public func hash(into hasher: inout Hasher) {
    for s in sessionIDs {
      hasher.combine(s.value)
      hasher.combine(s.seq)
    }
    for c in contentTypes {
      hasher.combine(c.value)
      hasher.combine(c.seq)
    }
  }
}
