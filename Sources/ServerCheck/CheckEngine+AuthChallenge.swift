import PreflightJSON

extension CheckEngine {
  /// The result `_meta` key that carries ChatGPT's runtime OAuth challenge.
  public static let challengeKey = "mcp/www_authenticate"

  /// The `securitySchemes` of a tool (the top-level field, else the `_meta` mirror), as types.
  static func schemeTypes(_ tool: JSONValue) -> [String] {
    let schemes =
      tool["securitySchemes"]?.arrayValue ?? tool["_meta"]?["securitySchemes"]?.arrayValue
    return (schemes ?? []).compactMap { $0["type"]?.stringValue }
  }

  /// Whether a tool needs OAuth: an `oauth2` scheme and no `noauth` one.
  public static func requiresOAuth(_ tool: JSONValue) -> Bool {
    let types = schemeTypes(tool)
    return types.contains("oauth2") && !types.contains("noauth")
  }

  /// The runtime challenge (chatgpt-approval.md §13.3): an OAuth-only tool called without a
  /// token must answer with a result carrying a well-formed `_meta["mcp/www_authenticate"]`,
  /// and only tools that declare `oauth2` may send one. The check calls read-only tools only
  /// (`--call-read-only`); the others are reported as not verified.
  static func authChallengeFindings(_ o: CheckObservation) -> [CheckFinding] {
    guard o.initializeResult != nil else { return [] }
    var out: [CheckFinding] = []
    let tools = o.tools
    let evidence = toolEvidence(o)
    func tool(named name: String) -> JSONValue? {
      tools.first { $0["name"]?.stringValue == name }
    }
    let calls = o.calls ?? []
    let tokenSent = o.target.usedCustomHeaders
    var verified = Set<String>()
    for call in calls {
      guard let declared = tool(named: call.tool) else { continue }
      let name = call.tool
      let declaresOAuth = schemeTypes(declared).contains("oauth2")
      if let challenge = call.result?["_meta"]?[challengeKey] {
        verified.insert(name)
        if !declaresOAuth {
          out.append(
            CheckRules.authChallengeUndeclared.finding(
              "\(quoted(name)) answered with _meta[\"\(challengeKey)\"] but declares no oauth2 "
                + "securitySchemes.", tool: name, path: "/securitySchemes",
              evidence: call.evidence))
        }
        let problems = challengeProblems(challenge)
        if !problems.isEmpty {
          out.append(
            CheckRules.authChallengeMalformed.finding(
              "\(quoted(name))'s _meta[\"\(challengeKey)\"] "
                + quoted(JSONPrinter.compact(challenge), limit: 100) + ": "
                + problems.joined(separator: "; ") + ".", tool: name,
              path: pointer("_meta", challengeKey), evidence: call.evidence))
        } else if declaresOAuth {
          out.append(
            CheckRules.authChallengeSummary.finding(
              "Called without a token, \(quoted(name)) answered with a challenge ChatGPT can "
                + "read: " + quoted(JSONPrinter.compact(challenge), limit: 160) + ".",
              tool: name, path: pointer("_meta", challengeKey), evidence: call.evidence))
        }
        continue
      }
      guard requiresOAuth(declared), !tokenSent else { continue }
      verified.insert(name)
      let how: String
      if let failure = call.failure {
        how = "failed (\(failure)) instead of returning a result that carries"
      } else if call.result?["isError"] == .bool(true) {
        how = "returned isError: true without"
      } else {
        how = "succeeded without a token and without"
      }
      out.append(
        CheckRules.authChallengeMissing.finding(
          "\(quoted(name)) declares only oauth2, but called without a token it \(how) "
            + "_meta[\"\(challengeKey)\"].", tool: name, path: "/securitySchemes",
          evidence: call.evidence))
    }
    var unverified: [(String, [Int])] = []
    for (index, candidate) in tools.enumerated() where requiresOAuth(candidate) {
      let name = candidate["name"]?.stringValue ?? ""
      if !verified.contains(name) {
        unverified.append((name, index < evidence.count ? evidence[index] : []))
      }
    }
    if !unverified.isEmpty {
      let names = unverified.map { quoted($0.0) }.joined(separator: ", ")
      let why: String
      if o.calls == nil {
        why = "run with --call-read-only to call the read-only ones"
      } else if tokenSent {
        why = "the calls carried your -H/--bearer headers"
      } else {
        why = "the check calls only read-only tools without required arguments"
      }
      out.append(
        CheckRules.authChallengeSummary.finding(
          "Not verified: whether \(names) answer a call without a token with "
            + "_meta[\"\(challengeKey)\"] (\(why)).",
          tool: unverified.count == 1
            ? unverified[0].0 : nil, evidence: unverified.flatMap(\.1)))
    }
    return out
  }

