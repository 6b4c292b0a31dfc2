import ApprovalPolicy
import PreflightJSON
import ServerCheck
import Testing

/// Every rule of the catalog, fired by an observation built for it, without a network.
@Suite struct RuleTableTests {
  typealias F = CheckFixtures

  static let longText = String(repeating: "Adds a note. ", count: 1_500)
  static let hugeSchema: JSONValue = .object(
    JSONObject(
      [JSONMember(key: "type", value: "object")]
        + [
          JSONMember(
            key: "properties",
            value: .object(
              JSONObject(
                (0..<120).map {
                  JSONMember(
                    key: "field_\($0)",
                    value: [
                      "type": "string",
                      "description": .string(
                        String(repeating: "A field that says a lot. ", count: 8)),
                    ])
                })))
        ]))

  static let cases: [RuleCase] = {
    var c: [RuleCase] = []
    var failed = F.http()
    failed.initializeResult = nil
    failed.toolPages = []
    failed.connectionFailure = "connection refused"
    c.append(RuleCase(rule: CheckRules.reachable, observation: failed, says: "connection refused"))
    c.append(RuleCase(rule: CheckRules.transport, observation: F.http(), says: "Streamable HTTP"))
    c.append(
      RuleCase(rule: CheckRules.legacySSE, observation: F.http(transport: "sse"), says: "legacy"))
    c.append(
      RuleCase(
        rule: CheckRules.https, observation: F.http("http://notes.example.com/mcp"),
        says: "plain http://"))
    c.append(
      RuleCase(
        rule: CheckRules.publicURL, observation: F.http("http://127.0.0.1:8000/mcp"),
        says: "loopback"))
    c.append(RuleCase(rule: CheckRules.publicURL, observation: F.observation(), says: "stdio"))
    c.append(
      RuleCase(
        rule: CheckRules.path, observation: F.http("https://notes.example.com/api"),
        says: "\"/api\""))
    var badID = F.http()
    badID.http.sessionIDs = [("a b", 3)]
    c.append(RuleCase(rule: CheckRules.headers, observation: badID, says: "Mcp-Session-Id"))
    var badType = F.http()
    badType.http.contentTypes = [("text/plain", 3)]
    c.append(RuleCase(rule: CheckRules.headers, observation: badType, says: "text/plain"))
    var custom = F.http()
    custom.target.usedCustomHeaders = true
    c.append(RuleCase(rule: CheckRules.customHeaders, observation: custom, says: "-H"))

    func discover(_ message: JSONValue?, status: Int = 200) -> CheckObservation {
      var o = F.http()
      o.discover = DiscoverProbe(status: status, contentType: "application/json", message: message)
      return o
    }
    c.append(
      RuleCase(
        rule: CheckRules.discoverInconsistent,
        observation: discover([
          "jsonrpc": "2.0", "id": "openai-mcp-discover",
          "result": ["supportedVersions": ["2025-11-25"], "ttlMs": 0, "cacheScope": "public"],
        ]), says: "omits 2026-07-28"))
    c.append(
      RuleCase(
        rule: CheckRules.discoverHTTPStatus, observation: discover(nil, status: 400),
        says: "HTTP 400"))
    c.append(
      RuleCase(
        rule: CheckRules.discoverOutcome,
        observation: discover([
          "jsonrpc": "2.0", "id": "openai-mcp-discover",
          "error": ["code": -32601, "message": "nope"],
        ]), says: "falls back to initialize"))
    c.append(
      RuleCase(
        rule: CheckRules.discoverOutcome,
        observation: discover(["jsonrpc": "2.0", "id": "openai-mcp-discover", "result": [:]]),
        says: "not a DiscoverResult"))
    c.append(
      RuleCase(
        rule: CheckRules.discoverFields,
        observation: discover([
          "jsonrpc": "2.0", "id": "openai-mcp-discover",
          "result": ["supportedVersions": ["2026-07-28"]],
        ]), says: "ttlMs"))
    c.append(
      RuleCase(rule: CheckRules.discoverSkipped, observation: F.observation(), says: "stdio"))

    c.append(
      RuleCase(
        rule: CheckRules.initializeInvalid,
        observation: F.observation(initialize: ["protocolVersion": "2025-11-25"]),
        says: "no serverInfo"))
    c.append(
      RuleCase(
        rule: CheckRules.protocolVersion,
        observation: F.observation(
          initialize: F.tool(F.initialize, setting: "protocolVersion", to: "2024-11-05")),
        says: "2024-11-05"))
    c.append(
      RuleCase(rule: CheckRules.initializeSummary, observation: F.observation(), says: "notes"))
    let midSentence =
      String(repeating: "Use the notes tools. ", count: 24) + "This goes on well past the cut."
    c.append(
      RuleCase(
        rule: CheckRules.instructions,
        observation: F.observation(
          initialize: F.tool(F.initialize, setting: "instructions", to: .string(midSentence))),
        says: "mid-sentence"))
    let clean = String(repeating: "Use the notes tools.", count: 25) + "\n" + "More after."
    let cleanCut = String(clean.prefix(500)) + String(repeating: "x", count: 11) + ".\nMore."
    c.append(
      RuleCase(
        rule: CheckRules.instructionsLong,
        observation: F.observation(
          initialize: F.tool(F.initialize, setting: "instructions", to: .string(cleanCut))),
        says: "sentence boundary"))

    var listFailed = F.observation()
    listFailed.toolsFailure = "pagination loops"
    c.append(RuleCase(rule: CheckRules.listFailed, observation: listFailed, says: "loops"))
    c.append(
      RuleCase(rule: CheckRules.listEmpty, observation: F.observation(tools: []), says: "no tools"))
    var emptyPage = F.observation()
    emptyPage.toolPages = [["tools": [], "nextCursor": "2"], ["tools": [F.cleanTool()]]]
    emptyPage.toolsEvidence = [4, 6]
    c.append(RuleCase(rule: CheckRules.pagination, observation: emptyPage, says: "no tools"))
    var numberCursor = F.observation()
    numberCursor.toolPages = [["tools": [F.cleanTool()], "nextCursor": 2], ["tools": []]]
    c.append(RuleCase(rule: CheckRules.pagination, observation: numberCursor, says: "number"))
    c.append(
      RuleCase(
        rule: CheckRules.toolCount,
        observation: F.observation(tools: (0..<21).map { F.cleanTool("tool_\($0)") }),
        says: "21 tools"))
    c.append(
      RuleCase(
        rule: CheckRules.duplicateName,
        observation: F.observation(tools: [F.cleanTool(), F.cleanTool()]), tool: "list_notes",
        says: "2 tools"))
    c.append(
      RuleCase(
        rule: CheckRules.nameInvalid,
        observation: F.observation(tools: [F.cleanTool("list notes")]),
        tool: "list notes", says: "not 1–128"))
    c.append(
      RuleCase(
        rule: CheckRules.nameOpenAI, observation: F.observation(tools: [F.cleanTool("notes.list")]),
        tool: "notes.list", says: "\".\""))
    c.append(
      RuleCase(
        rule: CheckRules.nameOpenAI,
        observation: F.observation(tools: [F.cleanTool(String(repeating: "n", count: 70))]),
        says: "over 64"))
    c.append(
      RuleCase(
        rule: CheckRules.annotationsMissing,
        observation: F.observation(tools: [
          F.annotated(["readOnlyHint": false, "destructiveHint": false])
        ]), tool: "add_note", says: "openWorldHint"))
    c.append(
      RuleCase(
        rule: CheckRules.annotationsNull,
        observation: F.observation(tools: [
          F.annotated(["readOnlyHint": false, "destructiveHint": nil, "openWorldHint": false])
        ]), tool: "add_note", says: "destructiveHint to null"))
    c.append(
      RuleCase(
        rule: CheckRules.annotationsInvalid,
        observation: F.observation(tools: [
          F.annotated(["readOnlyHint": "true", "destructiveHint": false, "openWorldHint": false])
        ]), tool: "add_note", says: "not a boolean"))
    c.append(
      RuleCase(
        rule: CheckRules.approval,
        observation: F.observation(tools: [F.cleanTool(readOnly: false)]),
        tool: "list_notes", says: "asks before running"))
    c.append(
      RuleCase(
        rule: CheckRules.hintsMismatch,
        observation: F.observation(tools: [
          F.annotated(
            ["readOnlyHint": false, "destructiveHint": false, "openWorldHint": false],
            name: "deleteNote")
        ]), tool: "deleteNote", says: "\"delete\""))
    c.append(
      RuleCase(
        rule: CheckRules.hintsMismatch,
        observation: F.observation(tools: [F.cleanTool("send_email")]), tool: "send_email",
        says: "\"send\""))
    c.append(
      RuleCase(
        rule: CheckRules.descriptionMissing,
        observation: F.observation(tools: [F.tool(setting: "description", to: nil)]),
        tool: "list_notes", says: "no description"))
    c.append(
      RuleCase(
        rule: CheckRules.descriptionShort,
        observation: F.observation(tools: [F.tool(setting: "description", to: "Lists.")]),
        says: "6 characters"))
    c.append(
      RuleCase(
        rule: CheckRules.descriptionLong,
        observation: F.observation(tools: [
          F.tool(setting: "description", to: .string(longText))
        ]), says: "19500 characters"))
    c.append(
      RuleCase(
        rule: CheckRules.inputSchemaObject,
        observation: F.observation(tools: [F.tool(setting: "inputSchema", to: nil)]),
        says: "no inputSchema"))
    c.append(
      RuleCase(
        rule: CheckRules.inputSchemaObject,
        observation: F.observation(tools: [F.tool(setting: "inputSchema", to: ["type": "array"])]),
        says: "not \"object\""))
    c.append(
      RuleCase(
        rule: CheckRules.inputSchemaInvalid,
        observation: F.observation(tools: [
          F.tool(
            setting: "inputSchema",
            to: ["type": "object", "properties": ["a": ["type": "string", "pattern": "[a-"]]])
        ]), says: "not valid JSON Schema"))
    c.append(
      RuleCase(
        rule: CheckRules.outputSchemaInvalid,
        observation: F.observation(tools: [F.tool(setting: "outputSchema", to: "object")]),
        says: "not a schema object"))
    c.append(
      RuleCase(
        rule: CheckRules.toolTokens,
        observation: F.observation(tools: [F.tool(setting: "inputSchema", to: hugeSchema)]),
        tool: "list_notes", says: "over 5,000"))
    c.append(
      RuleCase(
        rule: CheckRules.totalTokens,
        observation: F.observation(
          tools: (0..<5).map {
            F.tool(
              F.cleanTool("bulk_\($0)"), setting: "inputSchema",
              to: .object(
                JSONObject([
                  JSONMember(key: "type", value: "object"),
                  JSONMember(
                    key: "description", value: .string(String(repeating: "word ", count: 3_300))),
                ])))
          }), says: "over 16,000"))
    c.append(
      RuleCase(rule: CheckRules.tokenSummary, observation: F.observation(), says: "(estimate"))
    c.append(
      RuleCase(
        rule: CheckRules.invocationText,
        observation: F.observation(tools: [
          F.tool(
            setting: "_meta",
            to: ["openai/toolInvocation/invoked": .string(String(repeating: "d", count: 65))])
        ]), tool: "list_notes", says: "65 characters"))
    c.append(
      RuleCase(
        rule: CheckRules.securitySchemes,
        observation: F.observation(tools: [
          F.tool(setting: "securitySchemes", to: [["type": "apikey"]])
        ]), says: "\"apikey\""))
    c.append(
      RuleCase(
        rule: CheckRules.securitySchemes,
        observation: F.observation(tools: [
          F.tool(
            F.tool(setting: "securitySchemes", to: [["type": "noauth"]]), setting: "_meta",
            to: ["securitySchemes": [["type": "oauth2"]]])
        ]), says: "differ"))
    var oauthNoPRM = F.http(tools: [F.tool(setting: "securitySchemes", to: [["type": "oauth2"]])])
    oauthNoPRM.auth = AuthObservation(protectedResource: [MetadataFetch(url: "u", status: 404)])
    c.append(
      RuleCase(rule: CheckRules.securitySchemes, observation: oauthNoPRM, says: "no protected"))
    c.append(
      RuleCase(
        rule: CheckRules.hidden,
        observation: F.observation(tools: [
          F.tool(setting: "_meta", to: ["openai/visibility": "private"])
        ]), says: "private"))

    let templated = F.tool(setting: "_meta", to: ["ui": ["resourceUri": "ui://w.html"]])
    func template(_ read: TemplateRead) -> CheckObservation {
      var o = F.observation(tools: [templated])
      o.templates = [read]
      return o
    }
    c.append(
      RuleCase(
        rule: CheckRules.templateUnresolved,
        observation: template(TemplateRead(uri: "ui://w.html", failure: "not found")),
        tool: "list_notes", says: "not found"))
    c.append(
      RuleCase(
        rule: CheckRules.templateUnresolved,
        observation: template(TemplateRead(uri: "ui://w.html", result: ["contents": []])),
        says: "no contents"))
    let good: JSONValue = [
      "uri": "ui://w.html", "mimeType": "text/html;profile=mcp-app",
      "_meta": ["ui": ["csp": ["connectDomains": []], "domain": "https://w.example.com"]],
    ]
    c.append(
      RuleCase(
        rule: CheckRules.templateMIME,
        observation: template(
          TemplateRead(
            uri: "ui://w.html",
            result: ["contents": [F.tool(good, setting: "mimeType", to: "text/html")]])),
        says: "\"text/html\""))
    c.append(
      RuleCase(
        rule: CheckRules.templateMeta,
        observation: template(
          TemplateRead(
            uri: "ui://w.html", result: ["contents": [F.tool(good, setting: "_meta", to: nil)]])),
        says: "CSP"))
    c.append(
      RuleCase(
        rule: CheckRules.templateSummary,
        observation: template(TemplateRead(uri: "ui://w.html", result: ["contents": [good]])),
        says: "MCP Apps bridge"))

    let origin = "https://notes.example.com"
    let prm = MetadataFetch(
      url: origin + "/.well-known/oauth-protected-resource", status: 200,
      document: [
        "resource": .string(origin + "/mcp"), "authorization_servers": .array([.string(origin)]),
      ])
    let asGood: JSONValue = [
      "issuer": .string(origin), "code_challenge_methods_supported": ["S256"],
      "registration_endpoint": .string(origin + "/register"),
    ]
    func auth(challenge: String? = "Bearer realm=\"x\"", prm: [MetadataFetch], as: JSONValue?)
      -> CheckObservation
    {
      var o = F.http()
      o.initializeResult = nil
      o.toolPages = []
      o.connectionFailure = "HTTP 401"
      o.auth = AuthObservation(
        status: 401, challenge: challenge, protectedResource: prm,
        authorizationServer: [
          MetadataFetch(
            url: origin + "/.well-known/oauth-authorization-server",
            status: `as` == nil ? 404 : 200,
            document: `as`)
        ])
      return o
    }
    c.append(
      RuleCase(
        rule: CheckRules.authChallenge, observation: auth(challenge: nil, prm: [prm], as: asGood),
        says: "without a WWW-Authenticate"))
    c.append(
      RuleCase(
        rule: CheckRules.authSummary, observation: auth(prm: [prm], as: asGood),
        says: "Bearer realm"))
    c.append(
      RuleCase(
        rule: CheckRules.protectedResource,
        observation: auth(prm: [MetadataFetch(url: origin + "/x", status: 404)], as: asGood),
        says: "HTTP 404"))
    c.append(
      RuleCase(
        rule: CheckRules.authorizationServer, observation: auth(prm: [prm], as: nil),
        says: "No authorization-server metadata"))
    c.append(
      RuleCase(
        rule: CheckRules.pkce,
        observation: auth(
          prm: [prm], as: F.tool(asGood, setting: "code_challenge_methods_supported", to: ["plain"])
        ),
        says: "without S256"))
    c.append(
      RuleCase(
        rule: CheckRules.registration,
        observation: auth(
          prm: [prm], as: F.tool(asGood, setting: "registration_endpoint", to: nil)),
        says: "neither registration_endpoint"))

    let withOutput = F.tool(
      setting: "outputSchema",
      to: ["type": "object", "properties": ["n": ["type": "integer"]], "required": ["n"]])
    func call(_ result: JSONValue?, failure: String? = nil) -> CheckObservation {
      var o = F.observation(tools: [withOutput])
      o.calls = [ToolCallObservation(tool: "list_notes", result: result, failure: failure)]
      return o
    }
    c.append(
      RuleCase(
        rule: CheckRules.outputMismatch, observation: call(["structuredContent": ["n": "x"]]),
        tool: "list_notes", says: "does not match"))
    c.append(
      RuleCase(
        rule: CheckRules.outputMismatch, observation: call(["content": []]),
        says: "no structuredContent"))
    c.append(
      RuleCase(
        rule: CheckRules.callFailed,
        observation: call(["isError": true, "content": [["type": "text", "text": "down"]]]),
        says: "down"))
    c.append(
      RuleCase(
        rule: CheckRules.callFailed, observation: call(nil, failure: "timeout"), says: "timeout"))
    c.append(
      RuleCase(
        rule: CheckRules.callSummary, observation: call(["structuredContent": ["n": 1]]),
        says: "Called 1"))
    return c
  }()

