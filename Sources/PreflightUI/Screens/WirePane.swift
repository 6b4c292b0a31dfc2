import PreflightCore
import PreflightJSON

/// The wire pane's state: every record received (up to a cap), their rows, the filter, the
/// selection and follow mode.
public struct WirePane: Sendable {
  /// The records, oldest first.
  public private(set) var records: [WireRecord] = []
  /// One row a record, same order.
  public private(set) var rows: [WireRow] = []
  /// Records dropped from the pane because of the cap.
  public private(set) var dropped = 0
  /// Rows kept before the oldest are dropped.
  public var capacity: Int
  /// Whether the view sticks to the newest row.
  public var follow = true
  /// The selected record's seq (stays put when frames arrive).
  public var selectedSeq: Int?
  /// The first visible row (when not following).
  public var scroll = 0
  /// The filter text (case-insensitive over direction, method and summary).
  public var filter = ""
  private var requests: [String: (method: String, time: Int64)] = [:]
  /// Characters of a row's label and summary kept (a row is one line; the frame view shows
  /// everything), so a 50 MB raw frame or stderr line is not rescanned by every filter.
  static let summaryLimit = 512

  /// Makes an empty pane.
  public init(capacity: Int = 100_000) {
    self.capacity = max(100, capacity)
  }

  /// Appends records, deriving rows and pairing responses with their requests.
  public mutating func append(_ new: [WireRecord]) {
    for record in new {
      var requestMethod: String?
      var latency: Double?
      if let message = record.message, let id = message["id"], !id.isNull {
        let key = (record.direction == .outbound ? "out:" : "in:") + JSONPrinter.compact(id)
        if message["method"] != nil {
          if let method = message["method"]?.stringValue {
            requests[key] = (method, record.timeMillis)
          }
        } else {
          // A response pairs with a request that went the other way.
          let requestKey =
            (record.direction == .outbound ? "in:" : "out:") + JSONPrinter.compact(id)
          if let request = requests.removeValue(forKey: requestKey) {
            requestMethod = request.method
            latency = Double(record.timeMillis - request.time)
          }
        }
      }
      let (label, summary, kind) = WireSummary.describe(record, requestMethod: requestMethod)
      records.append(record)
      rows.append(
        WireRow(
          seq: record.seq, time: WireSummary.clock(record.timeMillis), kind: kind,
          label: String(label.prefix(Self.summaryLimit)),
          summary: String(summary.prefix(Self.summaryLimit)), bytes: record.byteCount,
          latencyMs: latency,
          timeMillis: record.timeMillis))
    }
    if records.count > capacity {
      let excess = records.count - capacity
      records.removeFirst(excess)
      rows.removeFirst(excess)
      dropped += excess
    }
    if requests.count > 10_000 { requests.removeAll() }
  }

  /// Indices of rows that pass the filter.
  public var visible: [Int] {
    guard !filter.isEmpty else { return Array(rows.indices) }
    let needle = filter.lowercased()
    return rows.indices.filter { rows[$0].searchText.contains(needle) }
  }

  /// The row position of the selection within `visible` (the last when following or unset).
  public func selectedRow(in visible: [Int]) -> Int? {
    guard !visible.isEmpty else { return nil }
    if follow { return visible.count - 1 }
    if let seq = selectedSeq, let row = visible.firstIndex(where: { rows[$0].seq == seq }) {
      return row
    }
    return visible.count - 1
  }

  /// Moves the selection; moving stops following, reaching the end does not resume it.
  public mutating func move(by delta: Int) {
    let rows = visible
    guard let current = selectedRow(in: rows) else { return }
    let next = max(0, min(rows.count - 1, current + delta))
    follow = false
    selectedSeq = self.rows[rows[next]].seq
  }

  /// The record with this seq, if still in the pane.
  public func record(seq: Int) -> WireRecord? {
    guard let first = records.first?.seq, seq >= first else { return nil }
    // Seqs are increasing; most of the time the index is exact.
    let guess = seq - first
    if guess < records.count, records[guess].seq == seq { return records[guess] }
    return records.first { $0.seq == seq }
  }
}
