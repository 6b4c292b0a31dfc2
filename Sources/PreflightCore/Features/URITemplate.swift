/// An RFC 6570 URI template (levels 1 to 3, plus level 4's prefix modifier `{var:3}`), as
/// servers use them in `resources/templates/list`. Pure: parse once, expand with string values.
public struct URITemplate: Sendable, Hashable {
  /// A variable in an expression, with its prefix length (`{var:3}`), if any.
  struct Variable: Sendable, Hashable {
    var name: String
    var prefix: Int?
  }

  /// One piece of a template: literal text or an expression `{op var,var}`.
  enum Part: Sendable, Hashable {
    case literal(String)
    case expression(op: Character?, variables: [Variable])
  }

  /// The template as written.
  public let text: String
  let parts: [Part]

  /// Parses `text`; a malformed template (unclosed brace, unknown operator, bad variable name)
  /// throws ``URITemplateError`` naming the offset.
  public init(_ text: String) throws(URITemplateError) {
    self.text = text
    var parts: [Part] = []
    var literal = ""
    var index = text.startIndex
    while index < text.endIndex {
      let c = text[index]
      if c == "}" {
        throw URITemplateError(
          offset: text.distance(from: text.startIndex, to: index), reason: "'}' without '{'")
      }
      guard c == "{" else {
        literal.append(c)
        index = text.index(after: index)
        continue
      }
      guard let close = text[index...].firstIndex(of: "}") else {
        throw URITemplateError(
          offset: text.distance(from: text.startIndex, to: index), reason: "'{' is never closed")
      }
      if !literal.isEmpty {
        parts.append(.literal(literal))
        literal = ""
      }
      let offset = text.distance(from: text.startIndex, to: index)
      parts.append(try URITemplate.expression(text[text.index(after: index)..<close], at: offset))
      index = text.index(after: close)
    }
    if !literal.isEmpty { parts.append(.literal(literal)) }
    self.parts = parts
  }

  /// The variable names in order of first appearance (the fields of a form for the template).
  public var variables: [String] {
    var names: [String] = []
    for case .expression(_, let variables) in parts {
      for v in variables where !names.contains(v.name) { names.append(v.name) }
    }
    return names
  }

  /// Expands the template. A variable missing from `values` is undefined and left out, as
  /// RFC 6570 says; an empty string is defined and expands to its empty form.
  public func expand(_ values: [String: String]) -> String {
    var out = ""
    for part in parts {
      switch part {
      case .literal(let text):
        out += URITemplate.encode(text, allowReserved: true)
      case .expression(let op, let variables):
        out += URITemplate.expand(op: op, variables: variables, values: values)
      }
    }
    return out
  }

  private static let operators: Set<Character> = ["+", "#", ".", "/", ";", "?", "&"]
  private static let reservedForLater: Set<Character> = ["=", ",", "!", "@", "|"]

  private static func expression(
    _ body: Substring, at offset: Int
  ) throws(URITemplateError) -> Part {
    var body = body
    var op: Character?
    if let first = body.first, operators.contains(first) {
      op = first
      body = body.dropFirst()
    } else if let first = body.first, reservedForLater.contains(first) {
      throw URITemplateError(offset: offset, reason: "operator '\(first)' is reserved")
    }
    var variables: [Variable] = []
    for spec in body.split(separator: ",", omittingEmptySubsequences: false) {
      var name = spec
      var prefix: Int?
      if name.hasSuffix("*") { name = name.dropLast() }
      if let colon = name.firstIndex(of: ":") {
        let digits = name[name.index(after: colon)...]
        guard let n = Int(digits), n > 0, n < 10_000, digits.count <= 4 else {
          throw URITemplateError(offset: offset, reason: "bad prefix length in '\(spec)'")
        }
        prefix = n
        name = name[..<colon]
      }
      guard !name.isEmpty, name.allSatisfy(isVariableCharacter) else {
        throw URITemplateError(offset: offset, reason: "bad variable name '\(spec)'")
      }
      variables.append(Variable(name: String(name), prefix: prefix))
    }
    return .expression(op: op, variables: variables)
  }

  private static func isVariableCharacter(_ c: Character) -> Bool {
    c.isASCII && (c.isLetter || c.isNumber || c == "_" || c == "." || c == "%")
  }

  private static func expand(
    op: Character?, variables: [Variable], values: [String: String]
  ) -> String {
    let first: String
    let separator: String
    let named: Bool
    let ifEmpty: String
    let allowReserved: Bool
    switch op {
    case "+": (first, separator, named, ifEmpty, allowReserved) = ("", ",", false, "", true)
    case "#": (first, separator, named, ifEmpty, allowReserved) = ("#", ",", false, "", true)
    case ".": (first, separator, named, ifEmpty, allowReserved) = (".", ".", false, "", false)
    case "/": (first, separator, named, ifEmpty, allowReserved) = ("/", "/", false, "", false)
    case ";": (first, separator, named, ifEmpty, allowReserved) = (";", ";", true, "", false)
    case "?": (first, separator, named, ifEmpty, allowReserved) = ("?", "&", true, "=", false)
    case "&": (first, separator, named, ifEmpty, allowReserved) = ("&", "&", true, "=", false)
    default: (first, separator, named, ifEmpty, allowReserved) = ("", ",", false, "", false)
    }
    var pieces: [String] = []
    for variable in variables {
      guard var value = values[variable.name] else { continue }
      if let n = variable.prefix, value.count > n { value = String(value.prefix(n)) }
      let encoded = encode(value, allowReserved: allowReserved)
      if named {
        pieces.append(variable.name + (value.isEmpty ? ifEmpty : "=" + encoded))
      } else {
        pieces.append(encoded)
      }
    }
    guard !pieces.isEmpty else { return "" }
    return first + pieces.joined(separator: separator)
  }

  private static let unreserved = Set(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".unicodeScalars)
  private static let reserved = Set(":/?#[]@!$&'()*+,;=".unicodeScalars)

  /// Percent-encodes `text` as UTF-8, keeping unreserved characters, and with `allowReserved`
  /// also reserved characters and existing `%XX` triplets.
  static func encode(_ text: String, allowReserved: Bool) -> String {
    var out = ""
    let bytes = Array(text.utf8)
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      let scalar = Unicode.Scalar(b)
      if b < 0x80 && unreserved.contains(scalar) {
        out.unicodeScalars.append(scalar)
      } else if allowReserved && b < 0x80 && reserved.contains(scalar) {
        out.unicodeScalars.append(scalar)
      } else if allowReserved && b == UInt8(ascii: "%") && i + 2 < bytes.count
        && isHex(bytes[i + 1]) && isHex(bytes[i + 2])
      {
        out += "%"
        out.unicodeScalars.append(Unicode.Scalar(bytes[i + 1]))
        out.unicodeScalars.append(Unicode.Scalar(bytes[i + 2]))
        i += 2
      } else {
        out += "%" + hexDigits[Int(b >> 4)] + hexDigits[Int(b & 0x0F)]
      }
      i += 1
    }
    return out
  }

  private static let hexDigits = "0123456789ABCDEF".map { String($0) }

  private static func isHex(_ b: UInt8) -> Bool {
    (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66)
  }
}
