/// Pretty JSON handed out in chunks of about ``chunkSize`` bytes as it is printed, with the same
/// text as ``JSONPrinter/pretty(_:indent:)``, so a 50 MB value is written out without a second
/// 100 MB copy of it in memory. A deferred object (``JSONObject/raw``) is printed line by line
/// from its bytes.
public struct JSONPrettyStream {
  /// About how many bytes are gathered before they are handed out.
  public let chunkSize: Int
  private let indent: Int
  private let sink: (UnsafeBufferPointer<UInt8>) -> Void
  private var buffer: [UInt8] = []

  /// Prints `value` to `sink` in chunks and flushes the rest.
  public static func write(
    _ value: JSONValue, indent: Int = 2, chunkSize: Int = 1 << 20,
    to sink: (UnsafeBufferPointer<UInt8>) -> Void
  ) {
    withoutActuallyEscaping(sink) { sink in
      var stream = JSONPrettyStream(chunkSize: chunkSize, indent: indent, sink: sink)
      stream.write(value, level: 0)
      stream.flush()
    }
  }

  private init(
    chunkSize: Int, indent: Int, sink: @escaping (UnsafeBufferPointer<UInt8>) -> Void
  ) {
    self.chunkSize = max(1, chunkSize)
    self.indent = indent
    self.sink = sink
    buffer.reserveCapacity(self.chunkSize + 1024)
  }

  private mutating func flush() {
    guard !buffer.isEmpty else { return }
    buffer.withUnsafeBufferPointer { sink($0) }
    buffer.removeAll(keepingCapacity: true)
  }

  private mutating func newline(_ level: Int) {
    if buffer.count >= chunkSize { flush() }
    buffer.append(0x0A)
    buffer.append(contentsOf: repeatElement(UInt8(ascii: " "), count: level * indent))
  }

  private mutating func write(_ value: JSONValue, level: Int) {
    switch value {
    case .object(let o) where o.raw != nil:
      var cursor = RawJSONPrettyCursor(o.raw!, level: level, indent: indent)
      var first = true
      var line: [UInt8] = []
      while true {
        line.removeAll(keepingCapacity: true)
        guard cursor.next(into: &line) else { break }
        if first {
          buffer.append(contentsOf: line.drop { $0 == 0x20 })
          first = false
        } else {
          if buffer.count >= chunkSize { flush() }
          buffer.append(0x0A)
          buffer.append(contentsOf: line)
        }
      }
    case .array(let items) where !items.isEmpty:
      buffer.append(UInt8(ascii: "["))
      for (i, item) in items.enumerated() {
        if i > 0 { buffer.append(UInt8(ascii: ",")) }
        newline(level + 1)
        write(item, level: level + 1)
      }
      newline(level)
      buffer.append(UInt8(ascii: "]"))
    case .object(let o) where !o.isEmpty:
      buffer.append(UInt8(ascii: "{"))
      for (i, member) in o.members.enumerated() {
        if i > 0 { buffer.append(UInt8(ascii: ",")) }
        newline(level + 1)
        JSONPrinter.writeString(member.key, into: &buffer)
        buffer.append(contentsOf: [UInt8(ascii: ":"), UInt8(ascii: " ")])
        write(member.value, level: level + 1)
      }
      newline(level)
      buffer.append(UInt8(ascii: "}"))
    default:
      JSONPrinter.writeCompact(value, into: &buffer)
    }
  }
}
