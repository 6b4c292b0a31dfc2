import PreflightCore
import PreflightJSON

/// The log pane's state: notifications by kind and the server's stderr, newest last.
public struct LogPane: Sendable, Hashable {
  /// The entries, oldest first (at most `capacity`).
  public private(set) var entries: [LogEntry] = []
  /// Entries kept before the oldest are dropped.
  public var capacity = 20_000
  /// The first visible row, or nil to follow the newest.
  public var scroll: Int?

  /// Makes an empty pane.
  public init() {}

  /// Adds a line of Preflight's own (a tool-list change, a restart by `--watch`).
  public mutating func note(tag: String, text: String, time: String) {
    entries.append(LogEntry(tag: tag, seq: entries.last?.seq ?? 0, time: time, text: text))
    if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
  }

  /// Takes what belongs in the log from new wire records.
  public mutating func append(_ records: [WireRecord]) {
    for record in records {
      guard let entry = LogPane.entry(for: record) else { continue }
      entries.append(entry)
    }
    if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
  }

  static func entry(for record: WireRecord) -> LogEntry? {
    let time = WireSummary.clock(record.timeMillis)
    switch record.body {
    case .stderr(let line):
      return LogEntry(tag: "stderr", seq: record.seq, time: time, text: line)
    case .local(let kind, let text, _) where kind == "server-exited" || kind == "transport-closed":
      return LogEntry(tag: "exit", seq: record.seq, time: time, text: text)
    case .local(let kind, let text, _) where kind == "tls-warning":
      // `--insecure` on an https URL: kept in sight, not only in the wire pane.
      return LogEntry(tag: "insecure", seq: record.seq, time: time, text: text)
    case .local(let kind, let text, _) where kind == "progress-off":
      return LogEntry(tag: "progress", seq: record.seq, time: time, text: text)
    case .local(let kind, let text, _) where kind.hasSuffix("-answered"):
      // A request from the server (elicitation, sampling, roots) and how Preflight answered it.
      return LogEntry(tag: "request", seq: record.seq, time: time, text: text)
    case .local(let kind, let text, _) where kind == "cancel-requested" || kind == "late-response":
      return LogEntry(
        tag: kind == "late-response" ? "late" : "cancel", seq: record.seq, time: time, text: text)
    case .message(let message) where record.direction == .inbound:
      guard message["id"] == nil, let method = message["method"]?.stringValue else { return nil }
      let params = message["params"]
      switch method {
      case "notifications/message":
        let level = params?["level"]?.stringValue ?? "log"
        let logger = params?["logger"]?.stringValue.map { "[\($0)] " } ?? ""
        let data = params?["data"].map { $0.stringValue ?? JSONPrinter.compact($0) } ?? ""
        return LogEntry(tag: level, seq: record.seq, time: time, text: logger + data)
      case "notifications/progress":
        let progress = params?["progress"]?.doubleValue
        let total = params?["total"]?.doubleValue
        let fraction = progress.flatMap { p in total.flatMap { $0 > 0 ? min(1, p / $0) : nil } }
        let message = params?["message"]?.stringValue ?? ""
        let amount =
          (params?["progress"]?.numberText ?? "?")
          + (params?["total"]?.numberText.map { "/\($0)" } ?? "")
        return LogEntry(
          tag: "progress", seq: record.seq, time: time, text: "\(amount) \(message)",
          fraction: fraction)
      case let m where m.hasSuffix("/list_changed"):
        return LogEntry(tag: "changed", seq: record.seq, time: time, text: m)
      case "notifications/resources/updated":
        return LogEntry(
          tag: "updated", seq: record.seq, time: time,
          text: params?["uri"]?.stringValue ?? "resource updated")
      default:
        return LogEntry(tag: "notice", seq: record.seq, time: time, text: method)
      }
    default:
      return nil
    }
  }
}
