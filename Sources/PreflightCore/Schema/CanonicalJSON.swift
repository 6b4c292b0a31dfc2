import PreflightJSON

/// A JSON value reduced to what JSON Schema equality looks at, for `enum`, `const` and
/// `uniqueItems`: numbers compare by value (`1` equals `1.0`), object member order does not
/// matter (the last of repeated keys counts), and strings compare by code points (Swift's `==`
/// would call "é" and "e\u{301}" equal).
///
/// The value is encoded as unambiguous, length-prefixed bytes, so hashing and comparing it is a
/// single pass over a flat buffer however deeply the value nests.
struct CanonicalJSON: Hashable, Sendable {
  private var bytes: [UInt8] = []

  /// The canonical form of `value`.
  init(_ value: JSONValue) {
    append(value)
  }

  static func == (a: CanonicalJSON, b: CanonicalJSON) -> Bool { a.bytes == b.bytes }

  func hash(into hasher: inout Hasher) {
    bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
  }

  private mutating func append(_ value: JSONValue) {
    switch value {
    case .null:
      bytes.append(UInt8(ascii: "n"))
    case .bool(let b):
      bytes.append(UInt8(ascii: b ? "t" : "f"))
    case .number(let text):
      if let number = DecimalNumber(text) {
        bytes.append(UInt8(ascii: "d"))
        bytes.append(UInt8(ascii: number.isNegative ? "-" : "+"))
        bytes.append(contentsOf: number.digits)
        appendLength(number.exponent)
      } else {
        bytes.append(UInt8(ascii: "x"))
        appendString(text)
      }
    case .string(let s):
      bytes.append(UInt8(ascii: "s"))
      appendString(s)
    case .array(let elements):
      bytes.append(UInt8(ascii: "["))
      appendLength(elements.count)
      for element in elements { append(element) }
    case .object(let object):
      // Keys in byte order (String equality is canonical equivalence); the last one wins.
      let members = object.members
      let order = members.indices.sorted { a, b in
        let ka = members[a].key.utf8
        let kb = members[b].key.utf8
        if ka.elementsEqual(kb) { return a < b }
        return ka.lexicographicallyPrecedes(kb)
      }
      var kept: [Int] = []
      for i in order {
        if let last = kept.last, members[last].key.utf8.elementsEqual(members[i].key.utf8) {
          kept[kept.count - 1] = i
        } else {
          kept.append(i)
        }
      }
      bytes.append(UInt8(ascii: "{"))
      appendLength(kept.count)
      for i in kept {
        appendString(members[i].key)
        append(members[i].value)
      }
    }
  }

  private mutating func appendString(_ s: String) {
    appendLength(s.utf8.count)
    bytes.append(contentsOf: s.utf8)
  }

  /// A signed integer as fixed-width bytes, which also ends whatever came before it.
  private mutating func appendLength(_ n: Int) {
    withUnsafeBytes(of: Int64(n).bigEndian) { bytes.append(contentsOf: $0) }
  }
}
