/// A Unicode property for `\p{…}`: a general category (`L`, `Letter`, `gc=Lu`) or one of the
/// common binary properties (`Alphabetic`, `White_Space`, `ASCII`, `Any`, …). Scripts are not
/// supported: the Swift standard library does not expose them.
enum RegexUnicodeProperty: Sendable {
  /// Any of these general categories.
  case categories([Unicode.GeneralCategory])
  /// Every scalar.
  case any
  /// U+0000–U+007F.
  case ascii
  /// A binary property of the scalar.
  case binary(Binary)

  /// The binary properties understood.
  enum Binary: Sendable {
    case alphabetic
    case whiteSpace
    case uppercase
    case lowercase
    case hexDigit
    case asciiHexDigit
    case emoji
    case ideographic
    case math
    case dash
    case assigned
  }

  /// The property named in `\p{name}`; nil when it is not one Preflight knows.
  init?(name: String) {
    var key = name
    for prefix in ["General_Category=", "gc="] where key.hasPrefix(prefix) {
      key = String(key.dropFirst(prefix.count))
    }
    if let categories = Self.categoryNames[key] {
      self = .categories(categories)
      return
    }
    switch key {
    case "Any": self = .any
    case "ASCII": self = .ascii
    case "Alphabetic", "Alpha": self = .binary(.alphabetic)
    case "White_Space", "space": self = .binary(.whiteSpace)
    case "Uppercase", "Upper": self = .binary(.uppercase)
    case "Lowercase", "Lower": self = .binary(.lowercase)
    case "Hex_Digit", "Hex": self = .binary(.hexDigit)
    case "ASCII_Hex_Digit", "AHex": self = .binary(.asciiHexDigit)
    case "Emoji": self = .binary(.emoji)
    case "Ideographic", "Ideo": self = .binary(.ideographic)
    case "Math": self = .binary(.math)
    case "Dash": self = .binary(.dash)
    case "Assigned": self = .binary(.assigned)
    default: return nil
    }
  }

  /// Whether `scalar` has the property.
  func matches(_ scalar: UInt32) -> Bool {
    guard let s = Unicode.Scalar(scalar) else {
      // Surrogate code points never occur in a Swift string.
      if case .categories(let list) = self { return list.contains(.surrogate) }
      return false
    }
    switch self {
    case .any: return true
    case .ascii: return scalar < 0x80
    case .categories(let list): return list.contains(s.properties.generalCategory)
    case .binary(let binary):
      let p = s.properties
      switch binary {
      case .alphabetic: return p.isAlphabetic
      case .whiteSpace: return p.isWhitespace
      case .uppercase: return p.isUppercase
      case .lowercase: return p.isLowercase
      case .hexDigit: return p.isHexDigit
      case .asciiHexDigit: return p.isASCIIHexDigit
      case .emoji: return p.isEmoji
      case .ideographic: return p.isIdeographic
      case .math: return p.isMath
      case .dash: return p.isDash
      case .assigned: return p.generalCategory != .unassigned
      }
    }
  }

  /// General category names, short and long, with the categories each covers.
  private static var categoryNames: [String: [Unicode.GeneralCategory]] {
    let letters: [Unicode.GeneralCategory] = [
      .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
    ]
    let marks: [Unicode.GeneralCategory] = [.nonspacingMark, .spacingMark, .enclosingMark]
    let numbers: [Unicode.GeneralCategory] = [.decimalNumber, .letterNumber, .otherNumber]
    let punctuation: [Unicode.GeneralCategory] = [
      .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
      .initialPunctuation, .finalPunctuation, .otherPunctuation,
    ]
    let symbols: [Unicode.GeneralCategory] = [
      .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol,
    ]
    let separators: [Unicode.GeneralCategory] = [
      .spaceSeparator, .lineSeparator, .paragraphSeparator,
    ]
    let others: [Unicode.GeneralCategory] = [
      .control, .format, .surrogate, .privateUse, .unassigned,
    ]
    let table: [([String], [Unicode.GeneralCategory])] = [
      (["L", "Letter"], letters),
      (["LC", "Cased_Letter"], [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter]),
      (["Lu", "Uppercase_Letter"], [.uppercaseLetter]),
      (["Ll", "Lowercase_Letter"], [.lowercaseLetter]),
      (["Lt", "Titlecase_Letter"], [.titlecaseLetter]),
      (["Lm", "Modifier_Letter"], [.modifierLetter]),
      (["Lo", "Other_Letter"], [.otherLetter]),
      (["M", "Mark", "Combining_Mark"], marks),
      (["Mn", "Nonspacing_Mark"], [.nonspacingMark]),
      (["Mc", "Spacing_Mark"], [.spacingMark]),
      (["Me", "Enclosing_Mark"], [.enclosingMark]),
      (["N", "Number"], numbers),
      (["Nd", "Decimal_Number", "digit"], [.decimalNumber]),
      (["Nl", "Letter_Number"], [.letterNumber]),
      (["No", "Other_Number"], [.otherNumber]),
      (["P", "Punctuation", "punct"], punctuation),
      (["Pc", "Connector_Punctuation"], [.connectorPunctuation]),
      (["Pd", "Dash_Punctuation"], [.dashPunctuation]),
      (["Ps", "Open_Punctuation"], [.openPunctuation]),
      (["Pe", "Close_Punctuation"], [.closePunctuation]),
      (["Pi", "Initial_Punctuation"], [.initialPunctuation]),
      (["Pf", "Final_Punctuation"], [.finalPunctuation]),
      (["Po", "Other_Punctuation"], [.otherPunctuation]),
      (["S", "Symbol"], symbols),
      (["Sm", "Math_Symbol"], [.mathSymbol]),
      (["Sc", "Currency_Symbol"], [.currencySymbol]),
      (["Sk", "Modifier_Symbol"], [.modifierSymbol]),
      (["So", "Other_Symbol"], [.otherSymbol]),
      (["Z", "Separator"], separators),
      (["Zs", "Space_Separator"], [.spaceSeparator]),
      (["Zl", "Line_Separator"], [.lineSeparator]),
      (["Zp", "Paragraph_Separator"], [.paragraphSeparator]),
      (["C", "Other"], others),
      (["Cc", "Control", "cntrl"], [.control]),
      (["Cf", "Format"], [.format]),
      (["Cs", "Surrogate"], [.surrogate]),
      (["Co", "Private_Use"], [.privateUse]),
      (["Cn", "Unassigned"], [.unassigned]),
    ]
    var names: [String: [Unicode.GeneralCategory]] = [:]
    for (aliases, categories) in table {
      for alias in aliases { names[alias] = categories }
    }
    return names
  }
}
