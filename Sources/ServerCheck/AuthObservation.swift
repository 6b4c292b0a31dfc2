/// What the OAuth discovery ChatGPT runs found (chatgpt-approval.md §13.2).
public struct AuthObservation: Sendable, Hashable {
  /// The status of the unauthenticated request that started it (`401` or `403`), if one did.
  public var status: Int?
  /// The `WWW-Authenticate` challenge on that answer, if any.
  public var challenge: String?
  /// Wire-log seqs of the request answered with the challenge and of its answer.
  public var evidence: [Int]
  /// Protected-resource metadata fetches (RFC 9728), in the order tried.
  public var protectedResource: [MetadataFetch]
  /// Authorization-server metadata fetches (RFC 8414, then OpenID discovery), in order.
  public var authorizationServer: [MetadataFetch]

  /// Makes an observation.
  public init(
    status: Int? = nil, challenge: String? = nil, protectedResource: [MetadataFetch] = [],
    authorizationServer: [MetadataFetch] = [], evidence: [Int] = []
  ) {
    self.evidence = evidence
    self.status = status
    self.challenge = challenge
    self.protectedResource = protectedResource
    self.authorizationServer = authorizationServer
  }

  /// The first protected-resource document that was found.
  public var protectedResourceDocument: MetadataFetch? {
    protectedResource.first(where: \.succeeded)
  }

  /// The first authorization-server document that was found.
  public var authorizationServerDocument: MetadataFetch? {
    authorizationServer.first(where: \.succeeded)
  }

  /// The `resource_metadata` URL of a Bearer challenge, if it names one.
  public static func resourceMetadataURL(in challenge: String) -> String? {
    guard let range = challenge.range(of: "resource_metadata=", options: .caseInsensitive)
    else { return nil }
    var rest = challenge[range.upperBound...]
    if rest.hasPrefix("\"") {
      rest = rest.dropFirst()
      guard let end = rest.firstIndex(of: "\"") else { return nil }
      return String(rest[..<end])
    }
    let end = rest.firstIndex(where: { $0 == "," || $0 == " " }) ?? rest.endIndex
    return String(rest[..<end])
  }
}
