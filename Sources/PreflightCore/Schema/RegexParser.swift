/// Parses an ECMA-262 pattern, as JSON Schema's `pattern` and `patternProperties` use, into a
/// ``RegexNode``.
///
/// It follows the Unicode-mode grammar and accepts the lenient Annex B forms real schemas rely
/// on (a literal `{`, `}` or `]`, `\c` without a letter, identity escapes). Backreferences are
/// rejected: they are rare in schemas and cannot be matched in linear time.
struct RegexParser {
  private let scalars: [Unicode.Scalar]
  private var index = 0
  private var nesting = 0

  /// Groups nested deeper than this are rejected, so parsing cannot exhaust the stack.
  static let maximumNesting = 64
  /// Repetition counts are clamped to this while parsing (the compiled size is limited anyway).
  static let countLimit = 1_000_000

  /// Prepares to parse `pattern`.
  init(_ pattern: String) {
    scalars = Array(pattern.unicodeScalars)
  }

  /// Parses the whole pattern.
  mutating func parse() throws(RegexSyntaxError) -> RegexNode {
    let node = try parseDisjunction()
    if index < scalars.count { throw failure("unmatched )") }
    return node
  }

  private func failure(_ reason: String) -> RegexSyntaxError {
    RegexSyntaxError(reason: reason, offset: min(index, scalars.count))
  }

  private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

  private func peek(_ offset: Int) -> Unicode.Scalar? {
    index + offset < scalars.count ? scalars[index + offset] : nil
  }

  private func looking(at text: String) -> Bool {
    var i = index
    for s in text.unicodeScalars {
      guard i < scalars.count, scalars[i] == s else { return false }
      i += 1
    }
    return true
  }

  // MARK: Structure

  private mutating func parseDisjunction() throws(RegexSyntaxError) -> RegexNode {
    var branches = [try parseAlternative()]
    while current == "|" {
      index += 1
      branches.append(try parseAlternative())
    }
    return branches.count == 1 ? branches[0] : .alternation(branches)
  }

  private mutating func parseAlternative() throws(RegexSyntaxError) -> RegexNode {
    var items: [RegexNode] = []
    while let c = current, c != "|", c != ")" {
      items.append(try parseTerm())
    }
    switch items.count {
    case 0: return .empty
    case 1: return items[0]
    default: return .sequence(items)
    }
  }

  private mutating func parseTerm() throws(RegexSyntaxError) -> RegexNode {
    switch current {
    case "^":
      index += 1
      return try unquantified(.inputStart)
    case "$":
      index += 1
      return try unquantified(.inputEnd)
    case "\\" where peek(1) == "b" || peek(1) == "B":
      let negated = peek(1) == "B"
      index += 2
      return try unquantified(.wordBoundary(negated: negated))
    case "(" where looking(at: "(?<=") || looking(at: "(?<!"):
      let negated = peek(3) == "!"
      index += 4
      let body = try parseGroupBody()
      return try unquantified(.lookaround(body, behind: true, negated: negated))
    case "(" where looking(at: "(?=") || looking(at: "(?!"):
      let negated = peek(2) == "!"
      index += 3
      let body = try parseGroupBody()
      // Annex B allows a quantifier after a lookahead.
      return try parseQuantifier(.lookaround(body, behind: false, negated: negated))
    case "*", "+", "?":
      throw failure("nothing to repeat")
    case "{" where braceQuantifier(at: index) != nil:
      throw failure("nothing to repeat")
    default:
      return try parseQuantifier(try parseAtom())
    }
  }

  private mutating func unquantified(_ node: RegexNode) throws(RegexSyntaxError) -> RegexNode {
    switch current {
    case "*", "+", "?": throw failure("nothing to repeat")
    case "{" where braceQuantifier(at: index) != nil: throw failure("nothing to repeat")
    default: return node
    }
  }

  private mutating func parseGroupBody() throws(RegexSyntaxError) -> RegexNode {
    nesting += 1
    defer { nesting -= 1 }
    guard nesting <= Self.maximumNesting else { throw failure("groups nested too deeply") }
    let body = try parseDisjunction()
    guard current == ")" else { throw failure("missing )") }
    index += 1
    return body
  }

