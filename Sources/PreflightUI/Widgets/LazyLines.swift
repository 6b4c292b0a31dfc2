import TerminalGrid

/// Lines laid out once for one width: short parts as styled lines, long texts kept once and cut
/// into slices by byte offsets. A 50 MB text costs a few integers a line; drawing materializes
/// only the visible lines, and search scans the texts' bytes without building lines.
public struct LazyLines: Sendable {
  enum Line: Sendable {
    case styled(StyledLine)
    case slice(text: Int32, start: Int, end: Int, indent: Int16, style: Style)
  }

  /// Hard lines up to this many bytes that are not plain ASCII are word-wrapped by display
  /// width; longer ones are cut every `width` scalars (drawing still escapes and clips them).
  static let exactWrapLimit = 64 * 1024

  /// The width the lines were laid out for.
  public let width: Int
  private(set) var lines: [Line] = []
  private(set) var texts: [String] = []

  /// An empty layout for `width` columns.
  public init(width: Int) {
    self.width = max(1, width)
  }

  /// How many lines there are.
  public var count: Int { lines.count }

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
    switch lines[index] {
    case .styled(let line):
      return line
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
    var index = max(0, min(count, after + 1))
    var visited = 0
    while visited < count {
      if index >= count { index = 0 }
      switch lines[index] {
      case .styled(let line):
        if line.spans.map(\.text).joined().lowercased().utf8.firstRange(of: pattern) != nil {
          return index
        }
        index += 1
        visited += 1
      case .slice(let text, let start, _, _, _):
        var last = index
        while last + 1 < count, case .slice(text, _, _, _, _) = lines[last + 1] { last += 1 }
        let stop: Int
        if case .slice(_, _, let end, _, _) = lines[last] { stop = end } else { stop = start }
        if let offset = Self.search(pattern, in: texts[Int(text)], from: start, to: stop) {
          return lineStarting(at: offset, in: index...last)
        }
        visited += last - index + 1
        index = last + 1
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
    text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
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
    } ?? nil
  }
}
