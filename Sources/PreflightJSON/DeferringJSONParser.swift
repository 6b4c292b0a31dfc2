/// Parses a frame like ``JSONParser`` but leaves one large object inside it as bytes: the
/// object at `path` (a member name per level, from the top) becomes a ``JSONObject`` backed by
/// ``RawJSON`` when it is at least `threshold` bytes, so a 50 MB `structuredContent` costs its
/// bytes, not a tree of values.
///
/// The whole frame is still checked: anything ``JSONParser`` rejects is rejected with the same
/// error (the frame is then handed to the parser itself). Nothing is deferred when a name on the
/// path repeats (the parser's last-one-wins lookup stays the only meaning) or the value there is
/// not an object.
public enum DeferringJSONParser {
  /// Parses `bytes`, deferring the object at `path` when it is `threshold` bytes or more.
  public static func parse(
    _ bytes: [UInt8], deferring path: [String], above threshold: Int
  ) throws(JSONParseError) -> JSONValue {
    guard bytes.count >= threshold, !path.isEmpty,
      let found = locate(path.map { Array($0.utf8) }, in: bytes),
      found.range.count >= threshold
    else { return try JSONParser.parse(bytes) }
    var envelope: [UInt8] = []
    envelope.reserveCapacity(bytes.count - found.range.count + 2)
    envelope.append(contentsOf: bytes[..<found.range.lowerBound])
    envelope.append(contentsOf: [UInt8(ascii: "{"), UInt8(ascii: "}")])
    envelope.append(contentsOf: bytes[found.range.upperBound...])
    guard let shell = try? JSONParser.parse(envelope) else { return try JSONParser.parse(bytes) }
    let raw = RawJSON(
      storage: bytes, range: found.range, memberCount: found.members,
      hasEscapes: found.escapes)
    guard let patched = replace(in: shell, at: path[...], with: .object(JSONObject(deferred: raw)))
    else { return try JSONParser.parse(bytes) }
    return patched
  }

  private static func replace(
    in value: JSONValue, at path: ArraySlice<String>, with new: JSONValue
  ) -> JSONValue? {
    guard let key = path.first, case .object(var object) = value else { return nil }
    if path.count == 1 {
      object[key] = new
    } else {
      guard let inner = object[key],
        let replaced = replace(in: inner, at: path.dropFirst(), with: new)
      else { return nil }
      object[key] = replaced
    }
    return .object(object)
  }

  private struct Found {
    var range: Range<Int>
    var members: Int
    var escapes: Bool
  }

  /// Checks the whole of `bytes` and finds the object at `path`; nil when the bytes are not
  /// valid JSON or the path does not lead to exactly one object.
  private static func locate(_ path: [[UInt8]], in bytes: [UInt8]) -> Found? {
    bytes.withUnsafeBufferPointer { buffer -> Found? in
      var scanner = JSONScanner(buffer)
      scanner.skipWhitespace()
      var found: Found?
      var ambiguous = false
      guard
        walk(&scanner, path: path[...], found: &found, ambiguous: &ambiguous),
        !ambiguous
      else { return nil }
      scanner.skipWhitespace()
      guard scanner.index == buffer.count else { return nil }
      return found
    }
  }

  /// Passes one value; when it is an object and `path` is not empty, looks for the member named
  /// `path.first` inside it (exactly once) and goes on down. Returns false on invalid JSON.
  private static func walk(
    _ scanner: inout JSONScanner, path: ArraySlice<[UInt8]>, found: inout Found?,
    ambiguous: inout Bool
  ) -> Bool {
    let bytes = scanner.bytes
    guard let name = path.first, scanner.index < bytes.count,
      bytes[scanner.index] == UInt8(ascii: "{")
    else { return scanner.skipValue() }
    scanner.depth += 1
    guard scanner.depth <= JSONParser.maximumDepth else { return false }
    scanner.index += 1
    scanner.skipWhitespace()
    if scanner.index < bytes.count && bytes[scanner.index] == UInt8(ascii: "}") {
      scanner.index += 1
      scanner.depth -= 1
      return true
    }
    var matches = 0
    while true {
      scanner.skipWhitespace()
      guard scanner.index < bytes.count, bytes[scanner.index] == UInt8(ascii: "\"") else {
        return false
      }
      let keyStart = scanner.index
      guard scanner.skipString() else { return false }
      let matched = keyMatches(UnsafeBufferPointer(rebasing: bytes[keyStart..<scanner.index]), name)
      scanner.skipWhitespace()
      guard scanner.index < bytes.count, bytes[scanner.index] == UInt8(ascii: ":") else {
        return false
      }
      scanner.index += 1
      scanner.skipWhitespace()
      if matched {
        matches += 1
        if path.count == 1 {
          let start = scanner.index
          if bytes[start] == UInt8(ascii: "{") {
            let escapedBefore = scanner.sawEscape
            scanner.sawEscape = false
            guard let members = scanner.skipObject() else { return false }
            found = Found(
              range: start..<scanner.index, members: members, escapes: scanner.sawEscape)
            scanner.sawEscape = scanner.sawEscape || escapedBefore
          } else {
            guard scanner.skipValue() else { return false }
          }
        } else {
          guard walk(&scanner, path: path.dropFirst(), found: &found, ambiguous: &ambiguous)
          else { return false }
        }
      } else {
        guard scanner.skipValue() else { return false }
      }
      scanner.skipWhitespace()
      guard scanner.index < bytes.count else { return false }
      if bytes[scanner.index] == UInt8(ascii: ",") {
        scanner.index += 1
        continue
      }
      guard bytes[scanner.index] == UInt8(ascii: "}") else { return false }
      scanner.index += 1
      scanner.depth -= 1
      if matches > 1 { ambiguous = true }
      return true
    }
  }

  /// Whether the quoted key `raw` (quotes included) decodes to `name`.
  private static func keyMatches(_ raw: UnsafeBufferPointer<UInt8>, _ name: [UInt8]) -> Bool {
    let inner = UnsafeBufferPointer(rebasing: raw[1..<(raw.count - 1)])
    guard inner.contains(UInt8(ascii: "\\")) else { return inner.elementsEqual(name) }
    guard let key = (try? JSONParser.parse(raw))?.stringValue else { return false }
    return key.utf8.elementsEqual(name)
  }
}
