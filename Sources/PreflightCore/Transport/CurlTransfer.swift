import CCurlShim
import Dispatch
import Foundation
import Synchronization

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// One request carried by libcurl (``CurlHTTPEngine``): `curl_easy_perform` blocks, so each
/// transfer runs on a thread of its own, never on the Swift concurrency pool.
///
/// libcurl's callbacks arrive on that thread; each is handed to the engine's serial queue, so
/// the exchange's observer sees what URLSession's delegate queue would give it: the final head
/// once, before the first body byte, each body chunk as it arrives (SSE streams, nothing is
/// buffered), then the completion once. Cancelling shuts the transfer's sockets down, so a
/// blocked read ends at once, and sets a flag that the progress callback (called at least once
/// a second, even on an idle stream) and the data callbacks read; a non-zero answer makes
/// libcurl abort the transfer.
final class CurlTransfer: HTTPEngineTask {
  private struct State {
    var exchange: HTTPExchange?
    var started = false
    var headReported = false
    var finished = false
    var parser: CurlHeadParser
    /// The transfer's socket set (its address) while `curl_easy_perform` may use it.
    var sockets: UInt?
  }

  private let url: String
  private let method: String
  private let headers: [(name: String, value: String)]
  private let body: [UInt8]?
  private let verifiesCertificates: Bool
  private let queue: DispatchQueue
  private let onEnd: @Sendable (CurlTransfer) -> Void
  private let cancelled = Atomic<Bool>(false)
  private let state: Mutex<State>

  /// Redirects libcurl follows before giving up.
  static let maxRedirects = 16

  /// Prepares `request`; callbacks go through `queue`, and `onEnd` runs on the transfer's
  /// thread once it is over.
  init(
    request: URLRequest, verifiesCertificates: Bool, queue: DispatchQueue,
    onEnd: @escaping @Sendable (CurlTransfer) -> Void
  ) {
    url = request.url?.absoluteString ?? ""
    method = request.httpMethod ?? "GET"
    headers = (request.allHTTPHeaderFields ?? [:]).sorted { $0.key < $1.key }.map {
      (name: $0.key, value: $0.value)
    }
    body = request.httpBody.map { Array($0) }
    self.verifiesCertificates = verifiesCertificates
    self.queue = queue
    self.onEnd = onEnd
    state = Mutex(State(parser: CurlHeadParser(followsRedirects: true)))
  }

  /// Routes callbacks to `exchange`; call before ``resume()``.
  func attach(_ exchange: HTTPExchange) {
    state.withLock { $0.exchange = exchange }
  }

  /// Starts the transfer's thread (once).
  func resume() {
    let first = state.withLock { state -> Bool in
      defer { state.started = true }
      return !state.started
    }
    guard first else { return }
    let thread = Thread { [self] in
      run()
      onEnd(self)
    }
    thread.name = "preflight.curl"
    thread.stackSize = 1 << 20
    thread.start()
  }

  /// Asks libcurl to abort; the completion reports a cancelled failure.
  func cancel() {
    cancelled.store(true, ordering: .sequentiallyConsistent)
    state.withLock { state in
      if let sockets = state.sockets.flatMap({ OpaquePointer(bitPattern: $0) }) {
        pf_curl_sockets_shutdown(sockets)
      }
    }
  }

  private var isCancelled: Bool { cancelled.load(ordering: .sequentiallyConsistent) }

  // MARK: - The transfer's thread

