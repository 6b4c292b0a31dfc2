/// HTTP header fields in the order they were given, looked up without regard to case.
struct HTTPHeaders: Sendable, ExpressibleByDictionaryLiteral {
  /// The fields as (name, value) pairs, in order, duplicates included.
  var fields: [(name: String, value: String)]

  /// Makes headers from (name, value) pairs.
  init(_ fields: [(name: String, value: String)] = []) {
    self.fields = fields
  }

  /// Makes headers from a literal, in the literal's order.
  init(dictionaryLiteral elements: (String, String)...) {
    self.fields = elements.map { (name: $0.0, value: $0.1) }
  }

  /// The value of the first field called `name` (any case), or nil.
  subscript(name: String) -> String? {
    let wanted = name.lowercased()
    return fields.first { Self.named($0.name, wanted) }?.value
  }

  /// Every value of the fields called `name` (any case), in order.
  func values(_ name: String) -> [String] {
    let wanted = name.lowercased()
    return fields.filter { Self.named($0.name, wanted) }.map(\.value)
  }

  /// Whether `name` lowercased is `wanted` (already lowercased). Every lookup asks this of
  /// every field, so an ASCII name (all real ones) is compared byte by byte without making a
  /// lowercased copy; any other name takes the general path.
  static func named(_ name: String, _ wanted: String) -> Bool {
    let answer = name.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
      wanted.utf8.withContiguousStorageIfAvailable { other -> Bool? in
        // Not ASCII: lowercasing may change the length, so the general path answers.
        for byte in bytes where byte >= 0x80 { return nil }
        guard bytes.count == other.count else { return false }
        for index in 0..<bytes.count {
          let byte = bytes[index]
          let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 0x20 : byte
          if lower != other[index] { return false }
        }
        return true
      } ?? nil
    }
    if let answer, let answer { return answer }
    return name.lowercased() == wanted
  }

  /// The comma-separated elements of every field called `name`, trimmed and lowercased, with
  /// parameters (after `;`) dropped: `Accept: application/json;q=1, TEXT/event-stream` gives
  /// `["application/json", "text/event-stream"]`.
  func tokens(_ name: String) -> [String] {
    values(name).flatMap { $0.split(separator: ",") }.compactMap { element in
      let bare = element.split(separator: ";", maxSplits: 1).first ?? ""
      let token = Self.trimmed(bare).lowercased()
      return token.isEmpty ? nil : token
    }
  }

  /// Adds a field at the end.
  mutating func add(_ name: String, _ value: String) {
    fields.append((name, value))
  }

  /// `text` without leading and trailing spaces and tabs.
  static func trimmed(_ text: Substring) -> String {
    let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    guard let first = text.firstIndex(where: { !isBlank($0) }),
      let last = text.lastIndex(where: { !isBlank($0) })
    else { return "" }
    return String(text[first...last])
  }
}
