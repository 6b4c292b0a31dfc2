import Foundation
import PreflightJSON
import Synchronization

/// Reads the GET stream of a ``LegacySSETransport``: waits for the `endpoint` event, then turns
/// each `message` event into an `.httpFrame` as it arrives.
final class LegacySSEStreamReader: HTTPExchangeObserver {
  private struct State {
    var head: HTTPResponseHead?
    var parser = SSEParser()
    var body: [UInt8] = []
    var total = 0
    var endpoint: URL?
    var ended = false
    var failure: HTTPFailure?
    var endpointWaiters: [CheckedContinuation<Result<URL, HTTPFailure>, Never>] = []
    var endWaiters: [CheckedContinuation<Void, Never>] = []
  }

  private let transport: LegacySSETransport
  private let state = Mutex(State())

  /// Makes a reader for `transport`'s GET stream.
  init(transport: LegacySSETransport) {
    self.transport = transport
  }

  /// The body of a non-SSE answer (at most 64 KB) and its full size.
  var body: (bytes: [UInt8], total: Int) { state.withLock { ($0.body, $0.total) } }

  /// Waits for the `endpoint` event's URL, resolved against the SSE URL; a failure when the
  /// stream ends (or is cancelled) first.
  func waitForEndpoint() async -> Result<URL, HTTPFailure> {
    await withCheckedContinuation {
      (continuation: CheckedContinuation<Result<URL, HTTPFailure>, Never>) in
      let done = state.withLock { state -> Result<URL, HTTPFailure>? in
        if let endpoint = state.endpoint { return .success(endpoint) }
        if state.ended {
          return .failure(
            state.failure ?? HTTPFailure(.other, "the stream ended before an endpoint event"))
        }
        state.endpointWaiters.append(continuation)
        return nil
      }
      if let done {
        continuation.resume(returning: done)
      }
    }
  }

  /// Waits until the exchange has ended.
  func waitForEnd() async {
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
      let done = state.withLock { state -> Bool in
        if state.ended { return true }
        state.endWaiters.append(continuation)
        return false
      }
      if done {
        continuation.resume()
      }
    }
  }

  func didReceive(head: HTTPResponseHead) {
    state.withLock { $0.head = head }
  }

  func didReceive(data: Data) {
    var events: [SSEEvent] = []
    state.withLock { state in
      state.total += data.count
      if let head = state.head, head.isSuccess, head.mediaType == "text/event-stream" {
        data.withUnsafeBytes { buffer in
          state.parser.feed(buffer) { events.append($0) }
        }
      } else if state.body.count < StreamableHTTPResponseReader.bodyLimit {
        state.body.append(
          contentsOf: data.prefix(StreamableHTTPResponseReader.bodyLimit - state.body.count))
      }
    }
    for event in events {
      handle(event)
    }
  }

  private func handle(_ event: SSEEvent) {
    let head = state.withLock { $0.head }
    let url = transport.redactedURL
    var extra = JSONObject()
    if event.type != "message" {
      extra["event"] = .string(event.type)
    }
    let record = HTTPRecord.response(
      method: "GET", url: url, head: head, eventID: event.id, extra: extra)
    switch event.type {
    case "endpoint":
      let text = event.text.trimmingCharacters(in: .whitespaces)
      guard let resolved = URL(string: text, relativeTo: transport.sseURL)?.absoluteURL,
        StreamableHTTPTransport.httpURL(resolved.absoluteString) != nil
      else {
        transport.sink.yield(
          .http(
            record,
            text: "ignored an endpoint event whose data is not a usable URL: "
              + transport.options.redactor.redact(String(text.prefix(200))).0))
        return
      }
      let (first, waiters) = state.withLock {
        state -> (Bool, [CheckedContinuation<Result<URL, HTTPFailure>, Never>]) in
        guard state.endpoint == nil else { return (false, []) }
        state.endpoint = resolved
        defer { state.endpointWaiters = [] }
        return (true, state.endpointWaiters)
      }
      let shown = transport.options.redactor.redactURL(resolved.absoluteString).0
      transport.sink.yield(
        .http(
          record,
          text: first
            ? "endpoint event: messages go to POST \(shown)"
            : "ignored a second endpoint event (\(shown)); messages still go to the first"))
      for waiter in waiters {
        waiter.resume(returning: .success(resolved))
      }
    case "message":
      if event.data.isEmpty {
        transport.sink.yield(.http(record, text: "SSE message event with empty data"))
      } else {
        transport.sink.yield(.httpFrame(event.data, http: record))
      }
    default:
      transport.sink.yield(
        .http(
          HTTPRecord.response(
            method: "GET", url: url, head: head, eventID: event.id, body: event.data,
            extra: extra),
          text: "ignored an SSE event of type '\(event.type)' (legacy HTTP+SSE sends only "
            + "endpoint and message events)"))
    }
  }

  func didComplete(failure: HTTPFailure?) {
    let (endpointWaiters, endWaiters) = state.withLock {
      state -> (
        [CheckedContinuation<Result<URL, HTTPFailure>, Never>], [CheckedContinuation<Void, Never>]
      ) in
      state.parser.finish()
      state.failure = failure
      state.ended = true
      defer {
        state.endpointWaiters = []
        state.endWaiters = []
      }
      return (state.endpointWaiters, state.endWaiters)
    }
    let ending = failure ?? HTTPFailure(.other, "the stream ended before an endpoint event")
    for waiter in endpointWaiters {
      waiter.resume(returning: .failure(ending))
    }
    transport.streamEnded(failure: failure)
    for waiter in endWaiters {
      waiter.resume()
    }
  }
}
