import Glibc

/// Splits a byte stream into lines at `\n`, in time linear in the input.
///
/// Each line comes out without its `\n` and without one trailing `\r`, so `\r\n` endings work too.
/// Bytes are kept exactly as received (no UTF-8 validation). Empty lines are reported; callers
/// that ignore them skip them. Only the newest chunk is ever scanned, and a line that spans many
/// chunks is copied into its buffer once, so a 20 MB line costs what reading it costs.
struct LineSplitter: Sendable {
  /// The start of a line whose `\n` has not arrived yet.
  private var pending: [UInt8] = []

  /// Makes an empty splitter.
  init() {}

  /// How many bytes of an unfinished line are held.
  var bufferedByteCount: Int { pending.count }

  /// Feeds a chunk and hands every line it completes to `line`, in order.
  mutating func push(
    _ chunk: UnsafeRawBufferPointer, _ line: ([UInt8]) throws -> Void
  ) rethrows {
    guard let base = chunk.baseAddress, !chunk.isEmpty else { return }
    var start = 0
    while start < chunk.count {
      guard let found = memchr(base + start, 0x0A, chunk.count - start) else {
        pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[start...]))
        return
      }
      let end = UnsafeRawPointer(found) - base
      var bytes: [UInt8]
      if pending.isEmpty {
        bytes = Array(UnsafeRawBufferPointer(rebasing: chunk[start..<end]))
      } else {
        pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[start..<end]))
        bytes = pending
        pending = []
      }
      if bytes.last == 0x0D {
        bytes.removeLast()
      }
      start = end + 1
      try line(bytes)
    }
  }

  /// Feeds a chunk and returns the lines it completes, in order.
  mutating func push(_ chunk: [UInt8]) -> [[UInt8]] {
    var lines: [[UInt8]] = []
    chunk.withUnsafeBytes { buffer in
      push(buffer) { lines.append($0) }
    }
    return lines
  }

  /// Ends the input: returns the unfinished last line (without a trailing `\r`), if any bytes
  /// are held, and empties the splitter.
  mutating func finish() -> [UInt8]? {
    guard !pending.isEmpty else { return nil }
    var bytes = pending
    pending = []
    if bytes.last == 0x0D {
      bytes.removeLast()
    }
    return bytes
  }
}
