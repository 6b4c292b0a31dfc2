import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Makes the HTTP requests of a transport: its own headers, then the user's in order (a user
/// header replaces a transport header of the same name), then the headers the transport owns
/// (session id, protocol version, last event id), which the user cannot override.
struct HTTPRequestFactory: Sendable {
  /// Headers only the transport sets.
  static let ownedHeaders: Set<String> = [
    "mcp-session-id", "mcp-protocol-version", "last-event-id",
  ]

  /// The user's headers.
  let userHeaders: [(name: String, value: String)]

  /// Makes a factory.
  init(userHeaders: [(name: String, value: String)]) {
    self.userHeaders = userHeaders.filter { !Self.ownedHeaders.contains($0.name.lowercased()) }
  }

  /// A request.
  func make(
    method: String, url: URL, base: [(name: String, value: String)],
    owned: [(name: String, value: String)], body: [UInt8]? = nil
  ) -> URLRequest {
    var request = URLRequest(url: url)
    request.httpMethod = method
    var seen: Set<String> = []
    for header in headers(base: base, owned: owned) {
      if seen.insert(header.name.lowercased()).inserted {
        request.setValue(header.value, forHTTPHeaderField: header.name)
      } else {
        request.addValue(header.value, forHTTPHeaderField: header.name)
      }
    }
    if let body {
      request.httpBody = Data(body)
    }
    return request
  }

  /// The headers a request carries, in order, after overrides.
  func headers(
    base: [(name: String, value: String)], owned: [(name: String, value: String)]
  ) -> [(name: String, value: String)] {
    let userNames = Set(userHeaders.map { $0.name.lowercased() })
    var result = base.filter { !userNames.contains($0.name.lowercased()) }
    result += userHeaders
    result += owned
    return result
  }
}
