import PreflightJSON
import ServerCheck
import Testing

/// The rules of issue 12 §4 added late (redirects, `openai/fileParams`, the
/// `mcp/www_authenticate` runtime challenge, RFC 9207 `iss`), each fired by an observation
/// built for it, and the cases where each must stay quiet.
@Suite struct RuntimeRuleTests {
  typealias F = CheckFixtures

  // MARK: fixtures

  static func chain(
    _ hops: [(String, Int, String?)], purpose: String = "The MCP endpoint",
    method: String = "POST", start: String = "https://notes.example.com/mcp",
    stopped: String? = nil
  ) -> CheckObservation {
    var o = F.http()
    o.redirects = [
      RedirectChain(
        purpose: purpose, method: method, start: start,
        hops: hops.enumerated().map { i, hop in
          RedirectHop(
            url: hop.0, status: hop.1, location: hop.2, evidence: [10 + 2 * i, 11 + 2 * i])
        }, stopped: stopped)
    ]
    return o
  }

  static func steps(_ urls: [String], status: Int = 307) -> [(String, Int, String?)] {
    zip(urls, urls.dropFirst()).map { ($0, status, $1) }
  }

  static let fileObject: JSONValue = [
    "type": "object",
    "properties": [
      "download_url": ["type": "string"], "file_id": ["type": "string"],
      "mime_type": ["type": "string"], "file_name": ["type": "string"],
    ],
    "required": ["download_url", "file_id"],
  ]

  /// A write tool taking `document` as a file, with `_meta["openai/fileParams"]` = `params`.
  static func fileTool(_ params: JSONValue, schema: JSONValue = fileObject) -> JSONValue {
    var tool = F.cleanTool("attach_file", readOnly: false)
    tool = F.tool(
      tool, setting: "inputSchema",
      to: ["type": "object", "properties": ["document": schema, "note": ["type": "string"]]])
    return F.tool(tool, setting: "_meta", to: ["openai/fileParams": params])
  }

  static let oauthOnly: JSONValue = [["type": "oauth2", "scopes": ["notes.read"]]]

  /// An observation of one read-only tool with `schemes`, called once with `result`.
  static func called(
    schemes: JSONValue?, result: JSONValue?, failure: String? = nil, calls: Bool = true
  ) -> CheckObservation {
    let tool = F.tool(F.cleanTool("list_private_notes"), setting: "securitySchemes", to: schemes)
    var o = F.observation(tools: [tool])
    if calls {
      o.calls = [
        ToolCallObservation(
          tool: "list_private_notes", result: result, failure: failure, evidence: [20, 21])
      ]
    }
    return o
  }

  static let goodChallenge: JSONValue = [
    "isError": true, "content": [["type": "text", "text": "Sign in first."]],
    "_meta": [
      "mcp/www_authenticate": [
        "Bearer resource_metadata=\"https://notes.example.com/.well-known/oauth-protected-resource\", error=\"insufficient_scope\", error_description=\"Sign in to read private notes\""
      ]
    ],
  ]

  static func challenge(_ value: JSONValue) -> JSONValue {
    ["isError": true, "content": [], "_meta": ["mcp/www_authenticate": value]]
  }

  static func authServer(_ document: JSONValue) -> CheckObservation {
    let origin = "https://notes.example.com"
    var o = F.http()
    o.auth = AuthObservation(
      status: nil,
      protectedResource: [
        MetadataFetch(
          url: origin + "/.well-known/oauth-protected-resource", status: 200,
          document: [
            "resource": .string(origin + "/mcp"),
            "authorization_servers": .array([.string(origin)]),
          ])
      ],
      authorizationServer: [
        MetadataFetch(
          url: origin + "/.well-known/oauth-authorization-server", status: 200,
          document: document, evidence: [30, 31])
      ])
    return o
  }

  static let asMetadata: JSONValue = [
    "issuer": "https://notes.example.com", "code_challenge_methods_supported": ["S256"],
    "registration_endpoint": "https://notes.example.com/register",
  ]

  // MARK: the table

