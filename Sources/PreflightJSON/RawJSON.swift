/// The bytes of a JSON object that was checked but not parsed into values yet: a span of the
/// frame it arrived in, shared with it (no copy).
///
/// A large `structuredContent` (hundreds of thousands of small objects) costs several times its
/// size as a tree of ``JSONValue``s; kept as bytes it costs its size once. It is parsed when
/// something needs its members (``JSONObject/members``); printing, searching and laying it out
/// work on the bytes (``RawJSONWriter``, ``RawJSONPrettyCursor``).
///
/// A class, so a ``JSONObject`` that may hold one stays two words and ``JSONValue`` keeps its
/// size.
public final class RawJSON: Sendable {
  /// The buffer the object lies in (usually the whole frame).
  public let storage: [UInt8]
  /// Where the object lies in ``storage``: from its `{` to its `}`.
  public let range: Range<Int>
  /// How many members the object has at its top level.
  public let memberCount: Int
  /// Whether any string inside uses a backslash escape.
  public let hasEscapes: Bool

  /// Wraps bytes already checked to be one JSON object (by ``DeferringJSONParser``).
  init(storage: [UInt8], range: Range<Int>, memberCount: Int, hasEscapes: Bool) {
    self.storage = storage
    self.range = range
    self.memberCount = memberCount
    self.hasEscapes = hasEscapes
  }

  /// Checks that `bytes` are exactly one JSON object (whitespace around it allowed) and wraps
  /// them; nil when they are not.
  public convenience init?(validating bytes: [UInt8]) {
    let found: (Range<Int>, Int, Bool)? = bytes.withUnsafeBufferPointer { buffer in
      var scanner = JSONScanner(buffer)
      scanner.skipWhitespace()
      let start = scanner.index
      guard scanner.index < buffer.count, buffer[scanner.index] == UInt8(ascii: "{"),
        let members = scanner.skipObject()
      else { return nil }
      let end = scanner.index
      scanner.skipWhitespace()
      guard scanner.index == buffer.count else { return nil }
      return (start..<end, members, scanner.sawEscape)
    }
    guard let found else { return nil }
    self.init(storage: bytes, range: found.0, memberCount: found.1, hasEscapes: found.2)
  }

  /// The object's size in bytes, as sent.
  public var byteCount: Int { range.count }

  /// Calls `body` with the object's bytes.
  public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    try storage.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[range])) }
  }

  /// The object parsed into members. The bytes were checked when this was made, so this does
  /// not fail; should the parser still refuse them, the members are empty.
  public func parsedMembers() -> [JSONMember] {
    let value = try? JSONParser.parse(storage[range])
    return value?.objectValue?.members ?? []
  }
}

extension RawJSON: Hashable {
  /// Equal when the bytes are equal (two objects that differ only in spacing are equal as
  /// ``JSONObject``s, which compares members, but not as raw spans).
  public static func == (a: RawJSON, b: RawJSON) -> Bool {
    if a === b { return true }
    return a.withBytes { x in b.withBytes { y in x.elementsEqual(y) } }
  }

  /// Hashes the bytes.
  public func hash(into hasher: inout Hasher) {
    withBytes { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
  }
}
