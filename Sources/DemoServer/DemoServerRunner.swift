import PreflightCore
import PreflightJSON

/// Serves the demo server over a transport through the core's JSON-RPC peer, so the demo
/// exercises the same engine (and, over stdio, the same framing) as any other server.
public enum DemoServerRunner {
  /// Serves on this process's standard input and output until standard input ends.
  public static func serveStdio(pageSize: Int? = nil) async {
    await serve(on: StdioServerTransport(), pageSize: pageSize)
  }

  /// Serves on `transport` until it closes. Each request runs in its own task; a
  /// `notifications/cancelled` from the client cancels that task and no answer is sent.
  public static func serve(on transport: any Transport, pageSize: Int? = nil) async {
    let server = DemoServer(pageSize: pageSize)
    // The server keeps only a short log: nobody reads it, but the peer records every frame.
    let log = WireLog(capacity: 256)
    let peer = JSONRPCPeer(transport: transport, log: log, idStyle: .string(prefix: "demo-"))
    await peer.setFallbackRequestHandler { [peer] method, params, _ in
      let context = DemoRequestContext(progressToken: params?["_meta"]?["progressToken"]) {
        method, params in
        try? await peer.notify(method, params: params)
      }
      switch await server.handle(method: method, params: params, context: context) {
      case .result(let value):
        return .success(value)
      case .error(let code, let message, let data):
        return .failure(JSONRPCErrorObject(code: code, message: message, data: data))
      }
    }
    await peer.setNotificationHandler { method, params in
      await server.handleNotification(method: method, params: params)
    }
    do {
      try await peer.start()
    } catch {
      return
    }
    await peer.waitUntilClosed()
  }
}
