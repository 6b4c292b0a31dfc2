/// libFuzzer entry point for ``SSEParser``: the input is fed whole, then in three pieces cut at
/// points taken from its first two bytes; both runs must dispatch the same events and end with
/// the same last event id, reconnection time and unfinished-event state. Each event's data is
/// no longer than the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSSEParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  var whole = SSEParser()
  let events = whole.feed(bytes)
  let wholeUnfinished = whole.isInsideEvent

  let first = bytes.isEmpty ? 0 : Int(bytes[0]) * bytes.count / 256
  let second = bytes.count < 2 ? bytes.count : max(first, Int(bytes[1]) * bytes.count / 256)
  var pieces = SSEParser()
  var split: [SSEEvent] = []
  split += pieces.feed(Array(bytes[..<first]))
  split += pieces.feed(Array(bytes[first..<second]))
  split += pieces.feed(Array(bytes[second...]))

  guard events == split else { fatalError("SSE: split at \(first), \(second) changed the events") }
  guard whole.lastEventID == pieces.lastEventID, whole.retry == pieces.retry else {
    fatalError("SSE: split at \(first), \(second) changed the last event id or retry")
  }
  guard wholeUnfinished == pieces.isInsideEvent, whole.eventCount == events.count else {
    fatalError("SSE: the unfinished-event state or the event count differs")
  }
  guard events.allSatisfy({ $0.data.count <= bytes.count }) else {
    fatalError("SSE: an event holds more data than the input")
  }
  whole.finish()
  guard !whole.isInsideEvent else { fatalError("SSE: finish() left an event open") }
  return 0
}
