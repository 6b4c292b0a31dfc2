import Synchronization

/// The demo server over Streamable HTTP, listening on 127.0.0.1 at the MCP endpoint `/mcp`.
///
/// Each session (opened by `initialize`) gets a fresh `DemoServer`, so sessions never see each
/// other's tasks. Requests are answered with JSON, except `tools/call` from a client whose
/// `Accept` lists `text/event-stream`, which is answered with an SSE stream carrying its
/// progress and log notifications before the response. See `DemoHTTPEndpoint` for the rules.
public final class DemoHTTPServer: Sendable {
  /// The path of the MCP endpoint.
  public static let path = DemoHTTPEndpoint.path

  /// The endpoint behind the HTTP server.
  private let endpoint: DemoHTTPEndpoint
  /// The HTTP server.
  private let http: HTTPServer
  /// The port, once listening.
  private let boundPort = Mutex<UInt16?>(nil)

  /// Makes a server that is not listening yet.
  ///
  /// - Parameters:
  ///   - pageSize: tools per `tools/list` page in every session, nil for one page.
  ///   - keepAliveInterval: how long an SSE stream may stay quiet before a comment is sent.
  public init(pageSize: Int? = nil, keepAliveInterval: Duration = .seconds(15)) {
    let endpoint = DemoHTTPEndpoint(pageSize: pageSize, keepAlive: keepAliveInterval)
    self.endpoint = endpoint
    self.http = HTTPServer { request in await endpoint.respond(to: request) }
  }

  /// Starts listening on 127.0.0.1 at `port` (0 picks a free one) and returns the port.
  @discardableResult
  public func start(port: UInt16 = 0) throws(DemoHTTPServerError) -> UInt16 {
    let bound = try http.start(port: port)
    boundPort.withLock { $0 = bound }
    return bound
  }

  /// The port it listens on, once started.
  public var port: UInt16? {
    boundPort.withLock { $0 }
  }

  /// The endpoint's URL (`http://127.0.0.1:<port>/mcp`), once started.
  public var url: String? {
    port.map { "http://127.0.0.1:\($0)\(Self.path)" }
  }

  /// Stops listening, closes every connection and ends every session.
  public func stop() async {
    http.stop()
    await endpoint.closeAll()
  }
}
