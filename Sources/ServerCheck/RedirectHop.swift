/// One redirect answer the check met while following a URL: who answered, with which status,
/// and where it pointed.
public struct RedirectHop: Sendable, Hashable {
  /// The URL that answered with the redirect.
  public var url: String
  /// The redirect status (301, 302, 303, 307 or 308).
  public var status: Int
  /// The `Location` it pointed to, resolved against `url`; nil when it had none that parses.
  public var location: String?
  /// Wire-log seqs of the request and of the redirect answer.
  public var evidence: [Int]

  /// Makes a hop.
  public init(url: String, status: Int, location: String?, evidence: [Int] = []) {
    self.url = url
    self.status = status
    self.location = location
    self.evidence = evidence
  }
}
