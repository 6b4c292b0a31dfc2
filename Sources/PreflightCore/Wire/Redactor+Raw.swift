import PreflightJSON

extension Redactor {
  /// Whether redacting the unparsed object `raw` could change it, found from its bytes: a member
  /// named like a secret (when `names`), or one of the user's secrets anywhere in it. Strings
  /// with escapes could spell a secret in other bytes, so with secrets they count too. When this
  /// says yes, the object is parsed and redacted like any other value.
  func mightRedact(_ raw: RawJSON, names: Bool) -> Bool {
    if !secrets.isEmpty {
      if raw.hasEscapes { return true }
      let found = raw.withBytes { bytes in
        secrets.contains { Self.occurs(Array($0.utf8), in: bytes) }
      }
      if found { return true }
    }
    return names && Self.hasSecretName(raw)
  }

  private static func occurs(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = haystack.baseAddress else { return false }
    return find(needle, in: UnsafeRawPointer(base), from: 0, count: haystack.count) != nil
  }

  /// Whether any member name in `raw` is named like a secret (each distinct name is checked
  /// once).
  private static func hasSecretName(_ raw: RawJSON) -> Bool {
    raw.withBytes { b -> Bool in
      var checked: [String: Bool] = [:]
      var i = 0
      let n = b.count
      while i < n {
        guard b[i] == UInt8(ascii: "\"") else {
          i += 1
          continue
        }
        var end = i + 1
        var escaped = false
        while end < n && b[end] != UInt8(ascii: "\"") {
          if b[end] == UInt8(ascii: "\\") {
            escaped = true
            end += 1
          }
          end += 1
        }
        end += 1
        var j = end
        while j < n, b[j] == 0x20 || b[j] == 0x09 || b[j] == 0x0A || b[j] == 0x0D { j += 1 }
        if j < n && b[j] == UInt8(ascii: ":") {
          let slice = UnsafeBufferPointer(rebasing: b[i..<end])
          let key =
            escaped
            ? (try? JSONParser.parse(slice))?.stringValue ?? ""
            : String(decoding: UnsafeBufferPointer(rebasing: b[(i + 1)..<(end - 1)]), as: UTF8.self)
          if let known = checked[key] {
            if known { return true }
          } else {
            let secret = isSecretName(key)
            if secret { return true }
            if checked.count < 4096 { checked[key] = false }
          }
        }
        i = end
      }
      return false
    }
  }
}
