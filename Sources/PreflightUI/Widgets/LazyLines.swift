import PreflightJSON
import TerminalGrid

/// Lines laid out once for one width: short parts as styled lines, long texts kept once and cut
/// into slices by byte offsets. A 50 MB text costs a few integers a line; drawing materializes
/// only the visible lines, and search scans the texts' bytes without building lines.
public struct LazyLines: Sendable {
  enum Line: Sendable {
    case styled(StyledLine)
    case slice(text: Int32, start: Int, end: Int, indent: Int16, style: Style)
    /// A pretty-printed unparsed object, standing for all of its lines.
    case block(Int32)
  }

  /// Hard lines up to this many bytes that are not plain ASCII are word-wrapped by display
  /// width; longer ones are cut every `width` scalars (drawing still escapes and clips them).
  static let exactWrapLimit = 64 * 1024

  /// The width the lines were laid out for.
  public let width: Int
  private(set) var lines: [Line] = []
  private(set) var texts: [String] = []
  private var blocks: [PrettyJSONLines] = []
  /// For each block: the entry in `lines` that stands for it and its first line.
  private var blockStarts: [(entry: Int, line: Int)] = []
  /// Lines beyond one per entry (each block's lines less one).
  private var extra = 0

  /// An empty layout for `width` columns.
  public init(width: Int) {
    self.width = max(1, width)
  }

  /// How many lines there are.
  public var count: Int { lines.count + extra }

  /// Adds the unparsed object `raw` pretty-printed in colour (as ``JSONColour`` prints it), each
  /// line indented; only the lines drawn are ever printed.
  public mutating func append(prettyJSON raw: RawJSON, indent: Int = 0) {
    let block = PrettyJSONLines(raw, indent: indent)
    blockStarts.append((lines.count, count))
    lines.append(.block(Int32(blocks.count)))
    blocks.append(block)
    extra += block.count - 1
  }

