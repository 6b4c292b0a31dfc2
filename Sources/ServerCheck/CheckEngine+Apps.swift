import PreflightCore
import PreflightJSON

extension CheckEngine {
  /// The widget MIME types ChatGPT renders.
  public static let widgetMIMETypes = ["text/html;profile=mcp-app", "text/html+skybridge"]

  /// The template URI a tool names (`_meta.ui.resourceUri`, else the legacy
  /// `_meta["openai/outputTemplate"]`), if any.
  public static func templateURI(of tool: JSONValue) -> String? {
    tool["_meta"]?["ui"]?["resourceUri"]?.stringValue
      ?? tool["_meta"]?["openai/outputTemplate"]?.stringValue
  }

  /// Every template URI the tools name, each once, in order.
  public static func templateURIs(of tools: [JSONValue]) -> [String] {
    var seen = Set<String>()
    return tools.compactMap(templateURI).filter { seen.insert($0).inserted }
  }

  /// Whether each template resolves to a widget MIME type with CSP and domain metadata.
  static func templateFindings(_ o: CheckObservation) -> [CheckFinding] {
    var out: [CheckFinding] = []
    let tools = o.tools
    for read in o.templates {
      let users = tools.filter { templateURI(of: $0) == read.uri }
        .compactMap { $0["name"]?.stringValue }
      let tool = users.first
      let named = users.map { quoted($0) }.joined(separator: ", ")
      let ev = read.evidence
      if let failure = read.failure {
        out.append(
          CheckRules.templateUnresolved.finding(
            "Template \(quoted(read.uri)) (named by \(named)) does not resolve: \(failure)",
            tool: tool, path: "/_meta", evidence: ev))
        continue
      }
      let contents = read.result?["contents"]?.arrayValue ?? []
      guard
        let content = contents.first(where: { $0["uri"]?.stringValue == read.uri })
          ?? contents.first
      else {
        out.append(
          CheckRules.templateUnresolved.finding(
            "resources/read for \(quoted(read.uri)) returned no contents.", tool: tool,
            path: "/_meta", evidence: ev))
        continue
      }
      let mime = content["mimeType"]?.stringValue ?? ""
      let normalized = mime.lowercased().replacingOccurrences(of: " ", with: "")
      let bridge: String
      switch normalized {
      case "text/html;profile=mcp-app": bridge = "the MCP Apps bridge"
      case "text/html+skybridge": bridge = "the legacy Skybridge bridge"
      default: bridge = ""
      }
      if bridge.isEmpty {
        out.append(
          CheckRules.templateMIME.finding(
            "Template \(quoted(read.uri)) has MIME type "
              + (mime.isEmpty ? "(none)" : quoted(mime)) + ", not a widget type.",
            tool: tool, path: "/contents/mimeType", evidence: ev))
      }
      let meta = content["_meta"]
      let csp = meta?["ui"]?["csp"] ?? meta?["openai/widgetCSP"]
      let domain = meta?["ui"]?["domain"] ?? meta?["openai/widgetDomain"]
      var missing: [String] = []
      if csp == nil { missing.append("a CSP (_meta.ui.csp)") }
      if domain == nil { missing.append("a widget domain (_meta.ui.domain)") }
      if !missing.isEmpty {
        out.append(
          CheckRules.templateMeta.finding(
            "Template \(quoted(read.uri)) lacks " + missing.joined(separator: " and ") + ".",
            tool: tool, path: "/contents/_meta", evidence: ev))
      }
      var summary = "Template \(quoted(read.uri)) for \(named): "
      summary += mime.isEmpty ? "no MIME type" : quoted(mime)
      summary += bridge.isEmpty ? ", which no ChatGPT bridge loads" : ", loaded with \(bridge)"
      if let csp { summary += "; CSP " + JSONPrinter.compact(csp).prefix(160) }
      if let domain { summary += "; domain " + JSONPrinter.compact(domain).prefix(80) }
      out.append(
        CheckRules.templateSummary.finding(summary + ".", tool: tool, path: "/_meta", evidence: ev))
    }
    return out
  }