  /// What keeps a `_meta["mcp/www_authenticate"]` value from being the challenge ChatGPT
  /// reads: a string or a non-empty array of strings, each an RFC 7235 challenge; one of them
  /// carrying `error` and `error_description`.
  static func challengeProblems(_ value: JSONValue) -> [String] {
    let texts: [String]
    if let text = value.stringValue {
      texts = [text]
    } else if let items = value.arrayValue, !items.isEmpty,
      items.allSatisfy({ $0.stringValue != nil })
    {
      texts = items.compactMap(\.stringValue)
    } else {
      return [
        "it is \(value.arrayValue != nil ? "not a non-empty array of strings" : "a " + value.typeName), not a challenge string or array of them"
      ]
    }
    var problems: [String] = []
    var parsed: [[String: String]] = []
    for text in texts {
      guard let challenge = parseChallenge(text) else {
        problems.append("\(quoted(text, limit: 60)) is not an RFC 7235 challenge")
        continue
      }
      parsed.append(challenge.params)
    }
    if problems.isEmpty {
      if !parsed.contains(where: { $0["error"] != nil }) {
        problems.append("no error parameter")
      }
      if !parsed.contains(where: { $0["error_description"] != nil }) {
        problems.append("no error_description parameter")
      }
    }
    return problems
  }

  /// One challenge, `scheme param=value, param="quoted value"`; nil when it does not parse.
  public static func parseChallenge(_ text: String) -> (scheme: String, params: [String: String])? {
    var rest = Substring(text.trimmingCharacters(in: .whitespaces))
    let schemeEnd = rest.firstIndex(where: { $0 == " " }) ?? rest.endIndex
    let scheme = String(rest[..<schemeEnd])
    guard !scheme.isEmpty, scheme.allSatisfy(isTokenCharacter) else { return nil }
    rest = rest[schemeEnd...].drop(while: { $0 == " " })
    var params: [String: String] = [:]
    while !rest.isEmpty {
      let nameEnd = rest.firstIndex(where: { !isTokenCharacter($0) }) ?? rest.endIndex
      let name = rest[..<nameEnd].lowercased()
      guard !name.isEmpty else { return nil }
      rest = rest[nameEnd...].drop(while: { $0 == " " })
      guard rest.first == "=" else { return nil }
      rest = rest.dropFirst().drop(while: { $0 == " " })
      var value = ""
      if rest.first == "\"" {
        rest = rest.dropFirst()
        var closed = false
        while let ch = rest.first {
          rest = rest.dropFirst()
          if ch == "\\", let next = rest.first {
            value.append(next)
            rest = rest.dropFirst()
          } else if ch == "\"" {
            closed = true
            break
          } else {
            value.append(ch)
          }
        }
        guard closed else { return nil }
      } else {
        let end = rest.firstIndex(where: { $0 == "," || $0 == " " }) ?? rest.endIndex
        value = String(rest[..<end])
        guard !value.isEmpty, value.allSatisfy(isTokenCharacter) else { return nil }
        rest = rest[end...]
      }
      params[name] = value
      rest = rest.drop(while: { $0 == " " })
      if rest.first == "," { rest = rest.dropFirst().drop(while: { $0 == " " }) }
    }
    return (scheme, params)
  }

  /// An RFC 9110 `tchar` (and `/`, for token68-free values such as URLs left unquoted).
  static func isTokenCharacter(_ ch: Character) -> Bool {
    guard ch.isASCII, let ascii = ch.asciiValue, ascii > 0x20, ascii < 0x7F else { return false }
    return !"\"(),:;<=>?@[\\]{}".contains(ch) || ch == ":" || ch == "/"
  }
}
