/// The checks that keep web pages away from the local server (DNS rebinding, cross-site
/// requests): the `Origin` and `Host` headers must name this machine.
enum DemoHTTPOriginCheck {
  /// The host names that mean this machine.
  static let localHosts: Set<String> = ["localhost", "127.0.0.1", "[::1]"]

  /// Whether a request with this `Origin` header may be served: absent, or `http(s)://` with a
  /// local host and any port.
  static func allows(origin: String?) -> Bool {
    guard let origin else { return true }
    let text = origin.lowercased()
    let rest: Substring
    if text.hasPrefix("http://") {
      rest = text.dropFirst("http://".count)
    } else if text.hasPrefix("https://") {
      rest = text.dropFirst("https://".count)
    } else {
      return false
    }
    let authority = rest.hasSuffix("/") ? rest.dropLast() : rest
    return isLocal(authority: authority)
  }

  /// Whether a request with this `Host` header may be served: absent (HTTP/1.0), or a local
  /// host with any port.
  static func allows(host: String?) -> Bool {
    guard let host else { return true }
    return isLocal(authority: host.lowercased()[...])
  }

  /// Whether `authority` is a local host name, optionally followed by `:port`.
  private static func isLocal(authority: Substring) -> Bool {
    var name = authority
    if let colon = authority.lastIndex(of: ":"), !authority[colon...].contains("]") {
      let port = authority[authority.index(after: colon)...]
      guard !port.isEmpty, port.allSatisfy({ $0.isASCII && $0.isNumber }), port.count <= 5 else {
        return false
      }
      name = authority[..<colon]
    }
    return localHosts.contains(String(name))
  }
}
