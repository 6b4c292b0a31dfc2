/// Makes the HTTP transport the command line asks for.
public enum HTTPTransports {
  /// A transport for `url` in `mode` (`--transport auto|http|sse`). `options.url` is replaced by
  /// `url`.
  public static func make(
    url: String, mode: HTTPTransportMode, options: HTTPTransportOptions
  ) -> any Transport {
    var options = options
    options.url = url
    switch mode {
    case .auto: return AutoHTTPTransport(options: options)
    case .http: return StreamableHTTPTransport(options: options)
    case .sse: return LegacySSETransport(options: options)
    }
  }
}
