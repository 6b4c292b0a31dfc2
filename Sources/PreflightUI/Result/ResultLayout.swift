import HostFlow
import PreflightCore
import PreflightJSON
import TerminalGrid

/// The result view's lines for one call at one width, built once — when the call finishes or
/// the terminal changes size — and kept in the state, so scrolling and drawing never lay the
/// result out again (a 50 MB text is sliced, not copied into lines).
public struct ResultLayout: Sendable {
  /// Which call it was built for (``ResultScreen/generation`` at the time).
  public let generation: Int
  /// The lines.
  public let lines: LazyLines
  /// The blocks that can be saved to a file, in order.
  public let savable: [SavableBlock]

  /// The width the lines were laid out for.
  public var width: Int { lines.width }

  /// Lays out `record` for `width` columns; `tool` is the tool as listed (for `outputSchema`).
  public init(_ record: CallRecord, tool: JSONValue?, width: Int, generation: Int) {
    self.generation = generation
    var out = LazyLines(width: width)
    var savable: [SavableBlock] = []
    Self.build(record, tool: tool, into: &out, savable: &savable)
    self.lines = out
    self.savable = savable
  }

  private static func build(
    _ record: CallRecord, tool: JSONValue?, into out: inout LazyLines,
    savable: inout [SavableBlock]
  ) {
    let sent = record.outcome.sendsCall
    out.append(
      StyledLine([
        Span(record.outcome.name, sent ? Palette.ok : Palette.write),
        Span(" · " + record.outcome.reason, Palette.dim),
      ]))
    let arguments = JSONPrinter.compact(record.call.arguments ?? .object(JSONObject()))
    let request = record.requestSeq.map { "request wire #\($0) · " } ?? ""
    out.append(StyledLine([Span(request, Palette.dim), Span("arguments " + arguments)]))
    guard record.sent else {
      out.append(StyledLine("not sent — nothing reached the server", Palette.write))
      if let synthetic = record.outcome.syntheticResult {
        out.append(StyledLine("the model would see " + JSONPrinter.compact(synthetic), Palette.dim))
      }
      return
    }
    let elapsed = record.elapsed.map { " in " + RPCFailure.format($0) } ?? ""
    if let failure = record.failure {
      out.append(StyledLine("✕ failed" + elapsed + ": " + failure.description, Palette.error))
      return
    }
    if let error = record.error {
      let e = JSONRPCErrorObject(json: error)
      out.append(
        StyledLine("✕ protocol error (JSON-RPC error response)" + elapsed, Palette.error))
      out.append(StyledLine("  code \(e.code)", Palette.error))
      out.append(text: "message " + e.message, indent: 2)
      if let data = e.data {
        out.append(StyledLine("  data", Palette.title))
        out.append(contentsOf: JSONColour.lines(data, indent: 4))
      }
      return
    }
    guard let result = record.result else { return }
    out.append(
      record.isToolError
        ? StyledLine("✕ tool error (isError: true)" + elapsed, Palette.error)
        : StyledLine("✓ result" + elapsed, Palette.ok))
    out.append(StyledLine())
    for (index, block) in (result["content"]?.arrayValue ?? []).enumerated() {
      ResultBlockView.append(block, index: index, into: &out, savable: &savable)
    }
    appendStructured(result, tool: tool, isError: record.isToolError, into: &out)
    if let meta = result["_meta"] {
      out.append(StyledLine("_meta (widget only; never reaches the model)", Palette.title))
      out.append(text: JSONPrinter.compact(meta), indent: 2, style: Palette.dim)
    }
  }

  private static func appendStructured(
    _ result: JSONValue, tool: JSONValue?, isError: Bool, into out: inout LazyLines
  ) {
    let schema = tool?["outputSchema"]
    guard let structured = result["structuredContent"] else {
      if schema != nil && !isError {
        out.append(
          StyledLine(
            "✕ the tool declares an outputSchema but sent no structuredContent", Palette.error))
      }
      return
    }
    out.append(StyledLine("structuredContent", Palette.title))
    if let schema {
      // An unparsed (large) object is parsed by the validator for the check, then let go.
      let violations = JSONSchemaValidator(schema: schema).validate(structured)
      if violations.isEmpty {
        out.append(StyledLine("  ✓ matches the tool's outputSchema", Palette.ok))
      } else {
        let count = violations.count
        out.append(
          StyledLine(
            "  ✕ does not match the tool's outputSchema: \(count) mismatch\(count == 1 ? "" : "es")",
            Palette.error))
        for violation in violations.prefix(200) {
          out.append(text: "• " + violation.description, indent: 4, style: Palette.error)
        }
      }
    } else {
      out.append(StyledLine("  (the tool declares no outputSchema)", Palette.dim))
    }
    if let raw = structured.objectValue?.raw {
      // Kept as the frame's bytes: pretty-printed line by line as it is drawn.
      out.append(
        StyledLine(
          "  large: " + WireSummary.size(raw.byteCount) + ", pretty-printed as it is drawn",
          Palette.dim))
      out.append(prettyJSON: raw, indent: 2)
    } else if fits(structured, within: ResultBlockView.prettyLimit) {
      out.append(contentsOf: JSONColour.lines(structured, indent: 2))
    } else {
      // Pretty-printing 50 MB of objects would double it in indentation: compact, wrapped.
      out.append(StyledLine("  large: compact JSON, wrapped", Palette.dim))
      out.append(text: JSONPrinter.compact(structured), indent: 2)
    }
  }

  /// Whether `value`'s compact JSON is roughly `budget` bytes or less, stopping as soon as it is
  /// not (so a 50 MB value is not printed just to be measured).
  public static func fits(_ value: JSONValue, within budget: Int) -> Bool {
    if case .object(let o) = value, let raw = o.raw { return raw.byteCount <= budget }
    var left = budget
    func walk(_ value: JSONValue) -> Bool {
      switch value {
      case .string(let s): left -= s.utf8.count + 2
      case .array(let items):
        left -= 2 + items.count
        for item in items where left >= 0 { if !walk(item) { return false } }
      case .object(let o) where o.raw != nil:
        left -= o.raw!.byteCount
      case .object(let o):
        left -= 2 + o.members.count
        for m in o.members where left >= 0 {
          left -= m.key.utf8.count + 3
          if !walk(m.value) { return false }
        }
      default: left -= 8
      }
      return left >= 0
    }
    return walk(value)
  }
}
