import PreflightJSON

/// A bidirectional channel that carries raw JSON-RPC frames.
///
/// A transport knows nothing of JSON-RPC: it moves frames (one JSON text each) and reports what
/// happened around them. Everything it receives reaches the event stream, even bytes that are not
/// JSON, so nothing is lost before the wire log sees it.
public protocol Transport: Sendable {
  /// A short name for the wire log's `transport` field: `stdio`, `http`, `sse`, `memory`.
  var kind: String { get }
  /// Opens the channel; events arrive on the stream until `.closed`, which is always the last.
  func open() async throws(TransportError) -> AsyncStream<TransportEvent>
  /// Sends one frame exactly as given (without a trailing newline; the transport frames it).
  func send(_ frame: [UInt8]) async throws(TransportError)
  /// Closes the channel and releases its resources; safe to call more than once.
  func close() async
  /// The `http` object for the wire-log record of the next outbound frame (method, URL, request
  /// headers that matter, secrets redacted); nil for transports that are not HTTP.
  func outboundHTTPDetails() -> JSONValue?
  /// The same for a given frame, for transports whose headers depend on it (the session id is
  /// left off `tools/call` under the ChatGPT profile).
  func outboundHTTPDetails(for frame: [UInt8]) -> JSONValue?
  /// What opening did, for the wire log (`process`: "started … (pid N)"), available once
  /// `open()` returns, so it is recorded before anything is sent; nil when there is nothing
  /// to say.
  var openingNote: (kind: String, text: String)? { get }
}

extension Transport {
  /// Not HTTP: no details.
  public func outboundHTTPDetails() -> JSONValue? { nil }

  /// Nothing to say about opening.
  public var openingNote: (kind: String, text: String)? { nil }

  /// By default the details do not depend on the frame.
  public func outboundHTTPDetails(for frame: [UInt8]) -> JSONValue? { outboundHTTPDetails() }
}
