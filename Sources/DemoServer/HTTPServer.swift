import Foundation
import Glibc
import Synchronization

/// A small HTTP/1.1 server on POSIX sockets, listening on 127.0.0.1 only.
///
/// One thread accepts connections and each connection gets a thread of its own, which reads
/// requests (keep-alive, `Content-Length` or chunked bodies), hands each to the async handler
/// and writes the response: complete bodies with `Content-Length`, streamed ones chunked.
/// The server's threads block `SIGINT` and `SIGTERM`, so that the process's own handling of
/// those signals (a dispatch signal source) receives them.
final class HTTPServer: Sendable {
  /// Answers one request.
  typealias Handler = @Sendable (HTTPRequest) async -> HTTPResponse

  /// The listening socket and the open connections.
  private struct State {
    var listener: HTTPSocket?
    var connections: Set<Int32> = []
    var started = false
    var stopped = false
  }

  /// The handler.
  private let handler: Handler
  /// The state.
  private let state = Mutex(State())

  /// Makes a server that answers with `handler`; it listens once started.
  init(handler: @escaping Handler) {
    self.handler = handler
  }

  /// Starts listening on 127.0.0.1 at `port` (0 picks a free port) and returns the port.
  func start(port: UInt16) throws(DemoHTTPServerError) -> UInt16 {
    let (listener, bound) = try HTTPSocket.listen(port: port)
    let accepted = state.withLock { state -> Bool in
      guard !state.started && !state.stopped else { return false }
      state.started = true
      state.listener = listener
      return true
    }
    guard accepted else {
      listener.close()
      throw DemoHTTPServerError("the server was already started or stopped", errno: EINVAL)
    }
    let thread = Thread { [self] in
      HTTPServer.blockTerminationSignals()
      acceptLoop(listener)
    }
    thread.name = "preflight.http.accept"
    thread.start()
    return bound
  }

  /// Stops accepting and shuts every open connection down (their threads then end).
  func stop() {
    // Under the lock, so that no descriptor is closed (and its number reused) meanwhile.
    state.withLock { state in
      state.stopped = true
      state.listener?.shutDown()
      for fd in state.connections { HTTPSocket(fd: fd).shutDown() }
    }
  }

  /// Accepts connections until the listener is shut down, then closes it.
  private func acceptLoop(_ listener: HTTPSocket) {
    while let client = listener.accept() {
      let admitted = state.withLock { state -> Bool in
        guard !state.stopped else { return false }
        state.connections.insert(client.fd)
        return true
      }
      guard admitted else {
        client.close()
        break
      }

      let handler = handler
      let thread = Thread { [self] in
        HTTPServer.blockTerminationSignals()
        HTTPConnection(socket: client, handler: handler).run()
        state.withLock { state in
          state.connections.remove(client.fd)
          client.close()
        }
      }
      thread.name = "preflight.http.connection"
      thread.start()
    }
    state.withLock { state in
      state.listener = nil
      listener.close()
    }
  }

  /// Blocks `SIGINT` and `SIGTERM` on the calling (server) thread, so the process's signal
  /// handling (a dispatch source reading a signalfd) sees them rather than this thread.
  static func blockTerminationSignals() {
    var signals = sigset_t()
    sigemptyset(&signals)
    sigaddset(&signals, SIGINT)
    sigaddset(&signals, SIGTERM)
    pthread_sigmask(SIG_BLOCK, &signals, nil)
  }
}
