/// The `format` values Preflight checks, how each is checked, and how messages name them.
///
/// Checks follow the RFCs JSON Schema 2020-12 cites (RFC 3339 dates and times, RFC 3986 URIs,
/// RFC 4122 UUIDs, RFC 2673/4291 addresses), loosely where real servers are loose: e-mail
/// addresses need a non-empty local part and a plausible domain, not full RFC 5321 syntax, and
/// `time` and `date-time` may leave out the UTC offset (Python's `isoformat()` does, and Pydantic
/// servers accept such values), though seconds are required. Unknown formats (`binary`,
/// `int32`, `password` …) are not checked.
enum SchemaFormat {
  /// Whether `text` is a valid `format`; nil when the format is not one Preflight checks.
  static func check(_ format: String, _ text: String) -> Bool? {
    let bytes = Array(text.utf8)
    switch format {
    case "date": return isDate(bytes[...])
    case "time": return isTime(bytes[...])
    case "date-time": return isDateTime(bytes)
    case "duration": return isDuration(bytes)
    case "email": return isEmail(bytes, international: false)
    case "idn-email": return isEmail(bytes, international: true)
    case "hostname": return isHostname(bytes[...], international: false)
    case "idn-hostname": return isHostname(bytes[...], international: true)
    case "ipv4": return isIPv4(bytes[...])
    case "ipv6": return isIPv6(bytes[...])
    case "uri": return isURI(bytes, absolute: true, international: false)
    case "uri-reference": return isURI(bytes, absolute: false, international: false)
    case "iri": return isURI(bytes, absolute: true, international: true)
    case "iri-reference": return isURI(bytes, absolute: false, international: true)
    case "uuid": return isUUID(bytes)
    case "json-pointer": return isJSONPointer(bytes)
    case "regex": return (try? ECMARegex(text)) != nil
    default: return nil
    }
  }

  /// What a valid value looks like, for "x must be …" messages.
  static func phrase(_ format: String) -> String? {
    switch format {
    case "date": "a date (YYYY-MM-DD)"
    case "time": "a time (HH:MM:SS, such as 09:30:00 or 09:30:00+01:00)"
    case "date-time": "a date and time (such as 2025-01-31T09:30:00Z)"
    case "duration": "an ISO 8601 duration (such as P3D or PT1H30M)"
    case "email", "idn-email": "an email address"
    case "hostname", "idn-hostname": "a host name"
    case "ipv4": "an IPv4 address"
    case "ipv6": "an IPv6 address"
    case "uri", "iri": "an absolute URI (such as https://example.com/)"
    case "uri-reference", "iri-reference": "a URI reference"
    case "uuid": "a UUID (8-4-4-4-12 hex digits)"
    case "json-pointer": "a JSON Pointer (such as /a/b)"
    case "regex": "a regular expression"
    default: nil
    }
  }

  // MARK: Dates and times (RFC 3339)

  private static func digits(_ bytes: ArraySlice<UInt8>, _ start: Int, _ count: Int) -> Int? {
    guard start >= bytes.startIndex, start + count <= bytes.endIndex else { return nil }
    var value = 0
    for b in bytes[start..<(start + count)] {
      guard b >= 0x30 && b <= 0x39 else { return nil }
      value = value * 10 + Int(b - 0x30)
    }
    return value
  }

  private static func isDate(_ bytes: ArraySlice<UInt8>) -> Bool {
    let s = bytes.startIndex
    guard bytes.count == 10, bytes[s + 4] == 0x2D, bytes[s + 7] == 0x2D,
      let year = digits(bytes, s, 4), let month = digits(bytes, s + 5, 2),
      let day = digits(bytes, s + 8, 2), (1...12).contains(month)
    else { return false }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return day >= 1 && day <= lengths[month - 1]
  }

