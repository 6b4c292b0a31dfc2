/// A JSON number held exactly: a sign, its significant digits and a power of ten.
///
/// Comparisons, the integer test and `multipleOf` work on this form, so `1.0` is an integer,
/// `0.3` is a multiple of `0.1`, and 30-digit or `1e400` numbers never lose precision or trap.
struct DecimalNumber: Sendable, Hashable {
  /// Whether the number is below zero; never true for zero.
  var isNegative: Bool
  /// Significant digits (each 0...9) with no leading or trailing zeros; empty for zero.
  var digits: [UInt8]
  /// The value is the digits, read as an integer, times ten to this power.
  var exponent: Int

  /// The largest exponent kept; bigger ones are clamped, which only matters past 10^(10^12).
  private static let exponentLimit = 1_000_000_000_000

  /// Parses JSON number text (`-12.5e3`); nil if it is not a number.
  init?(_ text: String) {
    var bytes = Array(text.utf8)[...]
    var negative = false
    if bytes.first == UInt8(ascii: "-") {
      negative = true
      bytes = bytes.dropFirst()
    } else if bytes.first == UInt8(ascii: "+") {
      bytes = bytes.dropFirst()
    }
    var mantissa: [UInt8] = []
    var scale = 0
    var sawDigit = false
    var sawPoint = false
    while let b = bytes.first {
      if b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") {
        sawDigit = true
        if !(mantissa.isEmpty && b == UInt8(ascii: "0")) { mantissa.append(b - UInt8(ascii: "0")) }
        if sawPoint { scale -= 1 }
      } else if b == UInt8(ascii: "."), !sawPoint {
        sawPoint = true
      } else {
        break
      }
      bytes = bytes.dropFirst()
    }
    guard sawDigit else { return nil }
    var power = 0
    if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
      bytes = bytes.dropFirst()
      var exponentNegative = false
      if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") {
        exponentNegative = bytes.first == UInt8(ascii: "-")
        bytes = bytes.dropFirst()
      }
      guard !bytes.isEmpty else { return nil }
      while let b = bytes.first, b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") {
        if power < Self.exponentLimit { power = power * 10 + Int(b - UInt8(ascii: "0")) }
        bytes = bytes.dropFirst()
      }
      if exponentNegative { power = -power }
    }
    guard bytes.isEmpty else { return nil }
    // Leading zeros of the integer part were skipped above; those after the point were kept.
    while mantissa.first == 0 { mantissa.removeFirst() }
    while mantissa.last == 0 {
      mantissa.removeLast()
      scale += 1
    }
    if mantissa.isEmpty {
      self.init(isNegative: false, digits: [], exponent: 0)
    } else {
      self.init(isNegative: negative, digits: mantissa, exponent: scale + power)
    }
  }

  /// Makes a number from its parts, which must already be in canonical form.
  init(isNegative: Bool, digits: [UInt8], exponent: Int) {
    self.isNegative = isNegative
    self.digits = digits
    self.exponent = exponent
  }

  /// Whether the number is zero.
  var isZero: Bool { digits.isEmpty }

  /// Whether the number has no fractional part (`1.0` and `1e3` do; `1.5` does not).
  var isInteger: Bool { digits.isEmpty || exponent >= 0 }

  /// The integer value, clamped to `Int`'s range; only meaningful when ``isInteger``.
  var clampedInt: Int {
    if isZero { return 0 }
    guard digits.count + exponent <= 18 else { return isNegative ? Int.min : Int.max }
    var value = 0
    for d in digits { value = value * 10 + Int(d) }
    for _ in 0..<max(exponent, 0) { value *= 10 }
    return isNegative ? -value : value
  }

  /// -1, 0 or 1 as `self` is below, equal to or above `other`.
  func compare(to other: DecimalNumber) -> Int {
    let mySign = isZero ? 0 : (isNegative ? -1 : 1)
    let otherSign = other.isZero ? 0 : (other.isNegative ? -1 : 1)
    if mySign != otherSign { return mySign < otherSign ? -1 : 1 }
    if mySign == 0 { return 0 }
    let magnitude = compareMagnitude(to: other)
    return isNegative ? -magnitude : magnitude
  }

  /// Compares absolute values of two non-zero numbers.
  private func compareMagnitude(to other: DecimalNumber) -> Int {
    // The position of the leading digit decides unless it is the same.
    let myLead = digits.count + exponent
    let otherLead = other.digits.count + other.exponent
    if myLead != otherLead { return myLead < otherLead ? -1 : 1 }
    for (a, b) in zip(digits, other.digits) where a != b {
      return a < b ? -1 : 1
    }
    if digits.count == other.digits.count { return 0 }
    // Same prefix: the one with more (non-zero trailing) digits is larger.
    return digits.count < other.digits.count ? -1 : 1
  }

  /// Whether `self` divided by `divisor` is an integer; `divisor` must be above zero.
  func isMultiple(of divisor: DecimalNumber) -> Bool {
    if isZero { return true }
    if divisor.isZero { return false }
    let shift = exponent - divisor.exponent
    // Canonical digits have no trailing zero, so a negative shift can never divide evenly.
    if shift < 0 { return false }
    guard divisor.digits.count <= 18 else { return isMultipleByDouble(of: divisor) }
    var modulus: UInt64 = 0
    for d in divisor.digits { modulus = modulus * 10 + UInt64(d) }
    if modulus == 1 { return true }
    var remainder: UInt64 = 0
    for d in digits { remainder = (remainder * 10 + UInt64(d)) % modulus }
    let tenPower = Self.power(10, shift, modulo: modulus)
    return Self.multiply(remainder, tenPower, modulo: modulus) == 0
  }

  /// A fallback for divisors with more than 18 significant digits.
  private func isMultipleByDouble(of divisor: DecimalNumber) -> Bool {
    guard let a = Double(text), let b = Double(divisor.text), b != 0 else { return false }
    let quotient = a / b
    guard quotient.isFinite else { return false }
    return quotient.rounded() == quotient
  }

  private static func multiply(_ a: UInt64, _ b: UInt64, modulo m: UInt64) -> UInt64 {
    let product = a.multipliedFullWidth(by: b)
    return m.dividingFullWidth((high: product.high, low: product.low)).remainder
  }

  private static func power(_ base: UInt64, _ exponent: Int, modulo m: UInt64) -> UInt64 {
    var result: UInt64 = 1 % m
    var base = base % m
    var e = exponent
    while e > 0 {
      if e & 1 == 1 { result = multiply(result, base, modulo: m) }
      base = multiply(base, base, modulo: m)
      e >>= 1
    }
    return result
  }

  /// Scientific text such as `-1.25e3`, for the Double fallback.
  var text: String {
    if isZero { return "0" }
    let body = String(decoding: digits.map { $0 + UInt8(ascii: "0") }, as: UTF8.self)
    return (isNegative ? "-" : "") + body + "e" + String(exponent)
  }
}