  @Test(arguments: cases)
  func `each rule fires on the observation built to break it`(_ row: RuleCase) {
    let found = F.findings(row.rule, in: row.observation)
    #expect(
      !found.isEmpty,
      "no \(row.rule.id) finding; got \(CheckEngine.run(row.observation).findings.map(\.rule))")
    let matching = found.filter { $0.message.contains(row.says) }
    #expect(
      !matching.isEmpty, "no \(row.rule.id) message contains \(row.says): \(found.map(\.message))")
    for finding in found {
      #expect(finding.severity == row.rule.severity)
      #expect(finding.chatgpt == row.rule.chatgpt && finding.fix == row.rule.fix)
      #expect(finding.source == row.rule.source)
    }
    if let tool = row.tool {
      #expect(matching.contains { $0.tool == tool }, "\(matching.map(\.tool))")
    }
  }

  @Test func `a clean HTTPS server has no errors and no warnings`() {
    var o = F.http()
    o.discover = DiscoverProbe(
      status: 200,
      message: ["jsonrpc": "2.0", "id": "x", "error": ["code": -32601, "message": "no"]])
    let report = CheckReport(observation: o)
    #expect(
      report.findings.filter { $0.severity != .info }.isEmpty, "\(report.findings.map(\.rule))")
    #expect(report.verdict == .connect)
    #expect(report.exitCode == 0)
  }

  @Test func `every rule of the catalog is exercised by the table or the baseline tests`() {
    let tabled = Set((Self.cases + RuntimeRuleTests.cases).map(\.rule.id))
    let baseline = Set(CheckRules.all.filter { $0.id.hasPrefix("baseline.") }.map(\.id))
    let missing = CheckRules.all.map(\.id).filter { !tabled.contains($0) && !baseline.contains($0) }
    #expect(missing.isEmpty, "rules without a table row: \(missing)")
    #expect(Set(CheckRules.all.map(\.id)).count == CheckRules.all.count, "rule ids are unique")
  }
}
