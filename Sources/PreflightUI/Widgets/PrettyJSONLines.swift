import PreflightJSON
import TerminalGrid

/// An unparsed JSON object (``RawJSON``) shown pretty-printed and in colour, line for line as
/// ``JSONColour/lines(_:indent:)`` shows its parsed value, without a tree or the text ever
/// being built: one pass counts the lines and keeps a checkpoint every ``stride`` lines, and a
/// line is printed from the checkpoint before it when it is drawn. Search scans the bytes.
struct PrettyJSONLines: Sendable {
  /// Lines between checkpoints.
  static let stride = 64

  let raw: RawJSON
  /// Spaces before every line.
  let indent: Int
  /// How many lines there are (at least one).
  let count: Int
  /// The cursor's offset and level at lines 0, stride, 2 × stride, …
  private let checkpoints: [(offset: Int, level: Int32)]

  init(_ raw: RawJSON, indent: Int) {
    self.raw = raw
    self.indent = indent
    var cursor = RawJSONPrettyCursor(raw)
    var marks: [(offset: Int, level: Int32)] = []
    var lines = 0
    while !cursor.finished {
      if lines % Self.stride == 0 { marks.append((cursor.offset, Int32(cursor.level))) }
      guard cursor.skip() else { break }
      lines += 1
    }
    self.count = max(1, lines)
    self.checkpoints = marks.isEmpty ? [(raw.range.lowerBound, Int32(0))] : marks
  }

  private func cursor(at line: Int) -> RawJSONPrettyCursor {
    let mark = checkpoints[min(checkpoints.count - 1, line / Self.stride)]
    var cursor = RawJSONPrettyCursor(raw, offset: mark.offset, level: Int(mark.level))
    for _ in 0..<(line - (line / Self.stride) * Self.stride) { _ = cursor.skip() }
    return cursor
  }

  /// Line `index` in colour.
  func line(_ index: Int) -> StyledLine {
    var cursor = cursor(at: index)
    var text: [UInt8] = []
    _ = cursor.next(into: &text)
    let prefix = String(repeating: " ", count: indent)
    return StyledLine([Span(prefix)] + JSONColour.spans(String(decoding: text, as: UTF8.self)))
  }

  /// The byte offset (into ``RawJSON/storage``) where line `index` starts; the object's end for
  /// `count`.
  func offset(ofLine index: Int) -> Int {
    index >= count ? raw.range.upperBound : cursor(at: index).offset
  }

  /// The first line in `lines` where `pattern` (lowercase) starts in the bytes as sent,
  /// ignoring ASCII case.
  func find(_ pattern: [UInt8], lines: Range<Int>) -> Int? {
    guard !lines.isEmpty else { return nil }
    let from = offset(ofLine: lines.lowerBound)
    let before = offset(ofLine: lines.upperBound)
    let to = min(raw.range.upperBound, before + pattern.count - 1)
    let found = raw.storage.withUnsafeBufferPointer {
      LazyLines.search(pattern, in: $0, from: from, to: to)
    }
    guard let found else { return nil }
    let markIndex = max(0, (checkpoints.lastIndex { $0.offset <= found } ?? 0))
    var line = markIndex * Self.stride
    var cursor = RawJSONPrettyCursor(
      raw, offset: checkpoints[markIndex].offset, level: Int(checkpoints[markIndex].level))
    while cursor.skip() {
      if cursor.offset > found { break }
      line += 1
    }
    return max(lines.lowerBound, min(line, lines.upperBound - 1))
  }
}