  private static func isTime(_ bytes: ArraySlice<UInt8>) -> Bool {
    let s = bytes.startIndex
    guard bytes.count >= 8, bytes[s + 2] == 0x3A, bytes[s + 5] == 0x3A,
      let hour = digits(bytes, s, 2), let minute = digits(bytes, s + 3, 2),
      let second = digits(bytes, s + 6, 2), hour <= 23, minute <= 59, second <= 60
    else { return false }
    var i = s + 8
    if i < bytes.endIndex, bytes[i] == 0x2E {
      i += 1
      let fractionStart = i
      while i < bytes.endIndex, bytes[i] >= 0x30 && bytes[i] <= 0x39 { i += 1 }
      guard i > fractionStart else { return false }
    }
    // A missing offset is accepted (see the type's documentation); it counts as UTC.
    var offsetMinutes = 0
    guard i < bytes.endIndex else { return second < 60 || (hour == 23 && minute == 59) }
    switch bytes[i] {
    case UInt8(ascii: "Z"), UInt8(ascii: "z"):
      guard i + 1 == bytes.endIndex else { return false }
    case UInt8(ascii: "+"), UInt8(ascii: "-"):
      guard i + 6 == bytes.endIndex, bytes[i + 3] == 0x3A, let h = digits(bytes, i + 1, 2),
        let m = digits(bytes, i + 4, 2), h <= 23, m <= 59
      else { return false }
      offsetMinutes = (h * 60 + m) * (bytes[i] == UInt8(ascii: "+") ? 1 : -1)
    default:
      return false
    }
    if second == 60 {
      // A leap second happens only at 23:59:60 UTC.
      let utc = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440
      return utc == 23 * 60 + 59
    }
    return true
  }

  private static func isDateTime(_ bytes: [UInt8]) -> Bool {
    guard bytes.count > 11, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t")
    else { return false }
    return isDate(bytes[0..<10]) && isTime(bytes[11...])
  }

  /// RFC 3339 appendix A: `P` then date units (Y, M, D in order) and/or `T` and time units
  /// (H, M, S in order), or weeks alone.
  private static func isDuration(_ bytes: [UInt8]) -> Bool {
    guard bytes.first == UInt8(ascii: "P"), bytes.count > 1 else { return false }
    var i = 1
    var units: [UInt8] = Array("YMD".utf8)
    var inTime = false
    var sawAny = false
    var sawTimeUnit = false
    var sawWeek = false
    while i < bytes.count {
      if bytes[i] == UInt8(ascii: "T") {
        guard !inTime, !sawWeek else { return false }
        inTime = true
        units = Array("HMS".utf8)
        i += 1
        continue
      }
      let start = i
      while i < bytes.count, bytes[i] >= 0x30 && bytes[i] <= 0x39 { i += 1 }
      guard i > start, i < bytes.count else { return false }
      let unit = bytes[i]
      i += 1
      if unit == UInt8(ascii: "W") {
        guard !inTime, !sawAny else { return false }
        sawWeek = true
      } else {
        guard !sawWeek, let position = units.firstIndex(of: unit) else { return false }
        units.removeFirst(position + 1)
      }
      sawAny = true
      if inTime { sawTimeUnit = true }
    }
    return sawAny && (!inTime || sawTimeUnit)
  }

  // MARK: Names and addresses

  private static func isEmail(_ bytes: [UInt8], international: Bool) -> Bool {
    guard let at = bytes.lastIndex(of: UInt8(ascii: "@")) else { return false }
    let local = bytes[..<at]
    let domain = bytes[(at + 1)...]
    guard !local.isEmpty, local.count <= 64, !domain.isEmpty else { return false }
    if local.first == 0x22 {
      guard local.count >= 2, local.last == 0x22 else { return false }
    } else {
      guard local.first != 0x2E, local.last != 0x2E else { return false }
      var previous: UInt8 = 0
      for b in local {
        if b == 0x2E && previous == 0x2E { return false }
        if b >= 0x80 {
          guard international else { return false }
        } else {
          guard b > 0x20, b != 0x7F, !Array("()<>[]:;@\\,\"".utf8).contains(b) else {
            return false
          }
        }
        previous = b
      }
    }
    if domain.first == UInt8(ascii: "["), domain.last == UInt8(ascii: "]") {
      let literal = domain.dropFirst().dropLast()
      let prefix = Array("IPv6:".utf8)
      if literal.starts(with: prefix) { return isIPv6(literal.dropFirst(prefix.count)) }
      return isIPv4(literal)
    }
    return isHostname(domain, international: international)
  }

