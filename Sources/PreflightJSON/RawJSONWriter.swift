/// Prints a ``RawJSON`` object straight from its bytes, with the same text ``JSONPrinter``
/// prints for its parsed value: whitespace dropped, numbers as sent, and strings re-escaped only
/// when their escaping could differ (a backslash, DEL or a C1 control inside).
public enum RawJSONWriter {
  /// Appends the compact text of `raw` to `out`.
  public static func writeCompact(_ raw: RawJSON, into out: inout [UInt8]) {
    raw.withBytes { b in
      out.reserveCapacity(out.count + b.count)
      var i = 0
      let n = b.count
      while i < n {
        let c = b[i]
        switch c {
        case 0x20, 0x09, 0x0A, 0x0D:
          i += 1
        case UInt8(ascii: "\""):
          let end = stringEnd(b, i)
          appendString(b, i..<end, into: &out)
          i = end
        default:
          out.append(c)
          i += 1
        }
      }
    }
  }

  /// Appends the pretty text of `raw` to `out` as ``JSONPrinter/pretty(_:indent:)`` would
  /// print it at nesting `level` (the first line is not indented: it follows a key or a line
  /// start the caller wrote). `atLine`, when given, is called before each line break.
  public static func writePretty(
    _ raw: RawJSON, level: Int = 0, indent: Int = 2, into out: inout [UInt8],
    atLine: ((inout [UInt8]) -> Void)? = nil
  ) {
    var cursor = RawJSONPrettyCursor(raw, level: level, indent: indent)
    var first = true
    var line: [UInt8] = []
    while true {
      line.removeAll(keepingCapacity: true)
      guard cursor.next(into: &line) else { break }
      if !first {
        atLine?(&out)
        out.append(0x0A)
      }
      out.append(contentsOf: first ? line.drop { $0 == 0x20 } : line[...])
      first = false
    }
  }

  /// The index just past the string whose opening quote is at `start`.
  static func stringEnd(_ b: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
    var j = start + 1
    while j < b.count {
      let c = b[j]
      if c == UInt8(ascii: "\\") {
        j += 2
      } else if c == UInt8(ascii: "\"") {
        return j + 1
      } else {
        j += 1
      }
    }
    return b.count
  }

  /// Appends the string at `range` (quotes included) as ``JSONPrinter/writeString(_:into:)``
  /// writes its decoded text.
  static func appendString(
    _ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into out: inout [UInt8]
  ) {
    var plain = true
    var k = range.lowerBound + 1
    let last = range.upperBound - 1
    while k < last {
      let c = b[k]
      if c == UInt8(ascii: "\\") || c == 0x7F || (c == 0xC2 && k + 1 < last && b[k + 1] < 0xA0) {
        plain = false
        break
      }
      k += 1
    }
    if plain {
      out.append(contentsOf: UnsafeBufferPointer(rebasing: b[range]))
      return
    }
    let decoded = (try? JSONParser.parse(UnsafeBufferPointer(rebasing: b[range])))?.stringValue
    JSONPrinter.writeString(decoded ?? "", into: &out)
  }
}