  /// The entry standing for line `index`, and the line within it (0 unless it is a block).
  private func locate(_ index: Int) -> (entry: Int, sub: Int) {
    guard let firstBlock = blockStarts.first, index >= firstBlock.line else { return (index, 0) }
    var low = 0
    var high = blockStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if blockStarts[mid].line <= index { low = mid } else { high = mid - 1 }
    }
    let start = blockStarts[low]
    let size = blocks[low].count
    if index < start.line + size { return (start.entry, index - start.line) }
    return (start.entry + 1 + (index - start.line - size), 0)
  }

  /// Adds a line.
  public mutating func append(_ line: StyledLine) {
    lines.append(.styled(line))
  }

  /// Adds lines.
  public mutating func append(contentsOf more: [StyledLine]) {
    lines.reserveCapacity(lines.count + more.count)
    for line in more { lines.append(.styled(line)) }
  }

  /// Adds `text` wrapped to the width less `indent` columns, each line indented; the text is
  /// kept once and its lines are slices of it.
  public mutating func append(text: String, indent: Int = 0, style: Style = .plain) {
    var text = text
    text.makeContiguousUTF8()
    let id = Int32(texts.count)
    texts.append(text)
    let room = max(10, width - indent)
    let pad = Int16(clamping: indent)
    text.utf8.withContiguousStorageIfAvailable { bytes in
      var start = 0
      let n = bytes.count
      while true {
        var newline = start
        while newline < n && bytes[newline] != 0x0A { newline += 1 }
        var end = newline
        if end > start && bytes[end - 1] == 0x0D { end -= 1 }
        layOut(bytes, start, end, room: room, text: id, indent: pad, style: style)
        if newline >= n { break }
        start = newline + 1
      }
    }
  }

  private mutating func layOut(
    _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, room: Int, text: Int32,
    indent: Int16, style: Style
  ) {
    func add(_ from: Int, _ to: Int) {
      lines.append(.slice(text: text, start: from, end: to, indent: indent, style: style))
    }
    guard start < end else { return add(start, start) }
    var ascii = true
    for i in start..<end where bytes[i] < 0x20 || bytes[i] > 0x7E {
      ascii = false
      break
    }
    if ascii {
      // One byte, one column: cut at the last space in the window, else hard.
      var from = start
      while from < end {
        if end - from <= room { return add(from, end) }
        let cut = from + room
        var space = cut
        while space > from && bytes[space] != 0x20 { space -= 1 }
        if space > from {
          add(from, space)
          from = space + 1
        } else {
          add(from, cut)
          from = cut
        }
      }
      return
    }
    if end - start <= Self.exactWrapLimit {
      let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
      let pieces = DisplayWidth.wrap(line, width: room)
      let prefix = String(repeating: " ", count: Int(indent))
      if pieces.isEmpty { return add(start, start) }
      for piece in pieces { lines.append(.styled(StyledLine([Span(prefix + piece, style)]))) }
      return
    }
    var from = start
    var scalars = 0
    for i in start..<end where bytes[i] & 0xC0 != 0x80 {
      if scalars == room {
        add(from, i)
        from = i
        scalars = 0
      }
      scalars += 1
    }
    add(from, end)
  }

  /// Line `index` as styled spans.
  public func line(_ index: Int) -> StyledLine {
    let (entry, sub) = locate(index)
    switch lines[entry] {
    case .styled(let line):
      return line
    case .block(let block):
      return blocks[Int(block)].line(sub)
    case .slice(let text, let start, let end, let indent, let style):
      let piece =
        texts[Int(text)].utf8.withContiguousStorageIfAvailable {
          String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self)
        } ?? ""
      return StyledLine([Span(String(repeating: " ", count: Int(indent)) + piece, style)])
    }
  }

  /// Every line, materialized (for tests and small layouts).
  public var all: [StyledLine] { (0..<count).map(line) }

  /// Draws the lines from `start` (clamped) into `area`.
  public func draw(from start: Int, in area: Rect, into grid: inout CellGrid) {
    let first = ListWindow.clamp(start, count: count, height: area.height)
    for offset in 0..<min(area.height, count - first) {
      line(first + offset).draw(into: &grid, x: area.x, y: area.y + offset, width: area.width)
    }
  }

  /// The first line after `after` (wrapping around to the top) that contains `needle`, ignoring
  /// ASCII case; a match that a wrap cut in two counts for the line where it starts.
  public func find(_ needle: String, after: Int) -> Int? {
    let pattern = Array(needle.lowercased().utf8)
    guard !pattern.isEmpty, count > 0 else { return nil }
    var start = max(0, min(count, after + 1))
    if start >= count { start = 0 }
    if let found = find(pattern, in: start..<count) { return found }
    return start > 0 ? find(pattern, in: 0..<start) : nil
  }

  /// The first line in `range` where `pattern` (lowercase) starts.
  private func find(_ pattern: [UInt8], in range: Range<Int>) -> Int? {
    var line = range.lowerBound
    while line < range.upperBound {
      let (entry, sub) = locate(line)
      switch lines[entry] {
      case .styled(let styled):
        if styled.spans.map(\.text).joined().lowercased().utf8.firstRange(of: pattern) != nil {
          return line
        }
        line += 1
      case .block(let index):
        let block = blocks[Int(index)]
        let upto = min(block.count, sub + (range.upperBound - line))
        if let found = block.find(pattern, lines: sub..<upto) { return line - sub + found }
        line += upto - sub
      case .slice(let text, let start, _, _, _):
        // The run of slices of this text from here: searched as one, within the range.
        var last = entry
        while last + 1 < lines.count, line + (last + 1 - entry) < range.upperBound,
          case .slice(text, _, _, _, _) = lines[last + 1]
        {
          last += 1
        }
        var runEnd = last
        while runEnd + 1 < lines.count, case .slice(text, _, _, _, _) = lines[runEnd + 1] {
          runEnd += 1
        }
        var stop = start
        if case .slice(_, _, let end, _, _) = lines[last] { stop = end }
        var limit = stop
        if case .slice(_, _, let end, _, _) = lines[runEnd] {
          limit = min(end, stop + pattern.count - 1)
        }
        if let offset = Self.search(pattern, in: texts[Int(text)], from: start, to: limit) {
          return line + lineStarting(at: offset, in: entry...last) - entry
        }
        line += last - entry + 1
      }
    }
    return nil
  }

  private func lineStarting(at offset: Int, in range: ClosedRange<Int>) -> Int {
    var low = range.lowerBound
    var high = range.upperBound
    while low < high {
      let mid = (low + high + 1) / 2
      if case .slice(_, let start, _, _, _) = lines[mid], start <= offset {
        low = mid
      } else {
        high = mid - 1
      }
    }
    return low
  }

  /// The byte offset of the first match of `pattern` (lowercase) in `text[from..<to]`,
  /// ignoring ASCII case.
  static func search(_ pattern: [UInt8], in text: String, from: Int, to: Int) -> Int? {
    text.utf8.withContiguousStorageIfAvailable { search(pattern, in: $0, from: from, to: to) }
      ?? nil
  }

  /// The offset of the first match of `pattern` (lowercase) in `bytes[from..<to]`, ignoring
  /// ASCII case.
  static func search(
    _ pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int
  ) -> Int? {
    let m = pattern.count
    guard to - from >= m else { return nil }
    let first = pattern[0]
    var i = from
    let last = to - m
    while i <= last {
      var b = bytes[i]
      if b >= 0x41 && b <= 0x5A { b |= 0x20 }
      if b == first {
        var j = 1
        while j < m {
          var c = bytes[i + j]
          if c >= 0x41 && c <= 0x5A { c |= 0x20 }
          if c != pattern[j] { break }
          j += 1
        }
        if j == m { return i }
      }
      i += 1
    }
    return nil
  }
}