  private static func isHostname(_ bytes: ArraySlice<UInt8>, international: Bool) -> Bool {
    guard !bytes.isEmpty, bytes.count <= 253 || international else { return false }
    for label in bytes.split(separator: 0x2E, omittingEmptySubsequences: false) {
      guard !label.isEmpty, label.count <= 63 || international, label.first != 0x2D,
        label.last != 0x2D
      else { return false }
      for b in label {
        let ok =
          (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
          || b == 0x2D || (international && b >= 0x80)
        guard ok else { return false }
      }
    }
    return true
  }

  private static func isIPv4(_ bytes: ArraySlice<UInt8>) -> Bool {
    let parts = bytes.split(separator: 0x2E, omittingEmptySubsequences: false)
    guard parts.count == 4 else { return false }
    for part in parts {
      guard (1...3).contains(part.count), part.first != 0x30 || part.count == 1,
        let value = digits(part, part.startIndex, part.count), value <= 255
      else { return false }
    }
    return true
  }

  private static func isIPv6(_ bytes: ArraySlice<UInt8>) -> Bool {
    guard bytes.count >= 2 else { return false }
    let text = Array(bytes)
    var halves: [[UInt8]] = []
    if let gap = findDoubleColon(text) {
      halves = [Array(text[..<gap]), Array(text[(gap + 2)...])]
      if findDoubleColon(halves[1]) != nil { return false }
    } else {
      halves = [text]
    }
    var groups = 0
    for (h, half) in halves.enumerated() where !half.isEmpty {
      let parts = half.split(separator: 0x3A, omittingEmptySubsequences: false)
      for (p, part) in parts.enumerated() {
        let isLast = h == halves.count - 1 && p == parts.count - 1
        if isLast, part.contains(0x2E) {
          guard isIPv4(part) else { return false }
          groups += 2
          continue
        }
        guard (1...4).contains(part.count), part.allSatisfy(isHexDigit) else { return false }
        groups += 1
      }
    }
    return halves.count == 2 ? groups <= 7 : groups == 8
  }

  private static func findDoubleColon(_ text: [UInt8]) -> Int? {
    guard text.count >= 2 else { return nil }
    for i in 0..<(text.count - 1) where text[i] == 0x3A && text[i + 1] == 0x3A { return i }
    return nil
  }

  private static func isHexDigit(_ b: UInt8) -> Bool {
    (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66)
  }

  // MARK: URIs, UUIDs, pointers

  /// RFC 3986 (RFC 3987 when `international`): only allowed characters, valid percent
  /// escapes, and for an absolute URI a scheme of a letter then letters, digits, `+`, `-`, `.`.
  private static func isURI(_ bytes: [UInt8], absolute: Bool, international: Bool) -> Bool {
    let allowed = Array("-._~:/?#[]@!$&'()*+,;=".utf8)
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      if b == 0x25 {
        guard i + 2 < bytes.count, isHexDigit(bytes[i + 1]), isHexDigit(bytes[i + 2]) else {
          return false
        }
        i += 3
        continue
      }
      let ok =
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
        || allowed.contains(b) || (international && b >= 0x80)
      guard ok else { return false }
      i += 1
    }
    let schemeEnd = bytes.firstIndex { $0 == 0x3A || $0 == 0x2F || $0 == 0x3F || $0 == 0x23 }
    let hasScheme = schemeEnd.map { bytes[$0] == 0x3A } ?? false
    if hasScheme, let end = schemeEnd {
      let scheme = bytes[..<end]
      guard let first = scheme.first,
        (first >= 0x41 && first <= 0x5A) || (first >= 0x61 && first <= 0x7A)
      else { return false }
      let schemeOK = scheme.allSatisfy { b in
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
          || b == 0x2B || b == 0x2D || b == 0x2E
      }
      guard schemeOK else { return false }
    }
    return hasScheme || !absolute
  }

  private static func isUUID(_ bytes: [UInt8]) -> Bool {
    guard bytes.count == 36 else { return false }
    for (i, b) in bytes.enumerated() {
      if [8, 13, 18, 23].contains(i) {
        guard b == 0x2D else { return false }
      } else {
        guard isHexDigit(b) else { return false }
      }
    }
    return true
  }

  private static func isJSONPointer(_ bytes: [UInt8]) -> Bool {
    guard let first = bytes.first else { return true }
    guard first == 0x2F else { return false }
    for (i, b) in bytes.enumerated() where b == 0x7E {
      guard i + 1 < bytes.count, bytes[i + 1] == 0x30 || bytes[i + 1] == 0x31 else { return false }
    }
    return true
  }
}
