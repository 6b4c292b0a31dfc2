import Foundation
import PreflightJSON
import Synchronization

/// The record of everything that crossed the wire, in order: kept in memory up to a cap, and
/// appended to an NDJSON file when one is given (the file keeps everything).
///
/// Safe to use from any thread. Secrets are redacted as records are made, so neither memory nor
/// the file ever holds them.
public final class WireLog: Sendable {
  private struct State {
    var records: [WireRecord] = []
    var head = 0
    var nextSeq = 1
    var evicted = 0
    var file: FileHandle?
    var fileError: String?
    var redactor: Redactor
    var observers: [UUID: @Sendable (WireRecord) -> Void] = [:]
  }

  private let state: Mutex<State>
  /// Records kept in memory before the oldest are evicted.
  public let capacity: Int
  private let now: @Sendable () -> Int64

  /// Makes a log.
  /// - Parameters:
  ///   - capacity: records kept in memory (`--wire-cap`).
  ///   - redactor: what to mask.
  ///   - clock: milliseconds since 1970, injectable for tests.
  public init(
    capacity: Int = 100_000, redactor: Redactor = Redactor(),
    clock: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) }
  ) {
    self.capacity = max(1, capacity)
    self.now = clock
    self.state = Mutex(State(redactor: redactor))
  }

  /// Starts appending every record, from now on, to `path` as NDJSON (the file is created or
  /// appended to).
  public func attachFile(path: String) throws(TransportError) {
    let fm = FileManager.default
    if !fm.fileExists(atPath: path) {
      guard fm.createFile(atPath: path, contents: nil) else {
        throw TransportError("cannot create the wire log '\(path)'")
      }
    }
    guard let handle = FileHandle(forWritingAtPath: path) else {
      throw TransportError("cannot open the wire log '\(path)' for writing")
    }
    handle.seekToEndOfFile()
    state.withLock { $0.file = handle }
  }

  /// Adds a secret value to redact from now on.
  public func addSecret(_ secret: String) {
    state.withLock { $0.redactor.add(secret: secret) }
  }

  /// The redactor in use.
  public var redactor: Redactor { state.withLock { $0.redactor } }

  /// Calls `observer` with every record appended from now on (on the appending thread; keep it
  /// quick). Returns a token for ``removeObserver(_:)``.
  @discardableResult
  public func addObserver(_ observer: @escaping @Sendable (WireRecord) -> Void) -> UUID {
    let id = UUID()
    state.withLock { $0.observers[id] = observer }
    return id
  }

  /// Stops calling an observer.
  public func removeObserver(_ id: UUID) {
    _ = state.withLock { $0.observers.removeValue(forKey: id) }
  }

  /// Records a frame's bytes: parsed JSON is stored as a message, anything else as raw text (or
  /// base64 when not UTF-8). Returns the record.
  @discardableResult
  public func recordFrame(
    _ bytes: [UInt8], parsed: Result<JSONValue, JSONParseError>, direction: WireDirection,
    transport: String, http: JSONValue? = nil
  ) -> WireRecord {
    append(direction: direction, transport: transport, http: http, byteCount: bytes.count) {
      redactor in
      switch parsed {
      case .success(let value):
        if let r = redactor.redact(value) { return (.message(r), true) }
        return (.message(value), false)
      case .failure(let error):
        if let text = String(validating: bytes, as: UTF8.self) {
          let (r, changed) = redactor.redact(text)
          return (.raw(r, reason: "not JSON: \(error)"), changed)
        }
        let (masked, changed) = redactor.redact(bytes: bytes)
        return (
          .rawBase64(Data(masked).base64EncodedString(), reason: "not UTF-8: \(error)"), changed
        )
      }
    }
  }

  /// Records a message Preflight sent or received, already parsed.
  @discardableResult
  public func recordMessage(
    _ message: JSONValue, direction: WireDirection, transport: String, byteCount: Int,
    http: JSONValue? = nil
  ) -> WireRecord {
    append(direction: direction, transport: transport, http: http, byteCount: byteCount) {
      redactor in
      if let r = redactor.redact(message) { return (.message(r), true) }
      return (.message(message), false)
    }
  }

  /// Records one stderr line of the server.
  @discardableResult
  public func recordStderr(_ line: String, transport: String) -> WireRecord {
    append(direction: .inbound, transport: transport, http: nil, byteCount: 0) { redactor in
      let (r, changed) = redactor.redact(line)
      return (.stderr(r), changed)
    }
  }

  /// Records a local event (`kind` from cli.md's list).
  @discardableResult
  public func recordLocal(
    kind: String, text: String, details: JSONValue? = nil, http: JSONValue? = nil,
    transport: String
  ) -> WireRecord {
    append(direction: .local, transport: transport, http: http, byteCount: 0) { redactor in
      let (t, changed) = redactor.redact(text)
      let d = details.flatMap { redactor.redact($0) }
      return (.local(kind: kind, text: t, details: d ?? details), changed || d != nil)
    }
  }

  private func append(
    direction: WireDirection, transport: String, http: JSONValue?, byteCount: Int,
    make: (Redactor) -> (WireBody, Bool)
  ) -> WireRecord {
    let time = now()
    let (record, observers, evictionRecord) = state.withLock {
      s -> (WireRecord, [@Sendable (WireRecord) -> Void], WireRecord?) in
      let (body, redacted) = make(s.redactor)
      var httpValue = http
      var httpRedacted = false
      if let h = http, let r = s.redactor.redact(h) {
        httpValue = r
        httpRedacted = true
      } else if let h = http, WireLog.containsMask(h) {
        // The transport masked a header or a URL itself before handing the details over.
        httpRedacted = true
      }
      var bodyMasked = false
      switch body {
      case .local(_, let text, _), .stderr(let text), .raw(let text, _):
        bodyMasked = WireLog.containsMask(text)
      default: break
      }
      let record = WireRecord(
        seq: s.nextSeq, timeMillis: time, direction: direction, transport: transport, body: body,
        http: httpValue, redacted: redacted || httpRedacted || bodyMasked, byteCount: byteCount)
      s.nextSeq += 1
      s.records.append(record)
      write(record, to: &s)
      var eviction: WireRecord?
      if s.records.count - s.head > capacity {
        eviction = evict(&s, time: time, transport: transport)
      }
      return (record, Array(s.observers.values), eviction)
    }
    for observer in observers {
      observer(record)
      if let evictionRecord { observer(evictionRecord) }
    }
    return record
  }

  private func evict(_ s: inout State, time: Int64, transport: String) -> WireRecord {
    // Evict a tenth of the cap at once, so a flood costs one eviction record per batch.
    let batch = max(1, capacity / 10)
    let live = s.records.count - s.head
    let count = min(live, live - capacity + batch)
    let first = s.records[s.head].seq
    let last = s.records[s.head + count - 1].seq
    s.head += count
    s.evicted += count
    if s.head > 4096 && s.head * 2 > s.records.count {
      s.records.removeFirst(s.head)
      s.head = 0
    }
    var details = JSONObject()
    details["count"] = .int(count)
    details["firstSeq"] = .int(first)
    details["lastSeq"] = .int(last)
    let record = WireRecord(
      seq: s.nextSeq, timeMillis: time, direction: .local, transport: transport,
      body: .local(
        kind: "evicted",
        text: "\(count) older records evicted from memory (records \(first)–\(last))"
          + (s.file == nil ? "" : "; the wire-log file keeps them"),
        details: .object(details)))
    s.nextSeq += 1
    s.records.append(record)
    write(record, to: &s)
    return record
  }

  private func write(_ record: WireRecord, to s: inout State) {
    guard let file = s.file else { return }
    var bytes = JSONPrinter.compactBytes(record.json)
    bytes.append(0x0A)
    do {
      try file.write(contentsOf: bytes)
    } catch {
      s.fileError = "writing the wire log failed: \(error)"
      s.file = nil
    }
  }

  /// Whether any string inside `value` holds the redaction mask.
  static func containsMask(_ value: JSONValue) -> Bool {
    switch value {
    case .string(let s): containsMask(s)
    case .array(let items): items.contains(where: containsMask)
    case .object(let o): o.members.contains { containsMask($0.value) }
    default: false
    }
  }

  /// Whether `text` holds the redaction mask, compared as UTF-8 bytes (Foundation's
  /// `String.contains` bridged through `NSString` for every record).
  static func containsMask(_ text: String) -> Bool {
    let mask = Redactor.mask.utf8
    let first = mask.first!
    let utf8 = text.utf8
    guard utf8.count >= mask.count else { return false }
    var index = utf8.startIndex
    while let found = utf8[index...].firstIndex(of: first) {
      if utf8[found...].starts(with: mask) { return true }
      index = utf8.index(after: found)
    }
    return false
  }

  /// The records now in memory, oldest first.
  public var records: [WireRecord] {
    state.withLock { Array($0.records[$0.head...]) }
  }

  /// Records with `seq` greater than `after`, oldest first.
  ///
  /// Found by binary search (records are kept in `seq` order), so a caller asking for the few
  /// records of its last exchange does not pay for the whole log.
  public func records(after seq: Int) -> [WireRecord] {
    state.withLock { s in
      Array(s.records[WireLog.firstIndex(in: s.records, from: s.head, after: seq)...])
    }
  }

  /// The `seq` of the newest record, or 0 when the log is empty; nothing is copied.
  public var lastSeq: Int {
    state.withLock { s in s.records.count > s.head ? s.records[s.records.count - 1].seq : 0 }
  }

  /// The record numbered `seq`, if it is still in memory (binary search; nothing else copied).
  public func record(seq: Int) -> WireRecord? {
    state.withLock { s in
      let index = WireLog.firstIndex(in: s.records, from: s.head, after: seq - 1)
      return index < s.records.count && s.records[index].seq == seq ? s.records[index] : nil
    }
  }

  /// The index of the first record at or after `head` whose `seq` is greater than `seq`
  /// (`records.count` when there is none).
  private static func firstIndex(in records: [WireRecord], from head: Int, after seq: Int) -> Int {
    var low = head
    var high = records.count
    while low < high {
      let mid = low + (high - low) / 2
      if records[mid].seq > seq { high = mid } else { low = mid + 1 }
    }
    return low
  }

  /// How many records were evicted from memory so far.
  public var evictedCount: Int { state.withLock { $0.evicted } }

  /// Why writing the file stopped, if it did.
  public var fileError: String? { state.withLock { $0.fileError } }

  /// Flushes and closes the file, if any.
  public func closeFile() {
    state.withLock { s in
      try? s.file?.synchronize()
      try? s.file?.close()
      s.file = nil
    }
  }
}
