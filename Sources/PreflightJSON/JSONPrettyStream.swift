/// Pretty JSON handed out in chunks of about `chunkSize` bytes as it is printed, with the same
/// text as ``JSONPrinter/pretty(_:indent:)`` (it is the printer's own pass, handing out its
/// text at line breaks), so a 50 MB value is written out without a second 100 MB copy of it in
/// memory. A deferred object (``JSONObject/raw``) is printed line by line from its bytes.
public enum JSONPrettyStream {
  /// Prints `value` to `sink` in chunks of about `chunkSize` bytes and flushes the rest.
  public static func write(
    _ value: JSONValue, indent: Int = 2, chunkSize: Int = 1 << 20,
    to sink: (UnsafeBufferPointer<UInt8>) -> Void
  ) {
    let limit = max(1, chunkSize)
    var buffer: [UInt8] = []
    buffer.reserveCapacity(min(limit, 1 << 24) + 1024)
    withoutActuallyEscaping(sink) { sink in
      JSONPrinter.writePretty(value, level: 0, indent: indent, into: &buffer) { text in
        guard text.count >= limit else { return }
        text.withUnsafeBufferPointer { sink($0) }
        text.removeAll(keepingCapacity: true)
      }
    }
    if !buffer.isEmpty { buffer.withUnsafeBufferPointer { sink($0) } }
  }
}
