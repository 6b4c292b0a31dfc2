/// Checks for the string formats the input schemas declare (`date`, a time of day, `email`).
enum DemoFormat {
  /// Whether `s` is a calendar date `YYYY-MM-DD` that exists (leap years included).
  static func isDate(_ s: String) -> Bool {
    let parts = s.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy(isDigits),
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      (1...12).contains(month)
    else { return false }
    return (1...daysIn(month: month, year: year)).contains(day)
  }

  /// Whether `s` is a 24-hour time of day `HH:MM`.
  static func isTime(_ s: String) -> Bool {
    let parts = s.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && isDigits($0) }),
      let hour = Int(parts[0]), let minute = Int(parts[1])
    else { return false }
    return (0...23).contains(hour) && (0...59).contains(minute)
  }

  /// Whether `s` looks like an email address: one `@`, a local part, and a dotted domain.
  static func isEmail(_ s: String) -> Bool {
    let parts = s.split(separator: "@", omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty, !s.contains(where: \.isWhitespace) else {
      return false
    }
    let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
    return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
  }

  /// Whether every character is an ASCII digit.
  private static func isDigits(_ s: Substring) -> Bool {
    s.allSatisfy { $0.isASCII && $0.isNumber }
  }

  /// The number of days in a month of a year.
  private static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2:
      let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
      return leap ? 29 : 28
    case 4, 6, 9, 11:
      return 30
    default:
      return 31
    }
  }
}
