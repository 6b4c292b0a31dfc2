import Glibc
import PreflightJSON

/// Replaces secrets before anything is recorded: values of keys named like secrets, and every
/// value the user supplied as a secret, wherever it appears inside a string.
public struct Redactor: Sendable {
  /// What a secret is replaced with.
  public static let mask = "[REDACTED]"

  /// Secret values supplied by the user (tokens, `--env` values named like secrets).
  public private(set) var secrets: [String]

  /// Makes a redactor; secrets shorter than 4 characters are ignored (they would mask too much).
  public init(secrets: [String] = []) {
    self.secrets = secrets.filter { $0.count >= 4 }.sorted { $0.count > $1.count }
  }

  /// Adds a secret value.
  public mutating func add(secret: String) {
    guard secret.count >= 4, !secrets.contains(secret) else { return }
    secrets.append(secret)
    secrets.sort { $0.count > $1.count }
  }

  /// Whether a header, key or variable name looks like it holds a secret
  /// (`Authorization`, `Cookie`, `api_key`, `client_secret`, `GITHUB_TOKEN`, `password`…).
  /// `progressToken` and counts like `maxTokens` are not secrets.
  public static func isSecretName(_ name: String) -> Bool {
    if let answer = isSecretASCIIName(name) { return answer }
    let n = String(name.lowercased().filter { $0 != "_" && $0 != "-" && $0 != "." })
    if n == "progresstoken" { return false }
    return secretSuffixes.contains { n.hasSuffix($0) } || n == "auth" || n == "setcookie"
  }

  /// The endings that make a name (lowercased, `_`, `-` and `.` left out) a secret's.
  private static let secretSuffixes = [
    "token", "secret", "password", "passwd", "apikey", "authorization", "cookie", "privatekey",
    "credential", "credentials", "accesskey", "sessionkey", "signature",
  ]

  /// A word of ``isSecretName(_:)`` packed for comparison with a name's last letters: up to 16
  /// bytes, the last one in the lowest byte of `low`.
  private struct PackedWord: Sendable {
    var low: UInt64 = 0
    var high: UInt64 = 0
    var lowMask: UInt64 = 0
    var highMask: UInt64 = 0
    var count: Int

    init(_ word: String) {
      let bytes = Array(word.utf8)
      count = bytes.count
      for (k, byte) in bytes.reversed().enumerated() {
        if k < 8 {
          low |= UInt64(byte) << (8 * k)
          lowMask |= 0xFF << (8 * k)
        } else {
          high |= UInt64(byte) << (8 * (k - 8))
          highMask |= 0xFF << (8 * (k - 8))
        }
      }
    }

    /// Whether letters packed the same way end with this word.
    func ends(_ low: UInt64, _ high: UInt64) -> Bool {
      low & lowMask == self.low && high & highMask == self.high
    }
  }

  /// The suffixes of ``isSecretName(_:)``, packed.
  private static let packedSuffixes = secretSuffixes.map(PackedWord.init)
  /// The whole names of ``isSecretName(_:)``, packed.
  private static let packedAuth = PackedWord("auth")
  private static let packedSetCookie = PackedWord("setcookie")
  private static let packedProgressToken = PackedWord("progresstoken")

