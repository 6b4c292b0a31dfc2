/// Which library carries a client's HTTP requests.
///
/// URLSession is the engine for normal use. FoundationNetworking on Linux cannot skip
/// certificate checks (it never asks its delegate about server trust), so `--insecure` uses
/// libcurl directly, loaded at run time (``CurlHTTPEngine``). Tests may pick either engine for
/// plain `http://` too; users cannot.
enum HTTPEngine: Sendable, Hashable {
  /// URLSession (FoundationNetworking on Linux).
  case foundation
  /// libcurl through `dlopen`, with certificate checks off.
  case curl

  /// The engine for a client: libcurl when `insecure` asks for it on Linux, URLSession
  /// otherwise (on Apple platforms URLSession's delegate can accept any certificate itself).
  static func choice(insecure: Bool) -> HTTPEngine {
    #if os(Linux)
      return insecure ? .curl : .foundation
    #else
      return .foundation
    #endif
  }
}
