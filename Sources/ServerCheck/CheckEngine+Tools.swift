import ApprovalPolicy
import PreflightCore
import PreflightJSON

extension CheckEngine {
  static let destructiveWords: Set = [
    "delete", "remove", "drop", "destroy", "purge", "wipe", "erase", "truncate", "reset",
    "overwrite", "kill", "terminate", "revoke", "cancel", "clear",
  ]
  static let writeWords: Set = [
    "create", "add", "send", "post", "update", "set", "write", "insert", "enqueue", "start",
    "run", "execute", "publish", "upload", "submit", "move", "rename", "archive", "share",
    "complete", "sync", "save", "edit", "put", "patch", "trigger", "schedule", "book",
  ]

  /// Tool list, names, hints, approval, descriptions, schemas, tokens, status texts,
  /// security schemes and visibility; with the tool verdicts.
  static func toolFindings(
    _ o: CheckObservation, policy: Policy
  ) -> ([CheckFinding], [ToolVerdict]) {
    var out: [CheckFinding] = []
    if let failure = o.toolsFailure {
      out.append(
        CheckRules.listFailed.finding("tools/list failed: \(failure)", evidence: o.toolsEvidence))
    }
    guard o.initializeResult != nil else { return (out, []) }
    let tools = o.tools
    let evidence = toolEvidence(o)
    if tools.isEmpty && o.toolsFailure == nil && !o.toolPages.isEmpty {
      out.append(
        CheckRules.listEmpty.finding("tools/list returned no tools.", evidence: o.toolsEvidence))
    }
    out += paginationFindings(o)
    if tools.count > 20 {
      out.append(
        CheckRules.toolCount.finding("The server advertises \(tools.count) tools (more than 20)."))
    }
    var seen: [String: Int] = [:]
    for tool in tools {
      if let name = tool["name"]?.stringValue { seen[name, default: 0] += 1 }
    }
    for (name, count) in seen.sorted(by: { $0.key < $1.key }) where count > 1 {
      out.append(
        CheckRules.duplicateName.finding(
          "\(count) tools are named \(quoted(name)).", tool: name, path: "/name",
          evidence: o.toolsEvidence))
    }
    var verdicts: [ToolVerdict] = []
    var total = 0
    var largest: (name: String, tokens: Int)?
    for (index, tool) in tools.enumerated() {
      let ev = index < evidence.count ? evidence[index] : []
      let name = tool["name"]?.stringValue ?? ""
      out += nameFindings(tool, name: name, evidence: ev)
      out += hintFindings(tool, name: name, evidence: ev)
      out += descriptionFindings(tool, name: name, evidence: ev)
      out += schemaFindings(tool, name: name, evidence: ev)
      out += invocationFindings(tool, name: name, evidence: ev)
      out += securitySchemeFindings(tool, name: name, auth: o.auth, evidence: ev)
      out += fileParamsFindings(tool, name: name, evidence: ev)
      let tokens = TokenEstimate.tokens(of: tool)
      total += tokens
      if tokens > (largest?.tokens ?? -1) { largest = (name, tokens) }
      if tokens > 5_000 {
        out.append(
          CheckRules.toolTokens.finding(
            "\(quoted(name)) is about \(tokens) tokens (estimate), over 5,000.", tool: name,
            evidence: ev))
      }
      let facts = ToolFacts(tool: tool, server: o.serverName)
      let verdict = verdictFor(tool, facts: facts, policy: policy, tokens: tokens)
      verdicts.append(verdict)
      if verdict.chatgpt == .hidden {
        out.append(
          CheckRules.hidden.finding(
            "\(quoted(name)) is hidden from the model: \(verdict.reason)", tool: name,
            path: "/_meta", evidence: ev))
      } else {
        out.append(
          CheckRules.approval.finding(
            approvalText(verdict, name: name), tool: name, path: "/annotations/readOnlyHint",
            evidence: ev))
      }
    }
    if !tools.isEmpty {
      if total > 16_000 {
        out.append(
          CheckRules.totalTokens.finding(
            "All \(tools.count) tool definitions come to about \(total) tokens (estimate), "
              + "over 16,000."))
      }
      var text =
        "All \(tools.count) tool definitions: about \(total) tokens (estimate; limit 16,000)"
      if let largest {
        text += "; the largest, \(quoted(largest.name)), about \(largest.tokens) (limit 5,000)"
      }
      out.append(CheckRules.tokenSummary.finding(text + "."))
    }
    return (out, verdicts)
  }

