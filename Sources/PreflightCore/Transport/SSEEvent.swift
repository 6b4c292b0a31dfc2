/// One Server-Sent Events event, as ``SSEParser`` dispatches it.
public struct SSEEvent: Sendable, Hashable {
  /// The event type: the `event` field, or `message` when there was none (or it was empty).
  public var type: String
  /// The `data` lines' values joined with `\n`, as raw bytes (not checked for UTF-8).
  public var data: [UInt8]
  /// The `id` field given in this event's block, if there was one (an empty id is kept: it
  /// resets the stream's last event id). ``SSEParser/lastEventID`` keeps the latest across
  /// events.
  public var id: String?
  /// The `retry` field given in this event's block, in milliseconds, if there was a valid one.
  public var retry: Int?

  /// Makes an event.
  public init(type: String = "message", data: [UInt8], id: String? = nil, retry: Int? = nil) {
    self.type = type
    self.data = data
    self.id = id
    self.retry = retry
  }

  /// Makes an event from text data.
  public init(type: String = "message", text: String, id: String? = nil, retry: Int? = nil) {
    self.init(type: type, data: Array(text.utf8), id: id, retry: retry)
  }

  /// The data as text (invalid UTF-8 repaired), for display and tests.
  public var text: String { String(decoding: data, as: UTF8.self) }
}