  static let cases: [RuleCase] = {
    var c: [RuleCase] = []
    c.append(
      RuleCase(
        rule: CheckRules.redirectHTTPS,
        observation: chain([("https://notes.example.com/mcp", 301, "http://notes.example.com/mcp")]
        ),
        says: "down to plain http://notes.example.com/mcp"))
    c.append(
      RuleCase(
        rule: CheckRules.redirectHTTPS,
        observation: chain(
          [("http://127.0.0.1:8000/mcp", 307, "http://mcp.example.invalid/mcp")],
          start: "http://127.0.0.1:8000/mcp"),
        says: "to plain http://mcp.example.invalid/mcp on mcp.example.invalid"))
    c.append(
      RuleCase(
        rule: CheckRules.redirectHTTPS,
        observation: chain([("https://notes.example.com/mcp", 302, "ftp://notes.example.com/")]),
        says: "not an https:// URL"))
    c.append(
      RuleCase(
        rule: CheckRules.redirectLoop,
        observation: chain(
          steps([
            "https://notes.example.com/mcp", "https://notes.example.com/mcp/",
            "https://notes.example.com/mcp",
          ]), stopped: "the chain loops"),
        says: "redirects in a loop"))
    c.append(
      RuleCase(
        rule: CheckRules.redirectLoop,
        observation: chain(
          steps((0...21).map { "https://notes.example.com/r\($0)" }),
          stopped: "a redirect after 20, the most the check follows"),
        says: "gave up after 20 hops and a redirect still came"))
    c.append(
      RuleCase(
        rule: CheckRules.redirectLength,
        observation: chain(steps((0...6).map { "https://notes.example.com/r\($0)" })),
        says: "goes through 6 redirects"))
    c.append(
      RuleCase(
        rule: CheckRules.redirectCrossOrigin,
        observation: chain([
          ("https://notes.example.com/mcp", 307, "https://mcp.other.example.net/mcp")
        ]), says: "another origin, https://mcp.other.example.net:443"))
    c.append(
      RuleCase(
        rule: CheckRules.redirectMethod,
        observation: chain([("https://notes.example.com/mcp", 302, "https://notes.example.com/m")]),
        says: "answers a POST with HTTP 302"))
    c.append(
      RuleCase(
        rule: CheckRules.redirectSummary,
        observation: chain(
          [
            (
              "https://notes.example.com/.well-known/oauth-protected-resource", 308,
              "https://notes.example.com/.well-known/oauth-protected-resource/mcp"
            )
          ], purpose: "Protected-resource metadata", method: "GET",
          start: "https://notes.example.com/.well-known/oauth-protected-resource"),
        says: "→ 308 https://notes.example.com/.well-known/oauth-protected-resource/mcp"))

    c.append(
      RuleCase(
        rule: CheckRules.fileParamsType,
        observation: F.observation(tools: [fileTool("document")]), tool: "attach_file",
        says: "is a string, not an array"))
    c.append(
      RuleCase(
        rule: CheckRules.fileParamsType,
        observation: F.observation(tools: [fileTool(["document", 3])]),
        says: "non-string items"))
    c.append(
      RuleCase(
        rule: CheckRules.fileParamsName,
        observation: F.observation(tools: [fileTool(["attachment"])]), tool: "attach_file",
        says: "no such property"))
    c.append(
      RuleCase(
        rule: CheckRules.fileParamsName,
        observation: F.observation(tools: [fileTool(["document.file"])]),
        says: "nested field"))
    c.append(
      RuleCase(
        rule: CheckRules.fileParamsSchema,
        observation: F.observation(tools: [fileTool(["document"], schema: ["type": "string"])]),
        tool: "attach_file", says: "its type is \"string\""))
    c.append(
      RuleCase(
        rule: CheckRules.fileParamsSchema,
        observation: F.observation(tools: [
          fileTool(
            ["document"],
            schema: F.tool(
              fileObject, setting: "properties",
              to: [
                "download_url": ["type": "string"], "file_id": ["type": "string"],
              ]))
        ]), says: "does not declare mime_type, file_name"))
    c.append(
      RuleCase(
        rule: CheckRules.fileParamsSchema,
        observation: F.observation(tools: [
          fileTool(
            ["document"],
            schema: F.tool(
              fileObject, setting: "required", to: ["download_url", "file_id", "file_name"]))
        ]), says: "requires file_name"))
    c.append(
      RuleCase(
        rule: CheckRules.fileParamsSchema,
        observation: F.observation(tools: [
          fileTool(["document"], schema: F.tool(fileObject, setting: "required", to: nil))
        ]), says: "does not require download_url, file_id"))

    c.append(
      RuleCase(
        rule: CheckRules.authChallengeMissing,
        observation: called(schemes: oauthOnly, result: ["content": [], "structuredContent": [:]]),
        tool: "list_private_notes", says: "succeeded without a token"))
    c.append(
      RuleCase(
        rule: CheckRules.authChallengeMissing,
        observation: called(
          schemes: oauthOnly,
          result: ["isError": true, "content": [["type": "text", "text": "no"]]]),
        says: "returned isError: true without"))
    c.append(
      RuleCase(
        rule: CheckRules.authChallengeMissing,
        observation: called(schemes: oauthOnly, result: nil, failure: "JSON-RPC error -32001"),
        says: "failed (JSON-RPC error -32001)"))
    c.append(
      RuleCase(
        rule: CheckRules.authChallengeMalformed,
        observation: called(schemes: oauthOnly, result: challenge(42)),
        tool: "list_private_notes", says: "a number, not a challenge string"))
    c.append(
      RuleCase(
        rule: CheckRules.authChallengeMalformed,
        observation: called(
          schemes: oauthOnly, result: challenge("Bearer error=\"invalid_token\"")),
        says: "no error_description parameter"))
    c.append(
      RuleCase(
        rule: CheckRules.authChallengeMalformed,
        observation: called(schemes: oauthOnly, result: challenge("please sign in")),
        says: "is not an RFC 7235 challenge"))
    c.append(
      RuleCase(
        rule: CheckRules.authChallengeMalformed,
        observation: called(schemes: oauthOnly, result: challenge([])),
        says: "not a non-empty array of strings"))
    c.append(
      RuleCase(
        rule: CheckRules.authChallengeUndeclared,
        observation: called(schemes: nil, result: goodChallenge), tool: "list_private_notes",
        says: "declares no oauth2 securitySchemes"))
    c.append(
      RuleCase(
        rule: CheckRules.authChallengeSummary,
        observation: called(schemes: oauthOnly, result: goodChallenge),
        tool: "list_private_notes", says: "answered with a challenge ChatGPT can read"))
    c.append(
      RuleCase(
        rule: CheckRules.authChallengeSummary,
        observation: called(schemes: oauthOnly, result: nil, calls: false),
        says: "run with --call-read-only"))

    c.append(
      RuleCase(
        rule: CheckRules.authIss, observation: authServer(asMetadata),
        says: "does not set authorization_response_iss_parameter_supported"))
    c.append(
      RuleCase(
        rule: CheckRules.authIss,
        observation: authServer(
          F.tool(asMetadata, setting: "authorization_response_iss_parameter_supported", to: false)),
        says: "sets authorization_response_iss_parameter_supported to false"))
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
      #expect(finding.source == row.rule.source)
    }
    if let tool = row.tool {
      #expect(matching.contains { $0.tool == tool }, "\(matching.map(\.tool))")
    }
  }

  // MARK: where the rules stay quiet

  static func nonInfo(_ o: CheckObservation) -> [String] {
    CheckEngine.run(o).findings.filter { $0.severity != .info }.map(\.rule)
  }

  @Test func `an upgrade to https and a trailing-slash 308 are only noted`() {
    let o = Self.chain(
      [
        ("http://127.0.0.1:8000/mcp", 308, "http://127.0.0.1:8000/mcp/"),
        ("http://127.0.0.1:8000/mcp/", 307, "http://127.0.0.1:8000/v2/mcp"),
      ], start: "http://127.0.0.1:8000/mcp")
    #expect(Self.nonInfo(o).isEmpty, "\(Self.nonInfo(o))")
    let upgrade = Self.chain(
      [("http://notes.example.com/mcp", 308, "https://notes.example.com/mcp")],
      start: "http://notes.example.com/mcp")
    #expect(!Self.nonInfo(upgrade).contains(CheckRules.redirectCrossOrigin.id))
    #expect(!Self.nonInfo(upgrade).contains(CheckRules.redirectHTTPS.id))
    let summary = F.findings(CheckRules.redirectSummary, in: o)
    #expect(summary.count == 1)
    #expect(summary.first?.evidence == [10, 11, 12, 13])
  }

  @Test func `twenty hops that end are long, not endless`() {
    let twenty = Self.chain(Self.steps((0...20).map { "https://notes.example.com/r\($0)" }))
    #expect(Self.nonInfo(twenty) == [CheckRules.redirectLength.id], "\(Self.nonInfo(twenty))")
  }

  @Test func `five hops pass, a GET may be 302-redirected, and no chain means no finding`() {
    let five = Self.chain(Self.steps((0...5).map { "https://notes.example.com/r\($0)" }))
    #expect(Self.nonInfo(five).isEmpty, "\(Self.nonInfo(five))")
    let get = Self.chain(
      [("https://notes.example.com/a", 302, "https://notes.example.com/b")],
      purpose: "Authorization-server metadata", method: "GET")
    #expect(Self.nonInfo(get).isEmpty)
    #expect(CheckEngine.run(F.http()).findings.allSatisfy { !$0.rule.hasPrefix("redirects.") })
  }

  @Test func `the file object shape ChatGPT sends passes`() {
    let o = F.observation(tools: [Self.fileTool(["document"])])
    #expect(Self.nonInfo(o).isEmpty, "\(Self.nonInfo(o))")
    let untyped = F.tool(Self.fileObject, setting: "type", to: nil)
    #expect(
      Self.nonInfo(F.observation(tools: [Self.fileTool(["document"], schema: untyped)])).isEmpty)
  }

  @Test func `a well-formed challenge is no failed call, and mixed auth tools need none`() {
    let o = Self.called(schemes: Self.oauthOnly, result: Self.goodChallenge)
    #expect(Self.nonInfo(o).isEmpty, "\(Self.nonInfo(o))")
    let mixed: JSONValue = [["type": "noauth"], ["type": "oauth2", "scopes": ["notes.read"]]]
    let anonymous = Self.called(schemes: mixed, result: ["content": []])
    #expect(Self.nonInfo(anonymous).isEmpty, "\(Self.nonInfo(anonymous))")
    #expect(F.findings(CheckRules.authChallengeSummary, in: anonymous).isEmpty)
    var withToken = Self.called(schemes: Self.oauthOnly, result: ["content": []])
    withToken.target.usedCustomHeaders = true
    #expect(F.findings(CheckRules.authChallengeMissing, in: withToken).isEmpty)
    #expect(
      F.findings(CheckRules.authChallengeSummary, in: withToken).first?.message
        .contains("-H/--bearer") == true)
  }

  @Test func `challenges parse as RFC 7235 with quoted and token values`() {
    let parsed = CheckEngine.parseChallenge(
      #"Bearer resource_metadata="https://x/y", error=invalid_token, error_description="a \"b\"""#)
    #expect(parsed?.scheme == "Bearer")
    #expect(parsed?.params["error"] == "invalid_token")
    #expect(parsed?.params["error_description"] == #"a "b""#)
    #expect(parsed?.params["resource_metadata"] == "https://x/y")
    #expect(CheckEngine.parseChallenge("") == nil)
    #expect(CheckEngine.parseChallenge(#"Bearer error="open"#) == nil)
    #expect(CheckEngine.parseChallenge("Bearer error") == nil)
  }

  @Test func `a legacy skybridge template is labelled, and only unknown types are warned about`() {
    var o = F.observation(tools: [
      F.tool(setting: "_meta", to: ["openai/outputTemplate": "ui://w.html"])
    ])
    o.templates = [
      TemplateRead(
        uri: "ui://w.html",
        result: [
          "contents": [
            [
              "uri": "ui://w.html", "mimeType": "text/html+skybridge",
              "_meta": [
                "openai/widgetCSP": ["connect_domains": []],
                "openai/widgetDomain": "https://w.example.com",
              ],
            ]
          ]
        ])
    ]
    #expect(F.findings(CheckRules.templateMIME, in: o).isEmpty)
    #expect(F.findings(CheckRules.templateMeta, in: o).isEmpty, "legacy keys count")
    #expect(
      F.findings(CheckRules.templateSummary, in: o).first?.message
        .contains("loaded with the legacy Skybridge bridge") == true)
  }

  @Test func `an authorization server announcing iss gets no iss warning`() {
    let o = Self.authServer(
      F.tool(Self.asMetadata, setting: "authorization_response_iss_parameter_supported", to: true))
    #expect(F.findings(CheckRules.authIss, in: o).isEmpty)
  }
}
