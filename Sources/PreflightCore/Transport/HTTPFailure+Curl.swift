import CCurlShim

extension HTTPFailure {
  /// Sorts a libcurl result code (`CURLcode`); `detail` is libcurl's own words (its error
  /// buffer, or `curl_easy_strerror`).
  init(curlCode code: Int32, detail: String) {
    switch Int(code) {
    case PF_CURLE_COULDNT_RESOLVE_HOST, PF_CURLE_COULDNT_RESOLVE_PROXY:
      self.init(.dns, detail)
    case PF_CURLE_COULDNT_CONNECT:
      self.init(.refused, detail)
    case PF_CURLE_OPERATION_TIMEDOUT:
      self.init(.timeout, detail)
    case PF_CURLE_ABORTED_BY_CALLBACK:
      self.init(.cancelled, detail)
    case PF_CURLE_SSL_CONNECT_ERROR, PF_CURLE_SSL_ENGINE_NOTFOUND, PF_CURLE_SSL_CERTPROBLEM,
      PF_CURLE_SSL_CIPHER, PF_CURLE_PEER_FAILED_VERIFICATION, PF_CURLE_SSL_CACERT_BADFILE,
      PF_CURLE_SSL_SHUTDOWN_FAILED, PF_CURLE_SSL_CRL_BADFILE, PF_CURLE_SSL_ISSUER_ERROR,
      PF_CURLE_SSL_PINNEDPUBKEYNOTMATCH, PF_CURLE_SSL_INVALIDCERTSTATUS:
      self.init(.tls, detail)
    case PF_CURLE_GOT_NOTHING, PF_CURLE_SEND_ERROR, PF_CURLE_RECV_ERROR, PF_CURLE_PARTIAL_FILE,
      PF_CURLE_HTTP2, PF_CURLE_HTTP2_STREAM:
      self.init(.lost, detail)
    default:
      self.init(.other, detail)
    }
  }
}
