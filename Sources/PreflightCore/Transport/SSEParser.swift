import Glibc

/// An incremental parser for the `text/event-stream` format (HTML Living Standard, "Server-sent
/// events", §9.2.6), fed byte chunks as they arrive.
///
/// Lines end with `\r\n`, `\n` or `\r`, and a chunk may end anywhere: inside a field name, inside
/// a UTF-8 sequence, or between `\r` and `\n`. `data` lines are joined with `\n`; lines starting
/// with `:` are comments; one space after the colon is dropped; unknown fields are ignored (and
/// counted, for diagnostics); a leading byte order mark is skipped. An event is dispatched at the
/// empty line that ends it; at the end of the input an unfinished event is discarded, as the
/// standard says.
///
/// Work is linear in the input: `data` values are copied once, straight into the event's
/// buffer, and line ends are found with `memchr`, so a 20 MB event costs what reading it costs.
/// There is no size cap. Data stays bytes: nothing is decoded, so invalid UTF-8 reaches the
/// caller as it was sent.
public struct SSEParser: Sendable {
  private enum Field: Sendable, Equatable {
    case data
    case event
    case id
    case retry
    case ignored
  }

  private enum Phase: Sendable, Equatable {
    /// Nothing read on this line yet.
    case lineStart
    /// Reading a field name.
    case name
    /// Inside a comment line.
    case comment
    /// After the colon of a field.
    case value(Field)
  }

  private static let lineFeed: UInt8 = 0x0A
  private static let carriageReturn: UInt8 = 0x0D
  private static let colon: UInt8 = 0x3A
  private static let space: UInt8 = 0x20
  private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
  /// How much of an ignored line is kept for ``firstIgnoredLine``.
  private static let ignoredLineKept = 200

  private var phase = Phase.lineStart
  private var name: [UInt8] = []
  private var value: [UInt8] = []
  private var skipsSpace = false
  private var afterCarriageReturn = false
  /// Bytes of the byte order mark matched at the start; -1 once past the start.
  private var byteOrderMarkMatched = 0
  private var data: [UInt8] = []
  private var hasData = false
  private var eventType: [UInt8]?
  private var blockID: String?
  private var blockRetry: Int?

  /// The last event id seen (the `id` field persists across events, as the standard says); what
  /// a client sends as `Last-Event-ID` when it resumes. Nil until an `id` field arrives.
  public private(set) var lastEventID: String?
  /// The reconnection time set by the latest valid `retry` field, in milliseconds.
  public private(set) var retry: Int?
  /// Events dispatched so far.
  public private(set) var eventCount = 0
  /// Lines whose field name is not one of `data`, `event`, `id`, `retry` (ignored, as the
  /// standard says; a stream made only of such lines is not SSE at all).
  public private(set) var ignoredLineCount = 0
  /// The first ignored line (its first 200 bytes), for error messages.
  public private(set) var firstIgnoredLine: String?

  /// Makes a parser. A parser for a resumed stream starts with the last event id and
  /// reconnection time of the stream it resumes.
  public init(lastEventID: String? = nil, retry: Int? = nil) {
    self.lastEventID = lastEventID
    self.retry = retry
  }

  /// Whether an event has begun but not yet been dispatched (bytes after the last empty line).
  public var isInsideEvent: Bool {
    hasData || phase != .lineStart || eventType != nil || blockID != nil || blockRetry != nil
  }

  /// Feeds a chunk and hands every event it completes to `handler`, in order.
  public mutating func feed(_ bytes: UnsafeRawBufferPointer, _ handler: (SSEEvent) -> Void) {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
    let pointer = base.assumingMemoryBound(to: UInt8.self)
    var start = 0
    while byteOrderMarkMatched >= 0, start < bytes.count {
      if pointer[start] == Self.byteOrderMark[byteOrderMarkMatched] {
        byteOrderMarkMatched += 1
        start += 1
        if byteOrderMarkMatched == Self.byteOrderMark.count {
          byteOrderMarkMatched = -1
        }
      } else {
        let partial = Array(Self.byteOrderMark.prefix(byteOrderMarkMatched))
        byteOrderMarkMatched = -1
        partial.withUnsafeBufferPointer { consume($0.baseAddress!, $0.count, handler) }
      }
    }
    if start < bytes.count {
      consume(pointer + start, bytes.count - start, handler)
    }
  }

  /// Feeds a chunk and returns the events it completes, in order.
  public mutating func feed(_ bytes: [UInt8]) -> [SSEEvent] {
    var events: [SSEEvent] = []
    bytes.withUnsafeBytes { buffer in
      feed(buffer) { events.append($0) }
    }
    return events
  }

  /// Ends the input: discards an unfinished event (the standard's rule) and returns whether
  /// there was one. The last event id and reconnection time are kept.
  @discardableResult
  public mutating func finish() -> Bool {
    let unfinished = isInsideEvent
    phase = .lineStart
    name = []
    value = []
    data = []
    hasData = false
    eventType = nil
    blockID = nil
    blockRetry = nil
    afterCarriageReturn = false
    return unfinished
  }

  // MARK: - Scanning