  private func run() {
    var loadError = [CChar](repeating: 0, count: 512)
    guard pf_curl_load(&loadError, loadError.count) == 0 else {
      let why = String(
        decoding: loadError.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) },
        as: UTF8.self)
      finish(HTTPFailure(.other, "--insecure needs libcurl, which could not be loaded: \(why)"))
      return
    }
    if isCancelled {
      finish(HTTPFailure(.cancelled))
      return
    }
    // Sockets a cancel can shut down. Freed last: curl_easy_cleanup may still close a socket
    // through them.
    let sockets = pf_curl_sockets_create()
    defer { pf_curl_sockets_destroy(sockets) }
    let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(PF_CURL_ERROR_SIZE))
    errorBuffer.initialize(repeating: 0, count: Int(PF_CURL_ERROR_SIZE))
    defer { errorBuffer.deallocate() }
    var list: pf_curl_slist? = nil
    // "Expect:" keeps libcurl from sending `Expect: 100-continue` and waiting for it. To
    // libcurl "Name:" removes a header; an empty value is spelled "Name;".
    let lines = headers.map { $0.value.isEmpty ? "\($0.name);" : "\($0.name): \($0.value)" }
    for line in lines + ["Expect:"] {
      list = pf_curl_slist_append(list, line) ?? list
    }
    defer { pf_curl_slist_free_all(list) }
    // Cleaned up before the list, the error buffer and the socket set it uses are freed.
    guard let handle = pf_curl_easy_init() else {
      finish(HTTPFailure(.other, "libcurl could not start a transfer (curl_easy_init failed)"))
      return
    }
    defer { pf_curl_easy_cleanup(handle) }
    if let problem = configure(handle, headerList: list, errorBuffer: errorBuffer) {
      finish(HTTPFailure(.other, problem))
      return
    }
    if let sockets, pf_curl_track_sockets(handle, sockets) == Int32(PF_CURLE_OK) {
      let address = UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(sockets)))
      state.withLock { $0.sockets = address }
      // A cancel that came before the set was visible has set the flag: honour it here.
      if isCancelled { pf_curl_sockets_shutdown(sockets) }
    }
    defer { state.withLock { $0.sockets = nil } }
    let code = pf_curl_easy_perform(handle)
    if code == Int32(PF_CURLE_OK) {
      let pending = state.withLock { state -> (reported: Bool, last: HTTPResponseHead?) in
        (state.headReported, state.parser.lastHead)
      }
      if !pending.reported {
        guard let last = pending.last else {
          finish(HTTPFailure(.other, "the server sent no response"))
          return
        }
        report(head: last)
      }
      finish(nil)
      return
    }
    var detail = String(cString: errorBuffer)
    if detail.isEmpty {
      detail = String(cString: pf_curl_easy_strerror(code))
    }
    if code == Int32(PF_CURLE_UNSUPPORTED_PROTOCOL) && startsOnHTTPS {
      detail = "did not follow a redirect from https to another scheme (\(detail))"
    }
    finish(
      isCancelled ? HTTPFailure(.cancelled, detail) : HTTPFailure(curlCode: code, detail: detail))
  }

  /// Whether the request starts on https, so that redirects must stay on it.
  private var startsOnHTTPS: Bool { url.lowercased().hasPrefix("https:") }

  /// Sets every option; returns what went wrong, if anything.
  private func configure(
    _ handle: pf_curl_handle, headerList: pf_curl_slist?,
    errorBuffer: UnsafeMutablePointer<CChar>
  ) -> String? {
    var failed: [Int] = []
    func check(_ option: Int, _ code: Int32) {
      if code != Int32(PF_CURLE_OK) { failed.append(option) }
    }
    func long(_ option: Int, _ value: Int) {
      check(option, pf_curl_setopt_long(handle, Int32(option), value))
    }
    func pointer(_ option: Int, _ value: UnsafeRawPointer?) {
      check(option, pf_curl_setopt_pointer(handle, Int32(option), value))
    }
    let user = UnsafeRawPointer(Unmanaged.passUnretained(self).toOpaque())
    url.withCString { pointer(PF_CURLOPT_URL, $0) }
    pointer(PF_CURLOPT_ERRORBUFFER, errorBuffer)
    long(PF_CURLOPT_HTTP_VERSION, PF_CURL_HTTP_VERSION_1_1)
    // No signals: libcurl runs on many threads at once here.
    long(PF_CURLOPT_NOSIGNAL, 1)
    long(PF_CURLOPT_SSL_VERIFYPEER, verifiesCertificates ? 1 : 0)
    long(PF_CURLOPT_SSL_VERIFYHOST, verifiesCertificates ? 2 : 0)
    long(PF_CURLOPT_FOLLOWLOCATION, 1)
    long(PF_CURLOPT_MAXREDIRS, Self.maxRedirects)
    if startsOnHTTPS {
      // Never down from https, as the URLSession engine. The string form is libcurl ≥ 7.85;
      // older ones take the (since deprecated) bit mask.
      let set = "https".withCString {
        pf_curl_setopt_pointer(handle, Int32(PF_CURLOPT_REDIR_PROTOCOLS_STR), $0)
      }
      if set != Int32(PF_CURLE_OK) {
        long(PF_CURLOPT_REDIR_PROTOCOLS, PF_CURLPROTO_HTTPS)
      }
    }
    // A proxy's CONNECT answer is not the server's head. Older libcurl lacks the option.
    _ = pf_curl_setopt_long(handle, Int32(PF_CURLOPT_SUPPRESS_CONNECT_HEADERS), 1)
    pointer(PF_CURLOPT_HTTPHEADER, headerList)
    long(PF_CURLOPT_NOPROGRESS, 0)
    pointer(PF_CURLOPT_XFERINFODATA, user)
    check(
      PF_CURLOPT_XFERINFOFUNCTION,
      pf_curl_setopt_xferinfo_callback(handle, Int32(PF_CURLOPT_XFERINFOFUNCTION)) {
        user, _, _, _, _ in
        guard let user else { return 1 }
        return Unmanaged<CurlTransfer>.fromOpaque(user).takeUnretainedValue().isCancelled ? 1 : 0
      })
    pointer(PF_CURLOPT_HEADERDATA, user)
    check(
      PF_CURLOPT_HEADERFUNCTION,
      pf_curl_setopt_data_callback(handle, Int32(PF_CURLOPT_HEADERFUNCTION)) {
        data, size, count, user in
        guard let user else { return 0 }
        let bytes = UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size * count)
        return Unmanaged<CurlTransfer>.fromOpaque(user).takeUnretainedValue().headerLine(bytes)
      })
    pointer(PF_CURLOPT_WRITEDATA, user)
    check(
      PF_CURLOPT_WRITEFUNCTION,
      pf_curl_setopt_data_callback(handle, Int32(PF_CURLOPT_WRITEFUNCTION)) {
        data, size, count, user in
        guard let user else { return 0 }
        let bytes = UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size * count)
        return Unmanaged<CurlTransfer>.fromOpaque(user).takeUnretainedValue().bodyChunk(bytes)
      })
    switch (method, body) {
    case ("GET", nil):
      long(PF_CURLOPT_HTTPGET, 1)
    case (_, let body?):
      long(PF_CURLOPT_POST, 1)
      long(PF_CURLOPT_POSTFIELDSIZE, body.count)
      // libcurl copies the body, so it outlives this call.
      if body.isEmpty {
        "".withCString { pointer(PF_CURLOPT_COPYPOSTFIELDS, $0) }
      } else {
        body.withUnsafeBytes { pointer(PF_CURLOPT_COPYPOSTFIELDS, $0.baseAddress) }
      }
      if method != "POST" {
        method.withCString { pointer(PF_CURLOPT_CUSTOMREQUEST, $0) }
      }
    case (_, nil):
      method.withCString { pointer(PF_CURLOPT_CUSTOMREQUEST, $0) }
    }
    guard failed.isEmpty else {
      return "libcurl refused options \(failed.map(String.init).joined(separator: ", "))"
    }
    return nil
  }

  /// One header line; returns how many bytes were taken (fewer aborts the transfer).
  private func headerLine(_ bytes: UnsafeRawBufferPointer) -> Int {
    if isCancelled { return 0 }
    let head = state.withLock { state -> HTTPResponseHead? in
      guard !state.headReported else { return nil }  // trailers after the body
      return state.parser.feed(Array(bytes))
    }
    if let head {
      report(head: head)
    }
    return bytes.count
  }

  /// One body chunk, passed on at once.
  private func bodyChunk(_ bytes: UnsafeRawBufferPointer) -> Int {
    if isCancelled { return 0 }
    guard !bytes.isEmpty else { return 0 }
    let unreported = state.withLock { state -> HTTPResponseHead? in
      state.headReported ? nil : state.parser.lastHead
    }
    if let unreported {
      report(head: unreported)
    }
    let data = Data(bytes)
    deliver { $0.received(data: data) }
    return bytes.count
  }

  private func report(head: HTTPResponseHead) {
    let first = state.withLock { state -> Bool in
      defer { state.headReported = true }
      return !state.headReported
    }
    if first {
      deliver { $0.received(head: head) }
    }
  }

  private func finish(_ failure: HTTPFailure?) {
    let first = state.withLock { state -> Bool in
      defer { state.finished = true }
      return !state.finished
    }
    if first {
      deliver { $0.completed(failure: failure) }
    }
  }

  private func deliver(_ work: @escaping @Sendable (HTTPExchange) -> Void) {
    guard let exchange = state.withLock({ $0.exchange }) else { return }
    queue.async { work(exchange) }
  }
}
