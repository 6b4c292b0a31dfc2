import Foundation
import PreflightJSON
import Synchronization

/// `--transport auto`: Streamable HTTP first, legacy HTTP+SSE when the server says no, as the
/// specification's backwards-compatibility section describes (mcp-client.md §4.8).
///
/// The first frame (the `initialize` request) is POSTed as Streamable HTTP. If the server
/// answers `400`, `404` or `405` (without a JSON-RPC response to it in the body, which would
/// mean a server that does speak Streamable HTTP), the transport GETs the same URL expecting an
/// SSE stream whose first event is `endpoint`, and POSTs the same `initialize` there. A
/// `transport-chosen` note says which it chose and why; ``kind`` reports the choice (`http`
/// until it is known).
public final class AutoHTTPTransport: Transport {
  private enum Choice {
    case none
    case http(StreamableHTTPTransport)
    case sse(LegacySSETransport)
  }

  /// Whether a pump forwards its stream's `.closed`.
  private final class Forwarding: Sendable {
    let enabled = Mutex(true)
  }

  private struct State {
    var opened = false
    var closed = false
    var choosing = false
    var choice = Choice.none
    var pumps: [Task<Void, Never>] = []
  }

  /// What the transport was made with.
  public let options: HTTPTransportOptions
  private let sink = HTTPEventSink()
  private let state = Mutex(State())
  private let streamable: StreamableHTTPTransport

  /// Makes a transport for `options.url`.
  public init(options: HTTPTransportOptions) {
    self.options = options
    self.streamable = StreamableHTTPTransport(options: options)
  }

  /// A `tls-warning` when `--insecure` turns certificate checks off for an https URL.
  public var openingNote: (kind: String, text: String)? { options.tlsWarning }

  /// `http` or `sse` once chosen; `http` before.
  public var kind: String {
    state.withLock { state in
      if case .sse = state.choice { return "sse" }
      return "http"
    }
  }

  /// Returns the event stream; nothing goes over the network until the first frame.
  public func open() async throws(TransportError) -> AsyncStream<TransportEvent> {
    guard StreamableHTTPTransport.httpURL(options.url) != nil else {
      throw TransportError(
        "not an http:// or https:// URL: \(options.redactor.redactURL(options.url).0)")
    }
    return try state.withLock { state throws(TransportError) -> AsyncStream<TransportEvent> in
      guard !state.opened, !state.closed else {
        throw TransportError("this transport was already used")
      }
      state.opened = true
      return sink.start()
    }
  }

  /// Sends through the chosen transport; the first frame chooses it.
  public func send(_ frame: [UInt8]) async throws(TransportError) {
    let choice = try state.withLock { state throws(TransportError) -> Choice? in
      guard state.opened, !state.closed else {
        throw TransportError("cannot send: the transport is not open")
      }
      switch state.choice {
      case .none:
        guard !state.choosing else {
          throw TransportError("cannot send while the transport is still being chosen")
        }
        state.choosing = true
        return nil
      case let chosen:
        return chosen
      }
    }
    switch choice {
    case .http(let transport)?:
      try await transport.send(frame)
    case .sse(let transport)?:
      try await transport.send(frame)
    case .none?, nil:
      try await choose(with: frame)
    }
  }

  /// Forwards `stream` into ours; its `.closed` ends ours only while `forwardsClose` says so.
  private func pump(_ stream: AsyncStream<TransportEvent>, forwardsClose: Forwarding) {
    let sink = self.sink
    let task = Task {
      for await event in stream {
        if case .closed(let reason) = event {
          if forwardsClose.enabled.withLock({ $0 }) {
            sink.finish(reason)
          }
          return
        }
        sink.yield(event)
      }
    }
    state.withLock { $0.pumps.append(task) }
  }

  private func choose(with frame: [UInt8]) async throws(TransportError) {
    defer { state.withLock { $0.choosing = false } }
    let stream = try await streamable.open()
    let forwards = Forwarding()
    pump(stream, forwardsClose: forwards)
    let path = URL(string: options.url)?.path ?? ""
    let shownPath = path.isEmpty ? "/" : path
    do {
      try await streamable.send(frame)
      state.withLock { $0.choice = .http(streamable) }
      sink.yield(
        .note(
          kind: "transport-chosen",
          text: "Streamable HTTP: POST \(shownPath) answered "
            + (streamable.initializeAnswer ?? "with success")))
      return
    } catch {
      guard let status = error.httpStatus, [400, 404, 405].contains(status),
        !error.isSessionExpired
      else {
        state.withLock { $0.choice = .http(streamable) }
        throw error
      }
      forwards.enabled.withLock { $0 = false }
      await streamable.close()
      let legacy = LegacySSETransport(options: options)
      let legacyStream: AsyncStream<TransportEvent>
      do {
        legacyStream = try await legacy.open()
      } catch let legacyError {
        state.withLock { $0.choice = .sse(legacy) }
        throw TransportError(
          "\(error.message); the fallback to legacy HTTP+SSE failed too: \(legacyError.message)",
          httpStatus: error.httpStatus)
      }
      let closedMeanwhile = state.withLock { state -> Bool in
        state.choice = .sse(legacy)
        return state.closed
      }
      pump(legacyStream, forwardsClose: Forwarding())
      sink.yield(
        .note(
          kind: "transport-chosen",
          text:
            "legacy HTTP+SSE: POST \(shownPath) answered \(HTTPResponseHead.statusLine(status)), "
            + "GET gave an endpoint event"))
      if closedMeanwhile {
        await legacy.close()
        throw TransportError("the transport was closed")
      }
      try await legacy.send(frame)
    }
  }

  /// The chosen transport's details; before the choice, those of a Streamable HTTP POST.
  public func outboundHTTPDetails() -> JSONValue? {
    switch state.withLock({ $0.choice }) {
    case .sse(let transport): transport.outboundHTTPDetails()
    case .http(let transport): transport.outboundHTTPDetails()
    case .none: streamable.outboundHTTPDetails()
    }
  }

  /// The chosen transport's details for this frame.
  public func outboundHTTPDetails(for frame: [UInt8]) -> JSONValue? {
    switch state.withLock({ $0.choice }) {
    case .sse(let transport): transport.outboundHTTPDetails(for: frame)
    case .http(let transport): transport.outboundHTTPDetails(for: frame)
    case .none: streamable.outboundHTTPDetails(for: frame)
    }
  }

  /// Closes the chosen transport (DELETE for Streamable HTTP) and ends the stream.
  public func close() async {
    let (choice, pumps, first) = state.withLock { state -> (Choice, [Task<Void, Never>], Bool) in
      let first = !state.closed
      state.closed = true
      return (state.choice, state.pumps, first)
    }
    switch choice {
    case .http(let transport): await transport.close()
    case .sse(let transport): await transport.close()
    case .none: await streamable.close()
    }
    for pump in pumps {
      await pump.value
    }
    if first {
      sink.finish(.local)
    }
  }
}