  static func approvalText(_ verdict: ToolVerdict, name: String) -> String {
    switch verdict.chatgpt {
    case .runs: "ChatGPT runs \(quoted(name)) at once: \(verdict.reason)"
    case .asks: "ChatGPT asks before running \(quoted(name)): \(verdict.reason)"
    case .refused: "The policy refuses \(quoted(name)): \(verdict.reason)"
    case .hidden: "\(quoted(name)) is hidden: \(verdict.reason)"
    }
  }

  /// What ChatGPT does with one tool under `policy`.
  public static func verdictFor(
    _ tool: JSONValue, facts: ToolFacts, policy: Policy, tokens: Int
  ) -> ToolVerdict {
    let meta = tool["_meta"]
    if let visibility = meta?["ui"]?["visibility"]?.arrayValue,
      !visibility.contains(.string("model"))
    {
      return ToolVerdict(
        name: facts.name, chatgpt: .hidden,
        reason: "_meta.ui.visibility lacks \"model\" (widget only)", estimatedTokens: tokens)
    }
    if meta?["openai/visibility"]?.stringValue == "private" {
      return ToolVerdict(
        name: facts.name, chatgpt: .hidden,
        reason: "_meta[\"openai/visibility\"] is \"private\" (widget only)", estimatedTokens: tokens
      )
    }
    let decision = ApprovalPolicy.decide(facts, policy: policy)
    let action: ToolVerdict.Action =
      switch decision.kind {
      case .run: .runs
      case .ask: .asks
      case .refuse: .refused
      }
    return ToolVerdict(
      name: facts.name, chatgpt: action, reason: decision.reason, estimatedTokens: tokens)
  }

  static func paginationFindings(_ o: CheckObservation) -> [CheckFinding] {
    var out: [CheckFinding] = []
    let pages = o.toolPages
    for (index, page) in pages.enumerated() {
      let ev = index < o.toolsEvidence.count ? [o.toolsEvidence[index]] : []
      let isLast = index == pages.count - 1
      if let cursor = page["nextCursor"], !cursor.isNull, cursor.stringValue == nil {
        out.append(
          CheckRules.pagination.finding(
            "Page \(index + 1)'s nextCursor is a \(cursor.typeName), not a string.",
            path: "/nextCursor", evidence: ev))
      }
      if !isLast, (page["tools"]?.arrayValue ?? []).isEmpty {
        out.append(
          CheckRules.pagination.finding(
            "Page \(index + 1) of \(pages.count) has no tools but a nextCursor.", evidence: ev))
      }
    }
    return out
  }

  static func nameFindings(_ tool: JSONValue, name: String, evidence: [Int]) -> [CheckFinding] {
    let mcpOK =
      (1...128).contains(name.count)
      && name.unicodeScalars.allSatisfy { isNameScalar($0) || $0 == "." }
    if !mcpOK {
      return [
        CheckRules.nameInvalid.finding(
          "The tool name \(quoted(name)) is not 1–128 characters of A–Z a–z 0–9 _ - .",
          tool: name, path: "/name", evidence: evidence)
      ]
    }
    if name.contains(".") || name.count > 64 {
      return [
        CheckRules.nameOpenAI.finding(
          "The tool name \(quoted(name)) "
            + (name.contains(".") ? "contains \".\"" : "is \(name.count) characters (over 64)")
            + ", which OpenAI's model API was seen to reject.",
          tool: name, path: "/name", evidence: evidence)
      ]
    }
    return []
  }