  /// ``isSecretName(_:)`` for an ASCII name, without allocating: the name's last 16 letters
  /// (lowercased, `_`, `-` and `.` left out) are packed into two integers and compared with the
  /// packed words. Nil when the name is not ASCII (lowercasing may then change its length, so
  /// the general path answers). Every wire-log record asks this of every member name.
  private static func isSecretASCIIName(_ name: String) -> Bool? {
    let packed = name.utf8.withContiguousStorageIfAvailable {
      utf8 -> (low: UInt64, high: UInt64, total: Int)? in
      var low: UInt64 = 0
      var high: UInt64 = 0
      var total = 0
      var index = utf8.count
      while index > 0 {
        index -= 1
        var byte = utf8[index]
        if byte >= 0x80 { return nil }
        if byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") {
          continue
        }
        if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte += 0x20 }
        if total < 8 {
          low |= UInt64(byte) << (8 * total)
        } else if total < 16 {
          high |= UInt64(byte) << (8 * (total - 8))
        }
        total += 1
      }
      return (low, high, total)
    }
    guard let packed, let (low, high, total) = packed else { return nil }
    func equals(_ word: PackedWord) -> Bool { total == word.count && word.ends(low, high) }
    if equals(packedProgressToken) { return false }
    for word in packedSuffixes where word.ends(low, high) { return true }
    return equals(packedAuth) || equals(packedSetCookie)
  }

  /// Redacts a string: every known secret value inside it becomes the mask.
  ///
  /// The search is over UTF-8 bytes, not characters: Swift compares `Character`s, so a secret
  /// followed by a combining mark (`sk-abc` + U+0301) would not "contain" the secret, yet its
  /// bytes would be written out whole. UTF-8 is self-synchronizing, so a match of a whole valid
  /// string always starts and ends on scalar boundaries and the result stays valid UTF-8.
  public func redact(_ text: String) -> (String, Bool) {
    guard !secrets.isEmpty else { return (text, false) }
    var result = text
    var changed = false
    for secret in secrets {
      if let replaced = Self.replacing(secret, in: &result) {
        result = replaced
        changed = true
      }
    }
    return (result, changed)
  }

  /// The offset of the first occurrence of `needle` at or after `start`: `memchr` for its first
  /// byte, `memcmp` for the rest.
  static func find(
    _ needle: [UInt8], in base: UnsafeRawPointer, from start: Int, count: Int
  ) -> Int? {
    guard let first = needle.first else { return nil }
    var index = start
    while count - index >= needle.count {
      guard let found = memchr(base + index, Int32(first), count - index - needle.count + 1)
      else { return nil }
      let at = UnsafeRawPointer(found) - base
      let same = needle.withUnsafeBytes { memcmp(base + at, $0.baseAddress!, needle.count) == 0 }
      if same { return at }
      index = at + 1
    }
    return nil
  }

  /// `text` with every occurrence of `secret`'s bytes replaced by the mask, or nil when there is
  /// none (found with `memchr` and `memcmp`, so a 20 MB frame costs one pass per secret).
  private static func replacing(_ secret: String, in text: inout String) -> String? {
    text.makeContiguousUTF8()
    return text.utf8.withContiguousStorageIfAvailable { haystack -> String? in
      replacing(Array(secret.utf8), in: haystack).map { String(decoding: $0, as: UTF8.self) }
    } ?? nil
  }

  /// `haystack` with every occurrence of `needle` replaced by the mask's bytes, or nil when there
  /// is none.
  private static func replacing(
    _ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>
  ) -> [UInt8]? {
    guard let base = haystack.baseAddress, !needle.isEmpty, haystack.count >= needle.count
    else { return nil }
    let mask = Array(Redactor.mask.utf8)
    var out: [UInt8] = []
    var start = 0
    while let at = Self.find(needle, in: UnsafeRawPointer(base), from: start, count: haystack.count)
    {
      if out.isEmpty { out.reserveCapacity(haystack.count) }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: haystack[start..<at]))
      out.append(contentsOf: mask)
      start = at + needle.count
    }
    guard !out.isEmpty else { return nil }
    out.append(contentsOf: UnsafeBufferPointer(rebasing: haystack[start...]))
    return out
  }

  /// Replaces every secret's UTF-8 bytes in `bytes`, for frames that are not UTF-8 (kept as
  /// base64, which would otherwise carry a secret the server echoed inside invalid bytes).
  public func redact(bytes: [UInt8]) -> ([UInt8], Bool) {
    var result = bytes
    var changed = false
    for secret in secrets {
      let replaced = result.withUnsafeBufferPointer { Self.replacing(Array(secret.utf8), in: $0) }
      if let replaced {
        result = replaced
        changed = true
      }
    }
    return (result, changed)
  }

  /// Redacts a URL's query parameters named like secrets (`?api_key=…&token=…`) and its user
  /// info (`https://user:pass@host`), then any known secret value inside it.
  public func redactURL(_ url: String) -> (String, Bool) {
    var changed = false
    var text = url
    if let schemeEnd = text.firstRange(of: "://"),
      let at = text[schemeEnd.upperBound...].firstIndex(of: "@"),
      !text[schemeEnd.upperBound..<at].contains("/")
    {
      text.replaceSubrange(schemeEnd.upperBound..<at, with: Redactor.mask)
      changed = true
    }
    if let q = text.firstIndex(of: "?") {
      let head = text[...q]
      var query = String(text[text.index(after: q)...])
      var fragment = ""
      if let hash = query.firstIndex(of: "#") {
        fragment = String(query[hash...])
        query = String(query[..<hash])
      }
      let parts = query.split(separator: "&", omittingEmptySubsequences: false).map {
        pair -> String in
        guard let eq = pair.firstIndex(of: "=") else { return String(pair) }
        let name = String(pair[..<eq])
        guard Redactor.isSecretName(name) || name.lowercased() == "key" else { return String(pair) }
        changed = true
        return name + "=" + Redactor.mask
      }
      text = head + parts.joined(separator: "&") + fragment
    }
    let (final, more) = redact(text)
    return (final, changed || more)
  }

  /// Redacts a JSON value: members named like secrets get the mask (strings and numbers only,
  /// so objects named `credentials` keep their shape), and secret values inside strings are
  /// masked. Returns nil when nothing changed, so callers keep the original without copying.
  public func redact(_ value: JSONValue) -> JSONValue? {
    switch value {
    case .string(let s):
      let (r, changed) = redact(s)
      return changed ? .string(r) : nil
    case .array(let items):
      var copy: [JSONValue]?
      for (i, item) in items.enumerated() {
        if let r = redact(item) {
          if copy == nil { copy = items }
          copy![i] = r
        }
      }
      return copy.map { .array($0) }
    case .object(let o):
      if let raw = o.raw {
        // An unparsed large object: parsed only when its bytes show something to redact.
        guard mightRedact(raw, names: true) else { return nil }
        return redact(.object(JSONObject(o.members)))
      }
      var copy: JSONObject?
      for (i, m) in o.members.enumerated() {
        var replacement: JSONValue?
        if Redactor.isSecretName(m.key) {
          switch m.value {
          case .string(let s) where s != Redactor.mask: replacement = .string(Redactor.mask)
          case .number: replacement = .string(Redactor.mask)
          default: replacement = redact(m.value)
          }
        } else {
          replacement = redact(m.value)
        }
        if let replacement {
          if copy == nil { copy = o }
          copy!.members[i].value = replacement
        }
      }
      return copy.map { .object($0) }
    default:
      return nil
    }
  }
}
