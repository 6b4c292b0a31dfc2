/// A byte-level JSON parser (RFC 8259) that keeps number text and member order.
///
/// It rejects invalid UTF-8, trailing garbage and nesting deeper than ``maximumDepth``, so a
/// hostile peer cannot exhaust the stack; the caller keeps the raw bytes of anything rejected.
public struct JSONParser {
  /// Nesting deeper than this is rejected.
  public static let maximumDepth = 512

  /// Parses one JSON value from `bytes` (surrounding whitespace allowed).
  public static func parse(_ bytes: some Collection<UInt8>) throws(JSONParseError) -> JSONValue {
    // Contiguous bytes (an array, a frame) are read in place; others are copied once.
    let parsed = bytes.withContiguousStorageIfAvailable { buffer in
      var parser = JSONParser(buffer)
      return Result { () throws(JSONParseError) -> JSONValue in try parser.parseDocument() }
    }
    if let parsed { return try parsed.get() }
    return try parse(Array(bytes))
  }

  /// Parses one JSON value from a string.
  public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
    try parse(Array(text.utf8))
  }

  private let bytes: UnsafeBufferPointer<UInt8>
  private var index = 0
  private var depth = 0

  private init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  private func fail(_ reason: String) -> JSONParseError {
    JSONParseError(offset: index, reason: reason)
  }

  private mutating func parseDocument() throws(JSONParseError) -> JSONValue {
    skipWhitespace()
    if index >= bytes.count { throw fail("empty input, expected a JSON value") }
    let value = try parseValue()
    skipWhitespace()
    if index < bytes.count { throw fail("unexpected text after the JSON value") }
    return value
  }

  private mutating func skipWhitespace() {
    var i = index
    let count = bytes.count
    while i < count {
      switch bytes[i] {
      case 0x20, 0x09, 0x0A, 0x0D: i += 1
      default:
        index = i
        return
      }
    }
    index = i
  }

  private mutating func parseValue() throws(JSONParseError) -> JSONValue {
    guard index < bytes.count else { throw fail("unexpected end of input") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try parseObject()
    case UInt8(ascii: "["): return try parseArray()
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
    case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
    case UInt8(ascii: "n"): return try parseLiteral("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
    default: throw fail("unexpected character \(describe(bytes[index]))")
    }
  }

  private func describe(_ byte: UInt8) -> String {
    if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
    return "byte 0x" + String(byte, radix: 16, uppercase: true)
  }

  private mutating func parseLiteral(
    _ word: StaticString, _ value: JSONValue
  ) throws(JSONParseError) -> JSONValue {
    let count = word.utf8CodeUnitCount
    guard index + count <= bytes.count else { throw fail("unexpected end of input") }
    let start = word.utf8Start
    for i in 0..<count where bytes[index + i] != start[i] {
      throw fail("invalid literal, expected \(word)")
    }
    index += count
    return value
  }

  private mutating func enter() throws(JSONParseError) {
    depth += 1
    if depth > JSONParser.maximumDepth {
      throw fail("nesting deeper than \(JSONParser.maximumDepth) levels")
    }
  }

  private mutating func parseObject() throws(JSONParseError) -> JSONValue {
    try enter()
    index += 1
    var members: [JSONMember] = []
    skipWhitespace()
    if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
      index += 1
      depth -= 1
      return .object(JSONObject(members))
    }
    while true {
      skipWhitespace()
      guard index < bytes.count else { throw fail("unexpected end of input in an object") }
      guard bytes[index] == UInt8(ascii: "\"") else { throw fail("expected a string key") }
      let key = try parseString()
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
        throw fail("expected ':' after an object key")
      }
      index += 1
      skipWhitespace()
      let value = try parseValue()
      members.append(JSONMember(key: key, value: value))
      skipWhitespace()
      guard index < bytes.count else { throw fail("unexpected end of input in an object") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      if bytes[index] == UInt8(ascii: "}") {
        index += 1
        depth -= 1
        return .object(JSONObject(members))
      }
      throw fail("expected ',' or '}' in an object")
    }
  }

  private mutating func parseArray() throws(JSONParseError) -> JSONValue {
    try enter()
    index += 1
    var elements: [JSONValue] = []
    skipWhitespace()
    if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
      index += 1
      depth -= 1
      return .array(elements)
    }
    while true {
      skipWhitespace()
      elements.append(try parseValue())
      skipWhitespace()
      guard index < bytes.count else { throw fail("unexpected end of input in an array") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      if bytes[index] == UInt8(ascii: "]") {
        index += 1
        depth -= 1
        return .array(elements)
      }
      throw fail("expected ',' or ']' in an array")
    }
  }

  private mutating func parseNumber() throws(JSONParseError) -> JSONValue {
    let start = index
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    guard index < bytes.count, isDigit(bytes[index]) else { throw fail("invalid number") }
    if bytes[index] == UInt8(ascii: "0") {
      index += 1
      if index < bytes.count, isDigit(bytes[index]) {
        throw fail("invalid number: leading zero")
      }
    } else {
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      guard index < bytes.count, isDigit(bytes[index]) else {
        throw fail("invalid number: expected a digit after '.'")
      }
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")
      {
        index += 1
      }
      guard index < bytes.count, isDigit(bytes[index]) else {
        throw fail("invalid number: expected a digit in the exponent")
      }
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    return .number(text)
  }

  private func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

  private mutating func parseString() throws(JSONParseError) -> String {
    index += 1
    let start = index
    // Fast path: no escapes, all plain bytes. The scan keeps its position in a local, not in
    // `self`, so the loop stays in registers.
    var hasEscape = false
    var hasHighBytes = false
    var i = index
    let count = bytes.count
    while i < count {
      let b = bytes[i]
      if b == UInt8(ascii: "\"") { break }
      if b == UInt8(ascii: "\\") {
        hasEscape = true
        i += 2
        continue
      }
      if b < 0x20 {
        index = i
        throw fail("control character in a string (must be escaped)")
      }
      if b >= 0x80 { hasHighBytes = true }
      i += 1
    }
    index = i
    guard index < bytes.count else { throw fail("unterminated string") }
    let end = index
    index += 1
    let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
    if !hasEscape {
      if !hasHighBytes { return String(decoding: slice, as: UTF8.self) }
      guard let s = String(validating: slice, as: UTF8.self) else {
        index = start
        throw fail("invalid UTF-8 in a string")
      }
      return s
    }
    return try decodeEscaped(slice, base: start)
  }

  /// Decodes a string with escapes straight into the new string's storage (the result is never
  /// longer than the escaped text), so a 50 MB string costs one buffer, not two.
  private func decodeEscaped(
    _ slice: UnsafeBufferPointer<UInt8>, base: Int
  ) throws(JSONParseError) -> String {
    // Escapes are ASCII, so the text decodes to valid UTF-8 exactly when the raw bytes are.
    if slice.contains(where: { $0 >= 0x80 }) {
      var decoder = Unicode.UTF8()
      var iterator = slice.makeIterator()
      decoding: while true {
        switch decoder.decode(&iterator) {
        case .scalarValue: continue
        case .emptyInput: break decoding
        case .error: throw JSONParseError(offset: base, reason: "invalid UTF-8 in a string")
        }
      }
    }
    var failure: JSONParseError?
    let text = String(unsafeUninitializedCapacity: slice.count) { out -> Int in
      var n = 0
      var i = 0
      while i < slice.count {
        let b = slice[i]
        if b != UInt8(ascii: "\\") {
          out[n] = b
          n += 1
          i += 1
          continue
        }
        guard i + 1 < slice.count else {
          failure = JSONParseError(offset: base + i, reason: "unterminated escape")
          return 0
        }
        let e = slice[i + 1]
        i += 2
        var byte: UInt8?
        switch e {
        case UInt8(ascii: "\""): byte = 0x22
        case UInt8(ascii: "\\"): byte = 0x5C
        case UInt8(ascii: "/"): byte = 0x2F
        case UInt8(ascii: "b"): byte = 0x08
        case UInt8(ascii: "f"): byte = 0x0C
        case UInt8(ascii: "n"): byte = 0x0A
        case UInt8(ascii: "r"): byte = 0x0D
        case UInt8(ascii: "t"): byte = 0x09
        case UInt8(ascii: "u"):
          guard let unit = hex4(slice, i) else {
            failure = JSONParseError(offset: base + i, reason: "invalid \\u escape")
            return 0
          }
          i += 4
          var scalar: UInt32 = UInt32(unit)
          if unit >= 0xD800 && unit < 0xDC00,
            i + 6 <= slice.count, slice[i] == UInt8(ascii: "\\"),
            slice[i + 1] == UInt8(ascii: "u"),
            let low = hex4(slice, i + 2), low >= 0xDC00 && low < 0xE000
          {
            scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            i += 6
          }
          // A lone surrogate cannot be represented in a Swift string: use U+FFFD.
          let s = Unicode.Scalar(scalar) ?? "\u{FFFD}"
          for unit in UTF8.encode(s)! {
            out[n] = unit
            n += 1
          }
        default:
          failure = JSONParseError(
            offset: base + i, reason: "invalid escape '\\\(Character(Unicode.Scalar(e)))'")
          return 0
        }
        if let byte {
          out[n] = byte
          n += 1
        }
      }
      return n
    }
    if let failure { throw failure }
    return text
  }

  private func hex4(_ s: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt16? {
    guard at + 4 <= s.count else { return nil }
    var v: UInt16 = 0
    for k in 0..<4 {
      let c = s[at + k]
      let d: UInt16
      switch c {
      case 0x30...0x39: d = UInt16(c - 0x30)
      case 0x41...0x46: d = UInt16(c - 0x41 + 10)
      case 0x61...0x66: d = UInt16(c - 0x61 + 10)
      default: return nil
      }
      v = v << 4 | d
    }
    return v
  }
}