  static func isNameScalar(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F, 0x2D: true
    default: false
    }
  }

  static func hintFindings(_ tool: JSONValue, name: String, evidence: [Int]) -> [CheckFinding] {
    var out: [CheckFinding] = []
    let annotations = tool["annotations"]?.objectValue
    for hint in HintName.required {
      let path = pointer("annotations", hint.key)
      switch HintValue(json: annotations?[hint.key]) {
      case .declared: continue
      case .absent:
        out.append(
          CheckRules.annotationsMissing.finding(
            "\(quoted(name)) does not set \(hint.key) (submission error annotations_required).",
            tool: name, path: path, evidence: evidence))
      case .null:
        out.append(
          CheckRules.annotationsNull.finding(
            "\(quoted(name)) sets \(hint.key) to null (submission error annotations_required).",
            tool: name, path: path, evidence: evidence))
      case .invalid(let value):
        out.append(
          CheckRules.annotationsInvalid.finding(
            "\(quoted(name)) sets \(hint.key) to \(JSONPrinter.compact(value).prefix(40)), a "
              + "\(value.typeName), not a boolean (submission error annotations_required).",
            tool: name, path: path, evidence: evidence))
      }
    }
    let words = nameWords(name)
    let readOnly = HintValue(json: annotations?["readOnlyHint"])
    let destructive = HintValue(json: annotations?["destructiveHint"])
    if let word = words.first(where: { destructiveWords.contains($0) }) {
      if readOnly.isTrue {
        out.append(
          CheckRules.hintsMismatch.finding(
            "\(quoted(name)) is marked readOnlyHint: true, but its name says \"\(word)\".",
            tool: name, path: pointer("annotations", "readOnlyHint"), evidence: evidence))
      } else if destructive.isFalse {
        out.append(
          CheckRules.hintsMismatch.finding(
            "\(quoted(name)) is marked destructiveHint: false, but its name says \"\(word)\".",
            tool: name, path: pointer("annotations", "destructiveHint"), evidence: evidence))
      }
    } else if let word = words.first(where: { writeWords.contains($0) }), readOnly.isTrue {
      out.append(
        CheckRules.hintsMismatch.finding(
          "\(quoted(name)) is marked readOnlyHint: true, but its name says \"\(word)\".",
          tool: name, path: pointer("annotations", "readOnlyHint"), evidence: evidence))
    }
    return out
  }

  /// A tool name split into lowercase words at `_`, `-`, `.` and lower-to-upper case changes.
  static func nameWords(_ name: String) -> [String] {
    var words: [String] = []
    var current = ""
    var previousLower = false
    for ch in name {
      if ch == "_" || ch == "-" || ch == "." || ch == " " {
        if !current.isEmpty { words.append(current) }
        current = ""
        previousLower = false
        continue
      }
      if ch.isUppercase && previousLower {
        words.append(current)
        current = ""
      }
      current += ch.lowercased()
      previousLower = ch.isLowercase
    }
    if !current.isEmpty { words.append(current) }
    return words
  }

  static func descriptionFindings(
    _ tool: JSONValue, name: String, evidence: [Int]
  ) -> [CheckFinding] {
    let text = tool["description"]?.stringValue ?? ""
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    if trimmed.isEmpty {
      return [
        CheckRules.descriptionMissing.finding(
          "\(quoted(name)) has no description.", tool: name, path: "/description",
          evidence: evidence)
      ]
    }
    if trimmed.count < 20 {
      return [
        CheckRules.descriptionShort.finding(
          "\(quoted(name))'s description is \(trimmed.count) characters: \(quoted(trimmed)).",
          tool: name, path: "/description", evidence: evidence)
      ]
    }
    if text.count > 19_000 {
      return [
        CheckRules.descriptionLong.finding(
          "\(quoted(name))'s description is \(text.count) characters.", tool: name,
          path: "/description", evidence: evidence)
      ]
    }
    return []
  }

  static func schemaFindings(_ tool: JSONValue, name: String, evidence: [Int]) -> [CheckFinding] {
    var out: [CheckFinding] = []
    if let schema = tool["inputSchema"] {
      if schema.objectValue == nil {
        out.append(
          CheckRules.inputSchemaObject.finding(
            "\(quoted(name))'s inputSchema is a \(schema.typeName), not a schema object.",
            tool: name, path: "/inputSchema", evidence: evidence))
      } else {
        if schema["type"]?.stringValue != "object" {
          out.append(
            CheckRules.inputSchemaObject.finding(
              "\(quoted(name))'s inputSchema has type "
                + (schema["type"].map { JSONPrinter.compact($0) } ?? "(none)")
                + ", not \"object\".", tool: name, path: "/inputSchema/type", evidence: evidence))
        }
        let problems = JSONSchemaValidator(schema: schema).problems
        if !problems.isEmpty {
          out.append(
            CheckRules.inputSchemaInvalid.finding(
              "\(quoted(name))'s inputSchema is not valid JSON Schema: "
                + problems.prefix(3).joined(separator: "; "), tool: name, path: "/inputSchema",
              evidence: evidence))
        }
      }
    } else {
      out.append(
        CheckRules.inputSchemaObject.finding(
          "\(quoted(name)) has no inputSchema.", tool: name, path: "/inputSchema",
          evidence: evidence))
    }
    if let schema = tool["outputSchema"] {
      var problems: [String] = []
      if schema.objectValue == nil {
        problems.append("it is a \(schema.typeName), not a schema object")
      } else {
        if schema["type"]?.stringValue != "object" {
          problems.append("its type is not \"object\"")
        }
        problems += JSONSchemaValidator(schema: schema).problems.prefix(3)
      }
      if !problems.isEmpty {
        out.append(
          CheckRules.outputSchemaInvalid.finding(
            "\(quoted(name))'s outputSchema is invalid: " + problems.joined(separator: "; "),
            tool: name, path: "/outputSchema", evidence: evidence))
      }
    }
    return out
  }

  static func invocationFindings(
    _ tool: JSONValue, name: String, evidence: [Int]
  ) -> [CheckFinding] {
    var out: [CheckFinding] = []
    for key in ["openai/toolInvocation/invoking", "openai/toolInvocation/invoked"] {
      guard let value = tool["_meta"]?[key] else { continue }
      guard let text = value.stringValue else {
        out.append(
          CheckRules.invocationText.finding(
            "\(quoted(name))'s _meta[\"\(key)\"] is a \(value.typeName), not a string.",
            tool: name, path: pointer("_meta", key), evidence: evidence))
        continue
      }
      if text.count > 64 {
        out.append(
          CheckRules.invocationText.finding(
            "\(quoted(name))'s _meta[\"\(key)\"] is \(text.count) characters (over 64): "
              + quoted(text), tool: name, path: pointer("_meta", key), evidence: evidence))
      }
    }
    return out
  }

  static func securitySchemeFindings(
    _ tool: JSONValue, name: String, auth: AuthObservation?, evidence: [Int]
  ) -> [CheckFinding] {
    var out: [CheckFinding] = []
    let top = tool["securitySchemes"]
    let mirror = tool["_meta"]?["securitySchemes"]
    if let top, let mirror, top != mirror {
      out.append(
        CheckRules.securitySchemes.finding(
          "\(quoted(name))'s securitySchemes and its _meta mirror differ.", tool: name,
          path: "/_meta/securitySchemes", evidence: evidence))
    }
    var declaresOAuth = false
    for (label, value) in [("securitySchemes", top), ("_meta/securitySchemes", mirror)] {
      guard let value else { continue }
      guard let schemes = value.arrayValue else {
        out.append(
          CheckRules.securitySchemes.finding(
            "\(quoted(name))'s \(label) is a \(value.typeName), not an array.", tool: name,
            path: "/" + label, evidence: evidence))
        continue
      }
      for (i, scheme) in schemes.enumerated() {
        let type = scheme["type"]?.stringValue
        if type == "oauth2" {
          declaresOAuth = true
          if let scopes = scheme["scopes"],
            !(scopes.arrayValue?.allSatisfy { $0.stringValue != nil } ?? false)
          {
            out.append(
              CheckRules.securitySchemes.finding(
                "\(quoted(name))'s \(label)[\(i)].scopes is not an array of strings.",
                tool: name, path: "/\(label)/\(i)/scopes", evidence: evidence))
          }
        } else if type != "noauth" {
          out.append(
            CheckRules.securitySchemes.finding(
              "\(quoted(name))'s \(label)[\(i)] has type "
                + (scheme["type"].map { JSONPrinter.compact($0) } ?? "(none)")
                + "; ChatGPT knows noauth and oauth2.", tool: name, path: "/\(label)/\(i)/type",
              evidence: evidence))
        }
      }
    }
    if declaresOAuth, let auth, auth.protectedResourceDocument == nil {
      out.append(
        CheckRules.securitySchemes.finding(
          "\(quoted(name)) declares an oauth2 scheme, but the server serves no "
            + "protected-resource metadata, so ChatGPT cannot start linking.", tool: name,
          path: "/securitySchemes", evidence: evidence))
    }
    return out
  }
}
