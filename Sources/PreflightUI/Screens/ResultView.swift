import HostFlow
import PreflightCore
import PreflightJSON
import TerminalGrid

/// The last call: what the approval decided, whether it was sent, and the answer — content
/// blocks by type, `structuredContent`, `isError` as a tool error, a JSON-RPC error as a
/// protocol error — with the time it took.
enum ResultView {
  static func render(_ state: AppState, in rect: Rect, into grid: inout CellGrid) {
    guard let record = state.lastCall else { return }
    grid.fill(rect)
    grid.drawBox(
      rect, title: "Call \(record.call.name)", footer: "↑↓ scroll · Esc back", focused: true)
    let area = rect.content
    guard !area.isEmpty else { return }
    let all =
      lines(record, width: area.width) + AudienceView.lines(record, state: state, width: area.width)
    Modal.lines(all, from: state.resultScroll, in: area, into: &grid)
  }

  static func lines(_ record: CallRecord, width: Int) -> [StyledLine] {
    var out: [StyledLine] = []
    let sent = record.outcome.sendsCall
    out.append(
      StyledLine([
        Span(record.outcome.name, sent ? Palette.ok : Palette.write),
        Span(" · " + record.outcome.reason, Palette.dim),
      ]))
    out.append(
      StyledLine("arguments " + JSONPrinter.compact(record.call.arguments ?? .object(JSONObject())))
    )
    guard record.sent else {
      out.append(StyledLine("not sent — nothing reached the server", Palette.write))
      if let synthetic = record.outcome.syntheticResult {
        out.append(StyledLine("the model would see " + JSONPrinter.compact(synthetic), Palette.dim))
      }
      return out
    }
    if let failure = record.failure {
      out.append(StyledLine("✕ failed: " + failure.description, Palette.error))
      return out
    }
    if let error = record.error {
      let e = JSONRPCErrorObject(json: error)
      out.append(StyledLine("✕ protocol error \(e.code): \(e.message)", Palette.error))
      if let data = e.data { out.append(StyledLine("data " + JSONPrinter.compact(data))) }
      return out
    }
    guard let result = record.result else { return out }
    let elapsed = record.elapsed.map { " in " + RPCFailure.format($0) } ?? ""
    out.append(
      record.isToolError
        ? StyledLine("✕ tool error (isError: true)" + elapsed, Palette.error)
        : StyledLine("✓ result" + elapsed, Palette.ok))
    out.append(StyledLine())
    for block in result["content"]?.arrayValue ?? [] {
      let type = block["type"]?.stringValue ?? "(no type)"
      out.append(StyledLine("content · " + type, Palette.title))
      switch type {
      case "text":
        for line in (block["text"]?.stringValue ?? "").split(
          separator: "\n", omittingEmptySubsequences: false)
        {
          for piece in DisplayWidth.wrap(String(line), width: max(10, width - 2)) {
            out.append(StyledLine("  " + piece))
          }
        }
      default:
        out.append(StyledLine("  " + JSONPrinter.compact(block), Palette.dim))
      }
    }
    if let structured = result["structuredContent"] {
      out.append(StyledLine("structuredContent", Palette.title))
      for line in JSONPrinter.pretty(structured).split(separator: "\n") {
        out.append(StyledLine("  " + line))
      }
    }
    if let meta = result["_meta"] {
      out.append(StyledLine("_meta (widget only; never reaches the model)", Palette.title))
      out.append(StyledLine("  " + JSONPrinter.compact(meta), Palette.dim))
    }
    return out
  }
}
