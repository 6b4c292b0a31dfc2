import Glibc
import PreflightJSON

/// A glance at a JSON-RPC frame's top level without building it: its `method`, its `id`, and
/// whether it is a response. Nested values are skipped byte by byte (strings with `memchr`), so
/// a 20 MB result costs one scan and no allocation. The transports use it to apply per-method
/// rules (session-id echo, initialize) and to see whether a request's response has arrived.
struct HTTPMessagePeek: Sendable, Hashable {
  /// The `method` member, when it is a string.
  var method: String?
  /// The `id` member, when present (and not `null`).
  var id: JSONValue?
  /// Whether the message has a `result` or an `error` member (a response).
  var isResponse = false

  /// Whether the message is a request (a method and an id).
  var isRequest: Bool { method != nil && id != nil }

  /// The top-level messages of a frame: one for an object, one per object of a batch array;
  /// empty when the frame is not a JSON object or array of objects (or is cut short).
  static func inspect(_ bytes: [UInt8]) -> [HTTPMessagePeek] {
    bytes.withUnsafeBufferPointer { buffer -> [HTTPMessagePeek] in
      var scanner = Scanner(buffer: buffer)
      scanner.skipWhitespace()
      guard let first = scanner.peek() else { return [] }
      if first == UInt8(ascii: "{") {
        guard let one = scanner.object() else { return [] }
        return [one]
      }
      guard first == UInt8(ascii: "[") else { return [] }
      scanner.advance()
      var items: [HTTPMessagePeek] = []
      while true {
        scanner.skipWhitespace()
        guard let byte = scanner.peek() else { return [] }
        if byte == UInt8(ascii: "]") { return items }
        if byte == UInt8(ascii: ",") {
          scanner.advance()
          continue
        }
        guard byte == UInt8(ascii: "{"), let item = scanner.object() else { return [] }
        items.append(item)
      }
    }
  }

  /// The first top-level message of a frame, if any.
  static func first(_ bytes: [UInt8]) -> HTTPMessagePeek? {
    inspect(bytes).first
  }

  private struct Scanner {
    let buffer: UnsafeBufferPointer<UInt8>
    var index = 0

    init(buffer: UnsafeBufferPointer<UInt8>) {
      self.buffer = buffer
    }

    func peek() -> UInt8? { index < buffer.count ? buffer[index] : nil }

    mutating func advance() { index += 1 }

    mutating func skipWhitespace() {
      while index < buffer.count {
        switch buffer[index] {
        case 0x20, 0x09, 0x0A, 0x0D: index += 1
        default: return
        }
      }
    }

    /// Reads an object at `index` (which is `{`), noting the members that matter.
    mutating func object() -> HTTPMessagePeek? {
      var result = HTTPMessagePeek()
      advance()
      while true {
        skipWhitespace()
        guard let byte = peek() else { return nil }
        if byte == UInt8(ascii: "}") {
          advance()
          return result
        }
        if byte == UInt8(ascii: ",") {
          advance()
          continue
        }
        guard byte == UInt8(ascii: "\""), let keyRange = skipString() else { return nil }
        let key = Array(buffer[(keyRange.lowerBound + 1)..<(keyRange.upperBound - 1)])
        skipWhitespace()
        guard peek() == UInt8(ascii: ":") else { return nil }
        advance()
        skipWhitespace()
        let start = index
        guard skipValue() else { return nil }
        let slice = UnsafeBufferPointer(rebasing: buffer[start..<index])
        switch key {
        case Array("method".utf8):
          result.method = (try? JSONParser.parse(slice))?.stringValue
        case Array("id".utf8):
          if let id = try? JSONParser.parse(slice), !id.isNull {
            result.id = id
          }
        case Array("result".utf8), Array("error".utf8):
          result.isResponse = true
        default:
          break
        }
      }
    }

    /// Skips a string at `index` (which is `"`); returns its range including the quotes.
    mutating func skipString() -> Range<Int>? {
      let start = index
      var position = index + 1
      while position < buffer.count {
        guard
          let found = memchr(
            buffer.baseAddress! + position, Int32(UInt8(ascii: "\"")), buffer.count - position)
        else { return nil }
        let quote = UnsafeRawPointer(found) - UnsafeRawPointer(buffer.baseAddress!)
        var backslashes = 0
        var before = quote - 1
        while before > start, buffer[before] == UInt8(ascii: "\\") {
          backslashes += 1
          before -= 1
        }
        position = quote + 1
        if backslashes % 2 == 0 {
          index = position
          return start..<position
        }
      }
      return nil
    }

    /// Skips one value of any kind.
    mutating func skipValue() -> Bool {
      guard let byte = peek() else { return false }
      if byte == UInt8(ascii: "\"") { return skipString() != nil }
      if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
        var depth = 0
        while let current = peek() {
          switch current {
          case UInt8(ascii: "\""):
            guard skipString() != nil else { return false }
            continue
          case UInt8(ascii: "{"), UInt8(ascii: "["):
            depth += 1
          case UInt8(ascii: "}"), UInt8(ascii: "]"):
            depth -= 1
            if depth == 0 {
              advance()
              return true
            }
          default:
            break
          }
          advance()
        }
        return false
      }
      while let current = peek() {
        switch current {
        case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x09, 0x0A, 0x0D:
          return true
        default:
          advance()
        }
      }
      return true
    }
  }
}