  private mutating func parseAtom() throws(RegexSyntaxError) -> RegexNode {
    guard let c = current else { throw failure("unexpected end of pattern") }
    switch c {
    case ".":
      index += 1
      return .anyExceptLineTerminator
    case "[":
      return .set(try parseClass())
    case "(":
      if looking(at: "(?:") {
        index += 3
      } else if looking(at: "(?<") {
        index += 3
        try skipGroupName()
      } else if looking(at: "(?") {
        throw failure("unsupported group syntax (?\(peek(2).map(String.init) ?? "")")
      } else {
        index += 1
      }
      return try parseGroupBody()
    case "\\":
      return try parseAtomEscape()
    default:
      index += 1
      return .scalar(c.value)
    }
  }

  private mutating func skipGroupName() throws(RegexSyntaxError) {
    let start = index
    while let c = current, c != ">" {
      guard c.properties.isAlphabetic || c == "_" || c == "$" || (index > start && isDigit(c))
      else { throw failure("invalid group name") }
      index += 1
    }
    guard current == ">", index > start else { throw failure("invalid group name") }
    index += 1
  }

  // MARK: Quantifiers

  private mutating func parseQuantifier(_ atom: RegexNode) throws(RegexSyntaxError) -> RegexNode {
    var bounds: (min: Int, max: Int?)
    switch current {
    case "*":
      bounds = (0, nil)
      index += 1
    case "+":
      bounds = (1, nil)
      index += 1
    case "?":
      bounds = (0, 1)
      index += 1
    case "{":
      guard let (parsed, end) = braceQuantifier(at: index) else { return atom }
      bounds = parsed
      index = end
    default:
      return atom
    }
    if current == "?" { index += 1 }  // Lazy and greedy match the same strings.
    if let max = bounds.max, bounds.min > max {
      throw failure("numbers out of order in {} quantifier")
    }
    return .repetition(atom, min: bounds.min, max: bounds.max)
  }

  /// The bounds of a `{n}`, `{n,}` or `{n,m}` quantifier starting at `start`, and the index
  /// after it; nil when the text there is not a quantifier (Annex B then reads `{` literally).
  private func braceQuantifier(at start: Int) -> ((min: Int, max: Int?), Int)? {
    var i = start + 1
    func number() -> Int? {
      var value: Int?
      while i < scalars.count, isDigit(scalars[i]) {
        let digit = Int(scalars[i].value - 0x30)
        value = min((value ?? 0) * 10 + digit, Self.countLimit)
        i += 1
      }
      return value
    }
    guard let low = number() else { return nil }
    var high: Int? = low
    if i < scalars.count, scalars[i] == "," {
      i += 1
      high = number()
    }
    guard i < scalars.count, scalars[i] == "}" else { return nil }
    return ((low, high), i + 1)
  }

