import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// One request as an HTTP engine runs it: what ``HTTPExchange`` needs to start and stop it,
/// whichever engine carries it (a URLSession data task, or a ``CurlTransfer`` for
/// `--insecure`).
protocol HTTPEngineTask: Sendable {
  /// Starts the request.
  func resume()
  /// Stops the request; the exchange still gets its completion (a cancelled failure).
  func cancel()
}

extension URLSessionDataTask: HTTPEngineTask {}
