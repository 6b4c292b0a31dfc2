/// A class escape: `\d`, `\w`, `\s`, `\p{…}` and their negations, with ECMA-262 meanings
/// (`\d` and `\w` are ASCII only; `\s` includes Unicode spaces and line terminators).
enum RegexClassEscape: Sendable {
  /// `\d` (`\D` when negated).
  case digit(negated: Bool)
  /// `\w` (`\W` when negated).
  case word(negated: Bool)
  /// `\s` (`\S` when negated).
  case space(negated: Bool)
  /// `\p{…}` (`\P{…}` when negated).
  case property(RegexUnicodeProperty, negated: Bool)

  /// Whether `scalar` matches the escape.
  func matches(_ scalar: UInt32) -> Bool {
    switch self {
    case .digit(let negated): Self.isDigit(scalar) != negated
    case .word(let negated): Self.isWord(scalar) != negated
    case .space(let negated): Self.isSpace(scalar) != negated
    case .property(let property, let negated): property.matches(scalar) != negated
    }
  }

  /// ASCII `0`–`9`.
  static func isDigit(_ scalar: UInt32) -> Bool { scalar >= 0x30 && scalar <= 0x39 }

  /// ASCII letters, digits and `_`.
  static func isWord(_ scalar: UInt32) -> Bool {
    isDigit(scalar) || (scalar >= 0x41 && scalar <= 0x5A) || (scalar >= 0x61 && scalar <= 0x7A)
      || scalar == 0x5F
  }

  /// ECMA-262 WhiteSpace and LineTerminator.
  static func isSpace(_ scalar: UInt32) -> Bool {
    switch scalar {
    case 0x09...0x0D, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000,
      0xFEFF:
      true
    default:
      false
    }
  }

  /// ECMA-262 LineTerminator, which `.` does not match.
  static func isLineTerminator(_ scalar: UInt32) -> Bool {
    scalar == 0x0A || scalar == 0x0D || scalar == 0x2028 || scalar == 0x2029
  }
}
