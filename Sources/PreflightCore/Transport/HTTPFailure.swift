import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Why an HTTP exchange failed below HTTP (no status to show), sorted into what people can act
/// on.
struct HTTPFailure: Error, Sendable, Hashable {
  /// The kind of failure.
  enum Kind: Sendable, Hashable {
    /// The host name does not resolve.
    case dns
    /// Nothing listens there (connection refused).
    case refused
    /// The TLS handshake failed (certificate or protocol).
    case tls
    /// No answer in time.
    case timeout
    /// The connection broke after it was made.
    case lost
    /// Preflight cancelled it.
    case cancelled
    /// Anything else.
    case other
  }

  /// The kind.
  var kind: Kind
  /// The underlying text (libcurl's words on Linux), for the message.
  var detail: String

  /// Makes a failure.
  init(_ kind: Kind, _ detail: String = "") {
    self.kind = kind
    self.detail = detail
  }

  /// Sorts a Foundation error.
  init(_ error: any Error) {
    let text = (error as NSError).localizedDescription
    guard let error = error as? URLError else {
      self.init(Self.looksLikeTLS(text) ? .tls : .other, text)
      return
    }
    switch error.code {
    case .cannotFindHost, .dnsLookupFailed: self.init(.dns, text)
    case .cannotConnectToHost: self.init(.refused, text)
    case .timedOut: self.init(.timeout, text)
    case .networkConnectionLost: self.init(.lost, text)
    case .cancelled: self.init(.cancelled, text)
    case .secureConnectionFailed, .serverCertificateHasBadDate, .serverCertificateUntrusted,
      .serverCertificateHasUnknownRoot, .serverCertificateNotYetValid,
      .clientCertificateRejected, .clientCertificateRequired:
      self.init(.tls, text)
    default:
      self.init(Self.looksLikeTLS(text) ? .tls : .other, text)
    }
  }

  /// libcurl reports TLS failures as an unknown error whose text names SSL or a certificate.
  private static func looksLikeTLS(_ text: String) -> Bool {
    let lowered = text.lowercased()
    return lowered.contains("ssl") || lowered.contains("certificate") || lowered.contains("tls")
  }

  /// The failure in words: what, where (`method` and the redacted `url`), and what to try.
  func message(method: String, url: URL, redactedURL: String, insecure: Bool) -> String {
    let host = url.host ?? redactedURL
    let port = url.port ?? (url.scheme == "https" ? 443 : 80)
    let request = "\(method) \(redactedURL)"
    let because = detail.isEmpty ? "" : " (\(detail))"
    switch kind {
    case .dns:
      return "cannot resolve host \(host): no such name (\(request))"
    case .refused:
      return "connection refused by \(host):\(port): is the server running? (\(request))"
    case .tls:
      return "TLS handshake with \(host) failed\(because) (\(request)); " + Self.tlsHint(insecure)
    case .timeout:
      return "\(request) timed out\(because)"
    case .lost:
      return "the connection to \(host) was lost\(because) (\(request))"
    case .cancelled:
      return "\(request) was cancelled"
    case .other:
      return "\(request) failed\(because)"
    }
  }

  /// What `--insecure` can do about a TLS failure.
  static func tlsHint(_ insecure: Bool) -> String {
    if insecure {
      return "the certificate was not checked (--insecure), so the handshake itself failed"
    }
    return "if you trust this server, --insecure accepts any certificate (or add its "
      + "certificate authority to the system's trust store)"
  }
}