  /// The 401 challenge, protected-resource and authorization-server metadata, PKCE and
  /// client registration.
  static func authFindings(_ o: CheckObservation) -> [CheckFinding] {
    guard let auth = o.auth else { return [] }
    var out: [CheckFinding] = []
    if let status = auth.status {
      if let challenge = auth.challenge {
        out.append(
          CheckRules.authSummary.finding(
            "The server answered HTTP \(status) with WWW-Authenticate: \(challenge). "
              + (o.initializeResult == nil
                ? "The tools were not checked: ChatGPT lists them after OAuth linking."
                : "(Without -H/--bearer; the tools were checked with them.)"),
            path: "WWW-Authenticate", evidence: auth.evidence))
      } else {
        out.append(
          CheckRules.authChallenge.finding(
            "The server answered HTTP \(status) without a WWW-Authenticate challenge.",
            path: "WWW-Authenticate", evidence: auth.evidence))
      }
    }
    let tried = { (fetches: [MetadataFetch]) in
      fetches.map { f in
        f.url + " → " + (f.status.map { "HTTP \($0)" } ?? "no answer")
          + (f.failure.map { " (\($0))" } ?? "")
      }.joined(separator: "; ")
    }
    guard let prm = auth.protectedResourceDocument else {
      if auth.status != nil {
        out.append(
          CheckRules.protectedResource.finding(
            "No protected-resource metadata was found. Tried: "
              + (auth.protectedResource.isEmpty ? "nothing" : tried(auth.protectedResource)),
            evidence: auth.protectedResource.flatMap(\.evidence)))
      }
      return out
    }
    let servers =
      prm.document?["authorization_servers"]?.arrayValue?.compactMap(\.stringValue) ?? []
    if servers.isEmpty {
      out.append(
        CheckRules.protectedResource.finding(
          "The protected-resource metadata at \(prm.url) lists no authorization_servers.",
          path: "/authorization_servers", evidence: prm.evidence))
      return out
    }
    guard let asMeta = auth.authorizationServerDocument, let document = asMeta.document else {
      out.append(
        CheckRules.authorizationServer.finding(
          "No authorization-server metadata was found for \(servers[0]). Tried: "
            + tried(auth.authorizationServer),
          evidence: auth.authorizationServer.flatMap(\.evidence)))
      return out
    }
    let methods =
      document["code_challenge_methods_supported"]?.arrayValue?.compactMap(\.stringValue) ?? []
    if !methods.contains("S256") {
      out.append(
        CheckRules.pkce.finding(
          "\(asMeta.url) lists code_challenge_methods_supported as "
            + (methods.isEmpty ? "(nothing)" : methods.joined(separator: ", "))
            + ", without S256.", path: "/code_challenge_methods_supported",
          evidence: asMeta.evidence))
    }
    if document["authorization_response_iss_parameter_supported"]?.boolValue != true {
      let value = document["authorization_response_iss_parameter_supported"]
      out.append(
        CheckRules.authIss.finding(
          "\(asMeta.url) "
            + (value.map {
              "sets authorization_response_iss_parameter_supported to "
                + JSONPrinter.compact($0).prefix(20)
            } ?? "does not set authorization_response_iss_parameter_supported")
            + " (RFC 9207).", path: "/authorization_response_iss_parameter_supported",
          evidence: asMeta.evidence))
    }
    let registration = document["registration_endpoint"]?.stringValue
    let cimd = document["client_id_metadata_document_supported"]?.boolValue == true
    if registration == nil && !cimd {
      out.append(
        CheckRules.registration.finding(
          "\(asMeta.url) has neither registration_endpoint nor "
            + "client_id_metadata_document_supported: true.", path: "/registration_endpoint",
          evidence: asMeta.evidence))
    } else {
      var text = "Authorization server \(asMeta.url): "
      text += methods.contains("S256") ? "PKCE S256" : "no S256"
      if let registration { text += ", dynamic client registration at \(registration)" }
      if cimd { text += ", Client ID Metadata Documents" }
      out.append(CheckRules.authSummary.finding(text + ".", evidence: asMeta.evidence))
    }
    return out
  }

  /// Read-only tools `--call-read-only` can call: `readOnlyHint` exactly true and no required
  /// arguments.
  public static func callableReadOnlyTools(_ tools: [JSONValue]) -> [String] {
    tools.compactMap { tool in
      guard let name = tool["name"]?.stringValue,
        tool["annotations"]?["readOnlyHint"] == .bool(true),
        (tool["inputSchema"]?["required"]?.arrayValue ?? []).isEmpty
      else { return nil }
      return name
    }
  }

  /// `structuredContent` against `outputSchema` for each call `--call-read-only` made.
  static func callFindings(_ o: CheckObservation) -> [CheckFinding] {
    guard let calls = o.calls else { return [] }
    var out: [CheckFinding] = []
    let tools = o.tools
    for call in calls {
      let name = call.tool
      let tool = tools.first { $0["name"]?.stringValue == name }
      if let failure = call.failure {
        out.append(
          CheckRules.callFailed.finding(
            "Calling \(quoted(name)) with no arguments failed: \(failure)", tool: name,
            evidence: call.evidence))
        continue
      }
      guard let result = call.result else { continue }
      // An OAuth challenge is the expected answer without a token (the auth-challenge rules).
      if result["_meta"]?[challengeKey] != nil { continue }
      if result["isError"] == .bool(true) {
        let text = result["content"]?[0]?["text"]?.stringValue ?? ""
        out.append(
          CheckRules.callFailed.finding(
            "Calling \(quoted(name)) with no arguments returned isError: true"
              + (text.isEmpty ? "." : ": " + quoted(text, limit: 120)), tool: name,
            evidence: call.evidence))
        continue
      }
      guard let schema = tool?["outputSchema"], schema.objectValue != nil else { continue }
      guard let structured = result["structuredContent"] else {
        out.append(
          CheckRules.outputMismatch.finding(
            "\(quoted(name)) declares an outputSchema but its result has no structuredContent.",
            tool: name, path: "/structuredContent", evidence: call.evidence))
        continue
      }
      let violations = JSONSchemaValidator(
        schema: schema, options: .init(rootName: "structuredContent")
      ).validate(structured)
      if !violations.isEmpty {
        out.append(
          CheckRules.outputMismatch.finding(
            "\(quoted(name))'s structuredContent does not match its outputSchema: "
              + violations.prefix(3).map(\.description).joined(separator: "; "),
            tool: name, path: "/structuredContent", evidence: call.evidence))
      }
    }
    let callable = Set(calls.map(\.tool))
    let skipped = tools.compactMap { tool -> String? in
      guard let name = tool["name"]?.stringValue,
        tool["annotations"]?["readOnlyHint"] == .bool(true), !callable.contains(name)
      else { return nil }
      return name
    }
    var text = "Called \(calls.count) read-only tool" + (calls.count == 1 ? "" : "s")
    if !calls.isEmpty { text += " (" + calls.map { quoted($0.tool) }.joined(separator: ", ") + ")" }
    if !skipped.isEmpty {
      text +=
        "; skipped " + skipped.map { quoted($0) }.joined(separator: ", ")
        + ", which need arguments"
    }
    out.append(CheckRules.callSummary.finding(text + "."))
    return out
  }
}
