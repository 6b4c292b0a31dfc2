import PreflightCore
import PreflightJSON
import TerminalGrid

/// One frame opened from the wire, full screen: a summary line (direction, seq, time, size,
/// HTTP details) and the record's JSON, pretty, scrollable.
enum FrameView {
  /// Frames larger than this are shown compact, cut, so opening one never stalls the screen.
  static let prettyLimit = 2_000_000

  static func render(_ state: AppState, in rect: Rect, into grid: inout CellGrid) {
    guard let seq = state.openedFrame, let record = state.wire.record(seq: seq) else {
      grid.drawBox(rect, title: "Frame", footer: "Esc back", focused: true)
      return
    }
    grid.fill(rect)
    let row = state.wire.rows.first { $0.seq == seq }
    var title =
      "\(row?.symbol ?? "") \(row?.label ?? "") · #\(seq) · \(WireSummary.clock(record.timeMillis))"
    if let latency = row?.latencyMs { title += " · " + WireSummary.latency(latency) }
    if record.byteCount > 0 { title += " · " + WireSummary.size(record.byteCount) }
    grid.drawBox(rect, title: title, footer: "↑↓ scroll · Esc back", focused: true)
    let inner = rect.content
    guard !inner.isEmpty else { return }
    let kept = state.frameLines.flatMap { $0.width == inner.width ? $0 : nil }
    let all = kept ?? lines(record, width: inner.width)
    all.draw(from: state.frameScroll, in: inner, into: &grid)
  }

  /// Lays out the opened frame for the current width and keeps it in the state (update calls
  /// this when a frame opens and when the terminal is resized).
  static func layOut(_ state: inout AppState) {
    guard let seq = state.openedFrame, let record = state.wire.record(seq: seq) else {
      state.frameLines = nil
      return
    }
    state.frameLines = lines(record, width: ResultFlow.contentArea(state.size).width)
  }

  static func lines(_ record: WireRecord, width: Int) -> LazyLines {
    var out = LazyLines(width: width)
    if let http = record.http {
      var parts: [String] = []
      if let method = http["method"]?.stringValue { parts.append(method) }
      if let url = http["url"]?.stringValue { parts.append(url) }
      if let status = http["status"]?.numberText { parts.append("HTTP " + status) }
      if let event = http["eventId"]?.stringValue { parts.append("event id " + event) }
      if let headers = http["headers"]?.objectValue {
        for m in headers.members {
          parts.append(m.key + ": " + (m.value.stringValue ?? JSONPrinter.compact(m.value)))
        }
      }
      out.append(StyledLine(parts.joined(separator: " · "), Palette.dim))
    }
    if record.redacted {
      out.append(StyledLine("secrets in this frame were redacted", Palette.write))
    }
    let text: String
    switch record.body {
    case .message(let message):
      if record.byteCount > prettyLimit {
        out.append(StyledLine("large frame: shown compact and cut at 2 MB", Palette.write))
        text = String(JSONPrinter.compact(message).prefix(prettyLimit))
      } else {
        text = JSONPrinter.pretty(message)
      }
    case .raw(let raw, let reason):
      out.append(StyledLine("not JSON-RPC: " + reason, Palette.error))
      text = raw
    case .rawBase64(let b64, let reason):
      out.append(StyledLine("not UTF-8 (base64): " + reason, Palette.error))
      text = b64
    case .stderr(let line):
      text = line
    case .local(let kind, let text2, let details):
      out.append(StyledLine("local: " + kind, Palette.local))
      text = text2 + (details.map { "\n" + JSONPrinter.pretty($0) } ?? "")
    }
    out.append(text: text)
    return out
  }
}