  /// Consumes `count` bytes at `pointer`.
  private mutating func consume(
    _ pointer: UnsafePointer<UInt8>, _ count: Int, _ handler: (SSEEvent) -> Void
  ) {
    var ends = LineEnds(pointer: pointer, count: count)
    var index = 0
    while index < count {
      if afterCarriageReturn {
        afterCarriageReturn = false
        if pointer[index] == Self.lineFeed {
          index += 1
          continue
        }
      }
      switch phase {
      case .lineStart:
        let byte = pointer[index]
        if byte == Self.lineFeed || byte == Self.carriageReturn {
          endLine(byte, handler)
          index += 1
        } else if byte == Self.colon {
          phase = .comment
          index += 1
        } else {
          phase = .name
          name.removeAll(keepingCapacity: true)
        }
      case .name:
        while index < count {
          let byte = pointer[index]
          if byte == Self.colon {
            beginValue(Self.field(named: name))
            index += 1
            break
          }
          if byte == Self.lineFeed || byte == Self.carriageReturn {
            endLine(byte, handler)
            index += 1
            break
          }
          name.append(byte)
          index += 1
        }
      case .comment:
        let end = ends.next(from: index)
        if end < count {
          endLine(pointer[end], handler)
          index = end + 1
        } else {
          index = count
        }
      case .value(let field):
        if skipsSpace {
          skipsSpace = false
          if pointer[index] == Self.space {
            index += 1
            continue
          }
        }
        let end = ends.next(from: index)
        if end > index {
          append(UnsafeBufferPointer(start: pointer + index, count: end - index), to: field)
        }
        if end < count {
          endLine(pointer[end], handler)
          index = end + 1
        } else {
          index = count
        }
      }
    }
  }

  /// Where the next `\r` or `\n` is, found with `memchr` and remembered, so that each byte is
  /// scanned at most once per terminator kind.
  private struct LineEnds {
    let pointer: UnsafePointer<UInt8>
    let count: Int
    private var nextLineFeed = -1
    private var nextCarriageReturn = -1

    init(pointer: UnsafePointer<UInt8>, count: Int) {
      self.pointer = pointer
      self.count = count
    }

    /// The index of the first `\r` or `\n` at or after `index`, or `count` if there is none.
    mutating func next(from index: Int) -> Int {
      if nextLineFeed < index {
        nextLineFeed = find(SSEParser.lineFeed, from: index)
      }
      if nextCarriageReturn < index {
        nextCarriageReturn = find(SSEParser.carriageReturn, from: index)
      }
      return min(nextLineFeed, nextCarriageReturn)
    }

    private func find(_ byte: UInt8, from index: Int) -> Int {
      guard index < count, let found = memchr(pointer + index, Int32(byte), count - index) else {
        return count
      }
      return UnsafeRawPointer(found) - UnsafeRawPointer(pointer)
    }
  }

  // MARK: - Fields

  private static func field(named name: [UInt8]) -> Field {
    switch name {
    case Array("data".utf8): .data
    case Array("event".utf8): .event
    case Array("id".utf8): .id
    case Array("retry".utf8): .retry
    default: .ignored
    }
  }

  /// A colon ended the field name: the value follows.
  private mutating func beginValue(_ field: Field) {
    switch field {
    case .data:
      if hasData {
        data.append(Self.lineFeed)
      }
      hasData = true
    default:
      value.removeAll(keepingCapacity: true)
    }
    skipsSpace = true
    phase = .value(field)
  }

  private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, to field: Field) {
    switch field {
    case .data:
      data.append(contentsOf: bytes)
    case .ignored:
      let room = Self.ignoredLineKept - value.count
      if room > 0 {
        value.append(contentsOf: bytes.prefix(room))
      }
    default:
      value.append(contentsOf: bytes)
    }
  }

  /// A line ended with `terminator`: finishes its field, or dispatches on an empty line.
  private mutating func endLine(_ terminator: UInt8, _ handler: (SSEEvent) -> Void) {
    switch phase {
    case .lineStart:
      dispatch(handler)
    case .comment:
      break
    case .name:
      // A line without a colon: the whole line is the field name, the value is empty.
      let field = Self.field(named: name)
      if field == .data {
        beginValue(.data)
      } else {
        value.removeAll(keepingCapacity: true)
        finishValue(field)
      }
    case .value(let field):
      finishValue(field)
    }
    phase = .lineStart
    skipsSpace = false
    afterCarriageReturn = terminator == Self.carriageReturn
  }

  private mutating func finishValue(_ field: Field) {
    switch field {
    case .data:
      break
    case .event:
      eventType = value
    case .id:
      if !value.contains(0) {
        let id = String(decoding: value, as: UTF8.self)
        lastEventID = id
        blockID = id
      }
    case .retry:
      if !value.isEmpty, value.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
        var milliseconds = 0
        for digit in value {
          milliseconds = min(milliseconds * 10 + Int(digit - 0x30), 1_000_000_000)
        }
        retry = milliseconds
        blockRetry = milliseconds
      }
    case .ignored:
      ignoredLineCount += 1
      if firstIgnoredLine == nil {
        var line = name.prefix(Self.ignoredLineKept)
        if case .value = phase {
          line.append(Self.colon)
          line.append(contentsOf: value)
        }
        firstIgnoredLine = String(decoding: line.prefix(Self.ignoredLineKept), as: UTF8.self)
      }
    }
  }

  private mutating func dispatch(_ handler: (SSEEvent) -> Void) {
    defer {
      hasData = false
      eventType = nil
      blockID = nil
      blockRetry = nil
    }
    guard hasData else { return }
    var type = "message"
    if let eventType, !eventType.isEmpty {
      type = String(decoding: eventType, as: UTF8.self)
    }
    let event = SSEEvent(type: type, data: data, id: blockID, retry: blockRetry)
    data = []
    eventCount += 1
    handler(event)
  }
}
