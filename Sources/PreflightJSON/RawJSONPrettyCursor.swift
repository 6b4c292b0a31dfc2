/// Reads a ``RawJSON`` object one pretty-printed line at a time, as
/// ``JSONPrinter/pretty(_:indent:)`` would print its parsed value, without parsing it.
///
/// A cursor is a position and a nesting level, so it can be saved every so many lines and
/// resumed there: a layout of millions of lines keeps a checkpoint per block of lines and
/// prints only the lines on screen.
public struct RawJSONPrettyCursor: Sendable {
  /// The object read.
  public let raw: RawJSON
  /// Where the next line starts, as an offset into ``RawJSON/storage``.
  public private(set) var offset: Int
  /// The nesting level of the next line.
  public private(set) var level: Int
  /// Whether every line has been read.
  public private(set) var finished = false
  private let base: Int
  private let indent: Int

  /// A cursor at the first line, for an object printed at nesting `level` with `indent` spaces
  /// a level.
  public init(_ raw: RawJSON, level: Int = 0, indent: Int = 2) {
    self.raw = raw
    self.offset = raw.range.lowerBound
    self.level = level
    self.base = level
    self.indent = indent
  }

  /// A cursor resumed where another one was (its ``offset`` and ``level`` after some lines).
  public init(_ raw: RawJSON, offset: Int, level: Int, base: Int = 0, indent: Int = 2) {
    self.raw = raw
    self.offset = offset
    self.level = level
    self.base = base
    self.indent = indent
    self.finished = offset >= raw.range.upperBound
  }

  /// Appends the next line's text (no newline) to `out`; false when there are no more lines.
  public mutating func next(into out: inout [UInt8]) -> Bool {
    step(emit: true, into: &out)
  }

  /// Passes the next line without printing it; false when there are no more lines.
  public mutating func skip() -> Bool {
    var none: [UInt8] = []
    return step(emit: false, into: &none)
  }

  private mutating func step(emit: Bool, into out: inout [UInt8]) -> Bool {
    guard !finished else { return false }
    let end = raw.range.upperBound
    let (next, newLevel) = raw.storage.withUnsafeBufferPointer { b -> (Int, Int) in
      var level = self.level
      var i = offset
      func skipWhitespace() {
        while i < end, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 }
      }
      func pad(_ l: Int) {
        if emit { out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: l * indent)) }
      }
      skipWhitespace()
      let c = b[i]
      if c == UInt8(ascii: "]") || c == UInt8(ascii: "}") {
        level -= 1
        pad(level)
        if emit { out.append(c) }
        i += 1
      } else {
        pad(level)
        if c == UInt8(ascii: "\"") {
          let close = RawJSONWriter.stringEnd(b, i)
          var j = close
          while j < end, b[j] == 0x20 || b[j] == 0x09 || b[j] == 0x0A || b[j] == 0x0D { j += 1 }
          if j < end && b[j] == UInt8(ascii: ":") {
            if emit {
              RawJSONWriter.appendString(b, i..<close, into: &out)
              out.append(contentsOf: [UInt8(ascii: ":"), UInt8(ascii: " ")])
            }
            i = j + 1
            skipWhitespace()
          }
        }
        let v = b[i]
        if v == UInt8(ascii: "{") || v == UInt8(ascii: "[") {
          let closing = v == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
          var j = i + 1
          while j < end, b[j] == 0x20 || b[j] == 0x09 || b[j] == 0x0A || b[j] == 0x0D { j += 1 }
          if j < end && b[j] == closing {
            if emit { out.append(contentsOf: [v, closing]) }
            i = j + 1
          } else {
            if emit { out.append(v) }
            return (i + 1, level + 1)
          }
        } else if v == UInt8(ascii: "\"") {
          let close = RawJSONWriter.stringEnd(b, i)
          if emit { RawJSONWriter.appendString(b, i..<close, into: &out) }
          i = close
        } else {
          var j = i
          while j < end {
            let d = b[j]
            if d == UInt8(ascii: ",") || d == UInt8(ascii: "]") || d == UInt8(ascii: "}")
              || d == 0x20 || d == 0x09 || d == 0x0A || d == 0x0D
            {
              break
            }
            j += 1
          }
          if emit { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<j])) }
          i = j
        }
      }
      skipWhitespace()
      if i < end && b[i] == UInt8(ascii: ",") {
        if emit { out.append(UInt8(ascii: ",")) }
        i += 1
      }
      return (i, level)
    }
    offset = next
    level = newLevel
    if newLevel == base { finished = true }
    return true
  }
}
