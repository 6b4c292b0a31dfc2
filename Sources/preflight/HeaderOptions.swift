import Foundation
import PreflightCore

/// `-H 'Name: value'` and `--bearer TOKEN`, with `${VAR}` read from the environment so a token
/// never has to appear in shell history.
struct HeaderOptions {
  /// The headers in the order given; `--bearer` becomes `Authorization: Bearer …` last.
  var headers: [(name: String, value: String)] = []
  /// Values to redact wherever they appear: bearer tokens, values of headers named like
  /// secrets, and values read from variables named like secrets.
  var secrets: [String] = []

  /// Parses the options; a malformed header or an unset variable is a usage error.
  static func parse(
    headers specs: [String], bearer: String?, environment: [String: String]
  ) throws(CLIFailure) -> HeaderOptions {
    var result = HeaderOptions()
    for spec in specs {
      guard let colon = spec.firstIndex(of: ":") else {
        throw .usage("-H needs 'Name: value', got '\(Redactor().redact(spec).0.prefix(60))'")
      }
      let name = spec[..<colon].trimmingCharacters(in: .whitespaces)
      guard !name.isEmpty, name.allSatisfy(HeaderOptions.isTokenCharacter) else {
        throw .usage("-H: '\(name)' is not a valid header name")
      }
      let (value, fromSecretVariable) = try expand(
        spec[spec.index(after: colon)...].trimmingCharacters(in: .whitespaces),
        environment: environment, option: "-H \(name)")
      result.headers.append((name, value))
      if Redactor.isSecretName(name) || fromSecretVariable {
        result.secrets.append(value)
        // "Bearer abc" also hides "abc" on its own.
        if let space = value.firstIndex(of: " ") {
          result.secrets.append(String(value[value.index(after: space)...]))
        }
      }
    }
    if let bearer {
      let (token, _) = try expand(bearer, environment: environment, option: "--bearer")
      guard !token.isEmpty else { throw .usage("--bearer needs a token") }
      result.headers.removeAll { $0.name.lowercased() == "authorization" }
      result.headers.append(("Authorization", "Bearer " + token))
      result.secrets.append(token)
    }
    return result
  }

  /// Replaces every `${VAR}` with the variable's value; says whether any variable was named
  /// like a secret.
  static func expand(
    _ text: String, environment: [String: String], option: String
  ) throws(CLIFailure) -> (String, Bool) {
    var out = ""
    var rest = Substring(text)
    var secretVariable = false
    while let start = rest.firstRange(of: "${") {
      out += rest[..<start.lowerBound]
      guard let end = rest[start.upperBound...].firstIndex(of: "}") else {
        throw .usage("\(option): '${' without a closing '}'")
      }
      let name = String(rest[start.upperBound..<end])
      guard let value = environment[name] else {
        throw .usage("\(option): the environment variable \(name) is not set")
      }
      if Redactor.isSecretName(name) { secretVariable = true }
      out += value
      rest = rest[rest.index(after: end)...]
    }
    return (out + rest, secretVariable)
  }

  private static func isTokenCharacter(_ c: Character) -> Bool {
    guard c.isASCII, let ascii = c.asciiValue else { return false }
    if c.isLetter || c.isNumber { return true }
    return "!#$%&'*+-.^_`|~".utf8.contains(ascii)
  }
}
