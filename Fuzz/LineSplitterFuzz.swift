/// libFuzzer entry point for ``LineSplitter``, the newline framing of stdio servers: the input
/// is fed whole and then in pieces cut at points taken from its first bytes; both give the same
/// lines, no line holds a newline, and the lines plus the unfinished rest account for every
/// byte of the input but the newlines and the carriage returns before them.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLineSplitter(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  var whole = LineSplitter()
  var lines = whole.push(bytes)
  if let rest = whole.finish() { lines.append(rest) }

  var pieces = LineSplitter()
  var split: [[UInt8]] = []
  var start = 0
  var cutIndex = 0
  while start < bytes.count {
    let step = cutIndex < bytes.count ? Int(bytes[cutIndex]) % 17 + 1 : bytes.count
    cutIndex += 1
    let end = min(bytes.count, start + step)
    split += pieces.push(Array(bytes[start..<end]))
    start = end
  }
  if let rest = pieces.finish() { split.append(rest) }

  guard lines == split else { fatalError("lines: feeding in pieces changed the lines") }
  guard lines.allSatisfy({ !$0.contains(0x0A) }) else { fatalError("lines: a line holds \\n") }
  let newlines = bytes.filter { $0 == 0x0A }.count
  let expectedLines = newlines + (bytes.last == 0x0A || bytes.isEmpty ? 0 : 1)
  guard lines.count == expectedLines else {
    fatalError("lines: \(lines.count) lines for \(newlines) newlines")
  }
  var rebuilt: [UInt8] = []
  var stripped = 0
  for (index, line) in lines.enumerated() {
    rebuilt += line
    if index < newlines { rebuilt.append(0x0A) }
  }
  // Only a `\r` right before a line's end may be missing.
  var original = bytes[...]
  var copy = rebuilt[...]
  while let byte = original.first {
    if byte == copy.first {
      original.removeFirst()
      copy.removeFirst()
    } else if byte == 0x0D {
      original.removeFirst()
      stripped += 1
    } else {
      fatalError("lines: a byte other than \\r was lost or changed")
    }
  }
  guard copy.isEmpty, stripped <= lines.count else { fatalError("lines: bytes were invented") }
  return 0
}
