/// Walks JSON bytes without building values, checking them as strictly as ``JSONParser`` does
/// (grammar, UTF-8, escapes, nesting depth): what it accepts, the parser parses.
struct JSONScanner {
  let bytes: UnsafeBufferPointer<UInt8>
  var index = 0
  var depth: Int
  /// Whether a string with a backslash escape was passed.
  var sawEscape = false

  init(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int = 0, depth: Int = 0) {
    self.bytes = bytes
    self.index = index
    self.depth = depth
  }

  mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D: index += 1
      default: return
      }
    }
  }

  /// Passes one value (no whitespace before it); false when it is not valid JSON.
  mutating func skipValue() -> Bool {
    guard index < bytes.count else { return false }
    switch bytes[index] {
    case UInt8(ascii: "{"): return skipObject() != nil
    case UInt8(ascii: "["): return skipArray()
    case UInt8(ascii: "\""): return skipString()
    case UInt8(ascii: "t"): return skipLiteral("true")
    case UInt8(ascii: "f"): return skipLiteral("false")
    case UInt8(ascii: "n"): return skipLiteral("null")
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return skipNumber()
    default: return false
    }
  }

  private mutating func skipLiteral(_ word: StaticString) -> Bool {
    let count = word.utf8CodeUnitCount
    guard index + count <= bytes.count else { return false }
    let start = word.utf8Start
    for i in 0..<count where bytes[index + i] != start[i] { return false }
    index += count
    return true
  }

  /// Passes an object starting at `{`; its number of members, or nil when it is not valid.
  mutating func skipObject() -> Int? {
    depth += 1
    guard depth <= JSONParser.maximumDepth else { return nil }
    index += 1
    skipWhitespace()
    var members = 0
    if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
      index += 1
      depth -= 1
      return 0
    }
    while true {
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), skipString() else {
        return nil
      }
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
      index += 1
      skipWhitespace()
      guard skipValue() else { return nil }
      members += 1
      skipWhitespace()
      guard index < bytes.count else { return nil }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard bytes[index] == UInt8(ascii: "}") else { return nil }
      index += 1
      depth -= 1
      return members
    }
  }

  private mutating func skipArray() -> Bool {
    depth += 1
    guard depth <= JSONParser.maximumDepth else { return false }
    index += 1
    skipWhitespace()
    if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
      index += 1
      depth -= 1
      return true
    }
    while true {
      skipWhitespace()
      guard skipValue() else { return false }
      skipWhitespace()
      guard index < bytes.count else { return false }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard bytes[index] == UInt8(ascii: "]") else { return false }
      index += 1
      depth -= 1
      return true
    }
  }

  private func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

  private mutating func skipDigits() {
    while index < bytes.count, isDigit(bytes[index]) { index += 1 }
  }

  private mutating func skipNumber() -> Bool {
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    guard index < bytes.count, isDigit(bytes[index]) else { return false }
    if bytes[index] == UInt8(ascii: "0") {
      index += 1
      if index < bytes.count, isDigit(bytes[index]) { return false }
    } else {
      skipDigits()
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      guard index < bytes.count, isDigit(bytes[index]) else { return false }
      skipDigits()
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")
      {
        index += 1
      }
      guard index < bytes.count, isDigit(bytes[index]) else { return false }
      skipDigits()
    }
    return true
  }

  private func isHex(_ b: UInt8) -> Bool {
    (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66)
  }

  /// Passes a string starting at its opening quote.
  mutating func skipString() -> Bool {
    index += 1
    while index < bytes.count {
      let b = bytes[index]
      if b == UInt8(ascii: "\"") {
        index += 1
        return true
      }
      if b == UInt8(ascii: "\\") {
        sawEscape = true
        guard index + 1 < bytes.count else { return false }
        switch bytes[index + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
          UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
          index += 2
        case UInt8(ascii: "u"):
          guard index + 6 <= bytes.count else { return false }
          for k in 2..<6 where !isHex(bytes[index + k]) { return false }
          index += 6
        default:
          return false
        }
        continue
      }
      if b < 0x20 { return false }
      if b < 0x80 {
        index += 1
        continue
      }
      guard skipScalar() else { return false }
    }
    return false
  }

  /// Passes one multi-byte UTF-8 scalar (well-formed as `String(validating:)` wants it).
  private mutating func skipScalar() -> Bool {
    let b = bytes[index]
    let length: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch b {
    case 0xC2...0xDF: length = 2
    case 0xE0:
      length = 3
      low = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED:
      length = 3
      high = 0x9F
    case 0xF0:
      length = 4
      low = 0x90
    case 0xF1...0xF3: length = 4
    case 0xF4:
      length = 4
      high = 0x8F
    default: return false
    }
    guard index + length <= bytes.count else { return false }
    let second = bytes[index + 1]
    guard second >= low && second <= high else { return false }
    for k in 2..<length where bytes[index + k] & 0xC0 != 0x80 { return false }
    index += length
    return true
  }
}