  private func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }

  private func hexValue(_ c: Unicode.Scalar?) -> UInt32? {
    guard let c else { return nil }
    switch c.value {
    case 0x30...0x39: return c.value - 0x30
    case 0x41...0x46: return c.value - 0x41 + 10
    case 0x61...0x66: return c.value - 0x61 + 10
    default: return nil
    }
  }

  // MARK: Escapes

  private mutating func parseAtomEscape() throws(RegexSyntaxError) -> RegexNode {
    index += 1  // the backslash
    guard let c = current else { throw failure("\\ at end of pattern") }
    if let escape = try parseClassEscape() {
      return .set(RegexCharacterSet(classes: [escape]))
    }
    if c.value >= 0x31 && c.value <= 0x39 {
      throw failure("backreferences are not supported")
    }
    if c == "k" && peek(1) == "<" {
      throw failure("named backreferences are not supported")
    }
    return .scalar(parseCharacterEscape())
  }

  /// Parses `d`, `D`, `w`, `W`, `s`, `S`, `p{…}` or `P{…}` after a backslash; nil (consuming
  /// nothing) for any other escape.
  private mutating func parseClassEscape() throws(RegexSyntaxError) -> RegexClassEscape? {
    switch current {
    case "d", "D":
      index += 1
      return .digit(negated: scalars[index - 1] == "D")
    case "w", "W":
      index += 1
      return .word(negated: scalars[index - 1] == "W")
    case "s", "S":
      index += 1
      return .space(negated: scalars[index - 1] == "S")
    case "p" where peek(1) == "{", "P" where peek(1) == "{":
      let negated = current == "P"
      index += 2
      var name = ""
      while let c = current, c != "}" {
        name.unicodeScalars.append(c)
        index += 1
      }
      guard current == "}" else { throw failure("missing } after \\p{") }
      index += 1
      guard let property = RegexUnicodeProperty(name: name) else {
        throw failure("unsupported Unicode property \(name)")
      }
      return .property(property, negated: negated)
    default:
      return nil
    }
  }

  /// Parses a character escape after a backslash and returns its scalar value.
  private mutating func parseCharacterEscape() -> UInt32 {
    let c = scalars[index]
    index += 1
    switch c {
    case "t": return 0x09
    case "n": return 0x0A
    case "v": return 0x0B
    case "f": return 0x0C
    case "r": return 0x0D
    case "0"..."7":
      // \0 is NUL; Annex B reads other digits as a legacy octal escape.
      var value = c.value - 0x30
      var taken = 1
      while taken < 3, let next = current, next.value >= 0x30 && next.value <= 0x37,
        value * 8 + next.value - 0x30 <= 0xFF
      {
        value = value * 8 + next.value - 0x30
        index += 1
        taken += 1
      }
      return value
    case "c":
      if let letter = current,
        (letter.value >= 0x41 && letter.value <= 0x5A)
          || (letter.value >= 0x61 && letter.value <= 0x7A)
      {
        index += 1
        return letter.value % 32
      }
      index -= 1  // `\c` with no letter is a literal backslash followed by `c`.
      return 0x5C
    case "x":
      if let high = hexValue(current), let low = hexValue(peek(1)) {
        index += 2
        return high * 16 + low
      }
      return c.value
    case "u":
      return parseUnicodeEscape() ?? c.value
    default:
      return c.value
    }
  }

  /// Parses the rest of `\uHHHH`, `\u{H…}` or a `\uHHHH\uHHHH` surrogate pair.
  private mutating func parseUnicodeEscape() -> UInt32? {
    if current == "{" {
      var i = index + 1
      var value: UInt32 = 0
      var count = 0
      while i < scalars.count, let digit = hexValue(scalars[i]) {
        if value <= 0x10FFFF { value = value * 16 + digit }
        i += 1
        count += 1
      }
      guard count > 0, i < scalars.count, scalars[i] == "}", value <= 0x10FFFF else { return nil }
      index = i + 1
      return value
    }
    guard let value = fourHex(at: index) else { return nil }
    index += 4
    if (0xD800...0xDBFF).contains(value), current == "\\", peek(1) == "u",
      let low = fourHex(at: index + 2), (0xDC00...0xDFFF).contains(low)
    {
      index += 6
      return 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
    }
    return value
  }

  private func fourHex(at start: Int) -> UInt32? {
    var value: UInt32 = 0
    for offset in 0..<4 {
      guard start + offset < scalars.count, let digit = hexValue(scalars[start + offset]) else {
        return nil
      }
      value = value * 16 + digit
    }
    return value
  }

  // MARK: Classes

  private enum ClassAtom {
    case scalar(UInt32)
    case escape(RegexClassEscape)
  }

  private mutating func parseClass() throws(RegexSyntaxError) -> RegexCharacterSet {
    index += 1  // [
    var set = RegexCharacterSet()
    if current == "^" {
      set.isNegated = true
      index += 1
    }
    func add(_ atom: ClassAtom) {
      switch atom {
      case .scalar(let v): set.ranges.append(v...v)
      case .escape(let e): set.classes.append(e)
      }
    }
    while true {
      guard let c = current else { throw failure("missing ]") }
      if c == "]" {
        index += 1
        return set
      }
      let first = try parseClassAtom()
      if current == "-", let after = peek(1), after != "]" {
        index += 1
        let second = try parseClassAtom()
        if case .scalar(let low) = first, case .scalar(let high) = second {
          guard low <= high else { throw failure("range out of order in character class") }
          set.ranges.append(low...high)
        } else {
          // Annex B: a range with a class escape at either end is read literally.
          add(first)
          add(.scalar(0x2D))
          add(second)
        }
      } else {
        add(first)
      }
    }
  }

  private mutating func parseClassAtom() throws(RegexSyntaxError) -> ClassAtom {
    let c = scalars[index]
    guard c == "\\" else {
      index += 1
      return .scalar(c.value)
    }
    index += 1
    guard let next = current else { throw failure("\\ at end of pattern") }
    if let escape = try parseClassEscape() { return .escape(escape) }
    switch next {
    case "b":
      index += 1
      return .scalar(0x08)
    case "-":
      index += 1
      return .scalar(0x2D)
    default:
      return .scalar(parseCharacterEscape())
    }
  }
}
