/// The catalog of connector-check rules. `docs/check-rules.md` publishes the same table; a test
/// keeps the two in step.
public enum CheckRules {
  static let devmode = "https://developers.openai.com/api/docs/guides/developer-mode"
  static let buildServer = "https://developers.openai.com/apps-sdk/build/mcp-server"
  static let pluginsBuild = "https://developers.openai.com/plugins/build/mcp-server"
  static let pluginsRef = "https://developers.openai.com/plugins/reference"
  static let auth = "https://developers.openai.com/apps-sdk/build/auth"
  static let troubleshoot = "https://developers.openai.com/apps-sdk/deploy/troubleshooting"
  static let submissionErrors = "https://developers.openai.com/plugins/deploy/submission-errors"
  static let appReview = "https://developers.openai.com/plugins/deploy/app-review"
  static let toolsSpec =
    "https://modelcontextprotocol.io/specification/2025-11-25/server/tools"
  static let lifecycleSpec =
    "https://modelcontextprotocol.io/specification/2025-11-25/basic/lifecycle"
  static let transportSpec =
    "https://modelcontextprotocol.io/specification/2025-11-25/basic/transports"
  static let forumScan =
    "https://community.openai.com/t/openai-app-submission-tool-scan-failed-internal-service-error/1376398"

  // MARK: connection

  /// The server could not be reached or the handshake failed.
  public static let reachable = CheckRule(
    id: "connection.reachable", severity: .error,
    chatgpt: "Verify Connection fails and the connector cannot be created.",
    fix: "Make sure the server is running and the URL is the MCP endpoint itself (usually /mcp).",
    source: troubleshoot + " (chatgpt-approval.md §16)")
  /// Which transport the session used.
  public static let transport = CheckRule(
    id: "connection.transport", severity: .info,
    chatgpt: "ChatGPT speaks Streamable HTTP (recommended) and legacy HTTP+SSE.",
    fix: "Nothing to fix; Streamable HTTP at a stable URL is what production apps need.",
    source: pluginsBuild + " (chatgpt-approval.md §11)")
  /// Only the legacy HTTP+SSE transport works.
  public static let legacySSE = CheckRule(
    id: "connection.transport.legacy-sse", severity: .warning,
    chatgpt: "Developer mode accepts SSE, but published apps must serve Streamable HTTP.",
    fix: "Serve Streamable HTTP (POST to the MCP endpoint) at a stable URL ending in /mcp.",
    source: pluginsBuild + " (chatgpt-approval.md §11, §15)")
  /// Plain http:// on a non-loopback host.
  public static let https = CheckRule(
    id: "connection.https", severity: .error,
    chatgpt: "ChatGPT requires HTTPS and will not connect to a plain http:// URL.",
    fix: "Serve the endpoint over HTTPS (a TLS-terminating proxy or tunnel is fine).",
    source: buildServer + " (chatgpt-approval.md §11)")
  /// A stdio or loopback target.
  public static let publicURL = CheckRule(
    id: "connection.public-url", severity: .info,
    chatgpt: "ChatGPT needs a public HTTPS URL; it cannot start a local process or reach "
      + "localhost.",
    fix: "Deploy the server behind a public HTTPS URL (or the Secure MCP Tunnel in developer "
      + "mode) before creating the connector.",
    source: devmode + " (chatgpt-approval.md §11)")
  /// The URL path does not end in /mcp.
  public static let path = CheckRule(
    id: "connection.path", severity: .info,
    chatgpt: "Production apps use a stable URL, typically ending in /mcp; a wrong path is the "
      + "commonest cause of \"no tools listed\".",
    fix: "Point the connector at the MCP endpoint itself, conventionally /mcp.",
    source: pluginsBuild + " (chatgpt-approval.md §11, §16)")
  /// Mcp-Session-Id or Content-Type headers malformed.
  public static let headers = CheckRule(
    id: "connection.headers", severity: .warning,
    chatgpt: "ChatGPT echoes Mcp-Session-Id and reads JSON or SSE answers; a malformed header "
      + "breaks the session or the answer.",
    fix: "Send Mcp-Session-Id as visible ASCII (0x21–0x7E) only, and answer POSTs with "
      + "Content-Type application/json or text/event-stream.",
    source: transportSpec + " (mcp-client.md)")
  /// Custom headers were needed to connect.
  public static let customHeaders = CheckRule(
    id: "connection.custom-headers", severity: .warning,
    chatgpt: "ChatGPT cannot send custom headers or API keys; it authenticates only with "
      + "OAuth (or no auth).",
    fix: "Make the server work without custom headers, or put it behind OAuth as ChatGPT "
      + "expects; check again without -H/--bearer.",
    source: auth + " (chatgpt-approval.md §13.4)")

  // MARK: discover and initialize

  /// server/discover answered with a DiscoverResult lacking 2026-07-28.
  public static let discoverInconsistent = CheckRule(
    id: "discover.version-missing", severity: .error,
    chatgpt: "Observed: ChatGPT does not fall back to initialize; connector creation fails "
      + "with HTTP 424 \"MCP server/discover response was inconsistent\".",
    fix: "Either serve 2026-07-28 (and list it in supportedVersions) or answer the probe "
      + "with JSON-RPC error -32601 so ChatGPT falls back to initialize.",
    source: "openai/tunnel-client#63, #71 (mcp-2026-07-28.md §15.3, §15.4; observed)")
  /// server/discover answered with an HTTP 4xx/5xx.
  public static let discoverHTTPStatus = CheckRule(
    id: "discover.http-status", severity: .warning,
    chatgpt: "Observed: after a bare HTTP 400 to the probe ChatGPT fell back, yet reported the "
      + "tool fetch as failed (424).",
    fix: "Answer server/discover with HTTP 200 and JSON-RPC error -32601 (method not found).",
    source: "sollahiro/blue-ticker (mcp-2026-07-28.md §15.3, §15.4; observed)")
  /// How the discover probe went, when it is fine.
  public static let discoverOutcome = CheckRule(
    id: "discover.outcome", severity: .info,
    chatgpt: "Observed: ChatGPT probes with server/discover before initialize; a JSON-RPC "
      + "error or a non-DiscoverResult answer makes it fall back to initialize.",
    fix: "Nothing to fix.",
    source: "xwfe/gld review; openai/tunnel-client#41 (mcp-2026-07-28.md §15.2–15.4; observed)")
  /// A modern DiscoverResult lacks ttlMs/cacheScope or serverInfo.
  public static let discoverFields = CheckRule(
    id: "discover.result-fields", severity: .warning,
    chatgpt: "A 2026-07-28 DiscoverResult must carry ttlMs and cacheScope and should carry "
      + "_meta io.modelcontextprotocol/serverInfo; clients may reject it otherwise.",
    fix: "Add ttlMs, cacheScope and _meta[\"io.modelcontextprotocol/serverInfo\"] to the "
      + "server/discover result.",
    source: "MCP 2026-07-28 server/discover (mcp-2026-07-28.md §5, §15.4)")
  /// The probe was not sent (stdio).
  public static let discoverSkipped = CheckRule(
    id: "discover.skipped", severity: .info,
    chatgpt: "ChatGPT sends the probe over HTTP only; it never reaches stdio servers.",
    fix: "Check the deployed HTTPS URL to see how the probe goes.",
    source: "mcp-2026-07-28.md §15.2")
  /// initialize answered with something invalid.
  public static let initializeInvalid = CheckRule(
    id: "initialize.invalid", severity: .error,
    chatgpt: "Observed: when initialize fails ChatGPT shows the connector as connected with "
      + "zero actions and a generic error banner.",
    fix: "Answer initialize with protocolVersion, capabilities (an object) and serverInfo "
      + "{name, version}.",
    source: lifecycleSpec + " (chatgpt-approval.md §16; modelcontextprotocol/swift-sdk#262)")
  /// initialize agreed a version ChatGPT does not speak.
  public static let protocolVersion = CheckRule(
    id: "initialize.protocol-version", severity: .error,
    chatgpt: "ChatGPT offers 2025-11-25 (earlier connectors 2025-06-18 and 2025-03-26); a "
      + "server that answers another version cannot be used.",
    fix: "Negotiate one of 2025-11-25, 2025-06-18 or 2025-03-26.",
    source: lifecycleSpec + " (chatgpt-approval.md §12)")
  /// The negotiated version and server, for the record.
  public static let initializeSummary = CheckRule(
    id: "initialize.summary", severity: .info,
    chatgpt: "ChatGPT would use this server name and protocol version.",
    fix: "Nothing to fix.",
    source: "chatgpt-approval.md §12")
  /// instructions longer than 512 characters.
  public static let instructions = CheckRule(
    id: "initialize.instructions", severity: .warning,
    chatgpt: "ChatGPT relies on the first 512 characters of the server instructions; what "
      + "falls past them may be lost, and a cut mid-sentence reads badly.",
    fix: "Make the first 512 characters self-contained, ending at a sentence boundary.",
    source: devmode + "; " + buildServer + " (chatgpt-approval.md §15)")

  /// instructions longer than 512 characters, cut at a sentence boundary.
  public static let instructionsLong = CheckRule(
    id: "initialize.instructions.long", severity: .info,
    chatgpt: "ChatGPT relies on the first 512 characters of the server instructions; here they "
      + "end at a sentence boundary, but the rest may not be read.",
    fix: "Keep what matters in the first 512 characters.",
    source: devmode + "; " + buildServer + " (chatgpt-approval.md §15)")

  // MARK: tools

  /// tools/list failed or paged inconsistently.
  public static let listFailed = CheckRule(
    id: "tools.list.failed", severity: .error,
    chatgpt: "Verify Connection shows an error instead of the tool list.",
    fix: "Answer tools/list with a tools array; give each page a fresh nextCursor and omit it "
      + "on the last page.",
    source: toolsSpec + " (chatgpt-approval.md §14)")
  /// tools/list returned nothing.
  public static let listEmpty = CheckRule(
    id: "tools.list.empty", severity: .error,
    chatgpt: "ChatGPT lists the tools the server advertises; with none the connector does "
      + "nothing.",
    fix: "Advertise at least one tool (and declare the tools capability).",
    source: troubleshoot + " (chatgpt-approval.md §14, §16)")
  /// Pagination oddities that did not stop the listing.
  public static let pagination = CheckRule(
    id: "tools.list.pagination", severity: .warning,
    chatgpt: "ChatGPT follows nextCursor through every page; an odd cursor or an empty middle "
      + "page risks a truncated or failed tool list.",
    fix: "Use string cursors, put at least one tool on every page but the last, and omit "
      + "nextCursor on the last page.",
    source: toolsSpec)
  /// More than 20 tools.
  public static let toolCount = CheckRule(
    id: "tools.count", severity: .info,
    chatgpt: "No documented cap, but OpenAI suggests fewer than 20 tools at the start of a "
      + "turn for reliable tool choice.",
    fix: "Consider fewer, broader tools.",
    source: "https://developers.openai.com/api/docs/guides/function-calling "
      + "(chatgpt-approval.md §15)")
  /// Two tools share a name.
  public static let duplicateName = CheckRule(
    id: "tools.name.duplicate", severity: .error,
    chatgpt: "Tool names must be unique; ChatGPT calls tools by name, so one of the two is "
      + "unreachable or the list is rejected.",
    fix: "Give every tool a unique name.",
    source: toolsSpec + " (chatgpt-approval.md §15)")
  /// A name outside MCP's character set or length.
  public static let nameInvalid = CheckRule(
    id: "tools.name.invalid", severity: .warning,
    chatgpt: "MCP says tool names SHOULD be 1–128 characters of A–Z a–z 0–9 _ - .; others may "
      + "be rejected.",
    fix: "Rename the tool using only letters, digits, _ and -.",
    source: toolsSpec + " (chatgpt-approval.md §15)")
  /// A name OpenAI's models reject.
  public static let nameOpenAI = CheckRule(
    id: "tools.name.openai", severity: .warning,
    chatgpt: "OpenAI's model API was seen rejecting tool names outside ^[a-zA-Z0-9_-]+$ and "
      + "function names over 64 characters.",
    fix: "Use only letters, digits, _ and -, at most 64 characters.",
    source: "openai/codex#8174 (chatgpt-approval.md §15; observed)")
  /// A required hint is absent.
  public static let annotationsMissing = CheckRule(
    id: "tools.annotations.missing", severity: .warning,
    chatgpt: "App submission fails with annotations_required; at runtime a tool without "
      + "readOnlyHint: true is treated as a write and asks for confirmation.",
    fix: "Set readOnlyHint, destructiveHint and openWorldHint to explicit booleans in the "
      + "tool's annotations.",
    source: submissionErrors + " (chatgpt-approval.md §7)")
  /// A required hint is null.
  public static let annotationsNull = CheckRule(
    id: "tools.annotations.null", severity: .warning,
    chatgpt: "A null hint counts as missing: submission fails with annotations_required and "
      + "ChatGPT treats the tool as a write.",
    fix: "Replace null with true or false.",
    source: buildServer + "; " + submissionErrors + " (chatgpt-approval.md §7)")
  /// A required hint is not a boolean.
  public static let annotationsInvalid = CheckRule(
    id: "tools.annotations.invalid", severity: .warning,
    chatgpt: "Only JSON booleans count: a string \"true\" is ignored, so submission fails "
      + "with annotations_required and ChatGPT treats the tool as a write.",
    fix: "Use the JSON booleans true or false, not strings or numbers.",
    source: submissionErrors + " (chatgpt-approval.md §1, §7)")
  /// What ChatGPT does when the model calls each tool.
  public static let approval = CheckRule(
    id: "tools.approval", severity: .info,
    chatgpt: "ChatGPT runs a tool at once only when readOnlyHint is exactly true; every other "
      + "tool asks the user first.",
    fix: "Nothing to fix if this is what you intend; mark read-only tools readOnlyHint: true.",
    source: devmode + " (chatgpt-approval.md §1)")
  /// The hints look inconsistent with the name.
  public static let hintsMismatch = CheckRule(
    id: "tools.annotations.mismatch", severity: .info,
    chatgpt: "App review rejects hints that do not match the tool's behaviour (a heuristic on "
      + "the tool's name: Preflight cannot see what the tool does).",
    fix: "Mark tools that delete, send or start work destructive / not read-only as they are.",
    source: appReview + " (chatgpt-approval.md §7, §15)")
  /// A tool without a description.
  public static let descriptionMissing = CheckRule(
    id: "tools.description.missing", severity: .warning,
    chatgpt: "The model picks tools by their descriptions; without one it guesses from the "
      + "name.",
    fix: "Describe what the tool does and when to use it.",
    source: "https://developers.openai.com/apps-sdk/guides/optimize-metadata")
  /// A very short description.
  public static let descriptionShort = CheckRule(
    id: "tools.description.short", severity: .info,
    chatgpt: "A description under 20 characters rarely tells the model when to use the tool.",
    fix: "Say what the tool does, when to use it and what it returns.",
    source: "https://developers.openai.com/apps-sdk/guides/optimize-metadata")
  /// A very long description.
  public static let descriptionLong = CheckRule(
    id: "tools.description.long", severity: .warning,
    chatgpt: "One report of descriptions cut near 19,700 characters; long descriptions also "
      + "eat the token budget.",
    fix: "Keep descriptions short; move reference material into a resource.",
    source: "https://community.openai.com/t/1371022 (chatgpt-approval.md §15; observed)")
  /// inputSchema missing or not an object schema.
  public static let inputSchemaObject = CheckRule(
    id: "tools.input-schema.object", severity: .error,
    chatgpt: "ChatGPT passes the input schema to the model as function parameters, which must "
      + "be an object schema.",
    fix: "Give the tool an inputSchema with \"type\": \"object\" (and properties).",
    source: toolsSpec)
  /// inputSchema not valid JSON Schema.
  public static let inputSchemaInvalid = CheckRule(
    id: "tools.input-schema.invalid", severity: .error,
    chatgpt: "A schema that does not compile cannot validate the model's arguments; calls may "
      + "be rejected or arguments mangled.",
    fix: "Fix the schema (see the message for the keyword and its location).",
    source: toolsSpec)
  /// outputSchema not valid.
  public static let outputSchemaInvalid = CheckRule(
    id: "tools.output-schema.invalid", severity: .error,
    chatgpt: "structuredContent must match outputSchema; an invalid schema makes every result "
      + "a schema mismatch.",
    fix: "Make outputSchema an object schema that compiles.",
    source: troubleshoot + " (chatgpt-approval.md §9.4, §15)")
  /// One tool definition over 5,000 tokens.
  public static let toolTokens = CheckRule(
    id: "tools.tokens.tool", severity: .error,
    chatgpt: "\"All tools (including name, description, and input schema) must be less than "
      + "5000 tokens.\" Estimated as the UTF-8 bytes of the compact JSON of {name, title, "
      + "description, inputSchema, outputSchema, annotations} divided by 4, rounded up.",
    fix: "Shorten the description and schema descriptions; split the tool.",
    source: forumScan + " (chatgpt-approval.md §15; staff, relayed)")
  /// All tool definitions over 16,000 tokens.
  public static let totalTokens = CheckRule(
    id: "tools.tokens.total", severity: .error,
    chatgpt: "The combined tool definitions must stay under 16,000 tokens (the real ceiling is "
      + "reported between 16k and 32k). Estimated as for tools.tokens.tool, summed.",
    fix: "Fewer tools, shorter descriptions and schemas.",
    source: forumScan + "; homeassistant-ai/ha-mcp#614 (chatgpt-approval.md §15)")
  /// The token estimate, for the record.
  public static let tokenSummary = CheckRule(
    id: "tools.tokens.summary", severity: .info,
    chatgpt: "The estimate ChatGPT's limits are checked against: UTF-8 bytes of the compact JSON "
      + "definition divided by 4 (Preflight cannot run OpenAI's tokenizer).",
    fix: "Nothing to fix.",
    source: "chatgpt-approval.md §15")
  /// Invocation status texts over 64 characters.
  public static let invocationText = CheckRule(
    id: "tools.invocation-text", severity: .error,
    chatgpt: "openai/toolInvocation/invoking and …/invoked must be at most 64 characters.",
    fix: "Shorten the status text to 64 characters or fewer.",
    source: pluginsRef + " (chatgpt-approval.md §9.1, §15)")
  /// Per-tool securitySchemes inconsistent.
  public static let securitySchemes = CheckRule(
    id: "tools.security-schemes", severity: .warning,
    chatgpt: "ChatGPT reads per-tool securitySchemes (noauth / oauth2) to decide when to start "
      + "OAuth linking; it needs protected-resource metadata for oauth2 tools.",
    fix: "Use only {type: noauth} and {type: oauth2, scopes: […]}, keep the _meta mirror "
      + "equal to the top-level field, and serve /.well-known/oauth-protected-resource.",
    source: auth + " (chatgpt-approval.md §9.1, §13.3)")
  /// Hidden from the model.
  public static let hidden = CheckRule(
    id: "tools.visibility", severity: .info,
    chatgpt: "A tool whose _meta.ui.visibility lacks \"model\" (or openai/visibility is "
      + "\"private\") is hidden from the model and callable only from a widget.",
    fix: "Nothing to fix if intended.",
    source: pluginsRef + " (chatgpt-approval.md §9.5)")

  // MARK: templates

  /// A template that resources/read cannot resolve.
  public static let templateUnresolved = CheckRule(
    id: "templates.unresolved", severity: .error,
    chatgpt: "ChatGPT shows \"structured content only, no component\": the template the tool "
      + "names cannot be loaded.",
    fix: "Register the template as a resource so resources/read returns it.",
    source: troubleshoot + " (chatgpt-approval.md §9.3)")
  /// A template with a non-widget MIME type.
  public static let templateMIME = CheckRule(
    id: "templates.mime-type", severity: .warning,
    chatgpt: "ChatGPT enables the widget bridge only for text/html;profile=mcp-app (or legacy "
      + "text/html+skybridge); any other type renders no component.",
    fix: "Serve the template with mimeType text/html;profile=mcp-app.",
    source: buildServer + " (chatgpt-approval.md §9.3)")
  /// A template without CSP or domain metadata.
  public static let templateMeta = CheckRule(
    id: "templates.meta", severity: .warning,
    chatgpt: "App submission requires a unique widget domain; without a CSP the widget can "
      + "reach nothing outside the sandbox.",
    fix: "Add _meta.ui.csp {connectDomains, resourceDomains} and _meta.ui.domain to the "
      + "template's contents.",
    source: pluginsRef + " (chatgpt-approval.md §9.2, §15)")
  /// What a template resolves to, for the record.
  public static let templateSummary = CheckRule(
    id: "templates.summary", severity: .info,
    chatgpt: "The template ChatGPT would load for the tool's results, with its CSP and domain.",
    fix: "Nothing to fix.",
    source: "chatgpt-approval.md §9.2, §9.3")

  // MARK: auth

  /// 401 without a challenge.
  public static let authChallenge = CheckRule(
    id: "auth.challenge", severity: .error,
    chatgpt: "ChatGPT starts OAuth from the WWW-Authenticate challenge of a 401; without it "
      + "linking loops or fails.",
    fix: "Answer 401 with WWW-Authenticate: Bearer resource_metadata=\"https://…/.well-known/"
      + "oauth-protected-resource\".",
    source: troubleshoot + "; " + auth + " (chatgpt-approval.md §13.2, §16)")
  /// The 401 and its challenge, for the record.
  public static let authSummary = CheckRule(
    id: "auth.summary", severity: .info,
    chatgpt: "ChatGPT would run OAuth discovery from this challenge.",
    fix: "Nothing to fix.",
    source: auth + " (chatgpt-approval.md §13.2)")
  /// No protected-resource metadata.
  public static let protectedResource = CheckRule(
    id: "auth.protected-resource", severity: .error,
    chatgpt: "ChatGPT reads RFC 9728 protected-resource metadata to find the authorization "
      + "server; without it: \"Error fetching OAuth configuration.\"",
    fix: "Serve /.well-known/oauth-protected-resource with resource and "
      + "authorization_servers (or point to it with resource_metadata in the challenge).",
    source: auth + " (chatgpt-approval.md §13.2, §16)")
  /// No authorization-server metadata.
  public static let authorizationServer = CheckRule(
    id: "auth.authorization-server", severity: .error,
    chatgpt: "ChatGPT fetches RFC 8414 or OpenID discovery metadata from each authorization "
      + "server; without it OAuth cannot start.",
    fix: "Serve /.well-known/oauth-authorization-server (or openid-configuration) on the "
      + "authorization server.",
    source: auth + " (chatgpt-approval.md §13.2)")
  /// S256 not advertised.
  public static let pkce = CheckRule(
    id: "auth.pkce-s256", severity: .error,
    chatgpt: "ChatGPT refuses to continue unless code_challenge_methods_supported includes "
      + "S256.",
    fix: "Support PKCE S256 and list it in code_challenge_methods_supported.",
    source: auth + " (chatgpt-approval.md §13.2, §16)")
  /// No DCR and no CIMD.
  public static let registration = CheckRule(
    id: "auth.registration", severity: .warning,
    chatgpt: "Without a registration_endpoint (DCR) or client_id_metadata_document_supported "
      + "(CIMD), ChatGPT can only use static credentials typed in by the connector's creator.",
    fix: "Expose registration_endpoint, or support Client ID Metadata Documents.",
    source: auth + " (chatgpt-approval.md §13.2, §16)")

  // MARK: calls

  /// structuredContent does not match outputSchema.
  public static let outputMismatch = CheckRule(
    id: "calls.output-schema", severity: .error,
    chatgpt: "structuredContent must match the declared outputSchema; ChatGPT reports a "
      + "schema mismatch error.",
    fix: "Return structuredContent that conforms to outputSchema (or fix the schema).",
    source: troubleshoot + " (chatgpt-approval.md §9.4, §15)")
  /// A read-only call failed.
  public static let callFailed = CheckRule(
    id: "calls.failed", severity: .warning,
    chatgpt: "The model sees the error; ChatGPT may call the tool again.",
    fix: "Make the tool succeed without arguments, or require the arguments it needs.",
    source: "chatgpt-approval.md §15")
  /// Calls made or skipped, for the record.
  public static let callSummary = CheckRule(
    id: "calls.summary", severity: .info,
    chatgpt: "ChatGPT runs read-only tools without asking, so they are the ones it calls most "
      + "freely.",
    fix: "Nothing to fix.",
    source: "chatgpt-approval.md §1")

  // MARK: refresh

  /// A tool appeared since the baseline.
  public static let baselineAdded = CheckRule(
    id: "baseline.added", severity: .info,
    chatgpt: "Refresh pulls the new tool; approved apps keep their frozen snapshot until "
      + "reviewed again.",
    fix: "Nothing to fix; save a new baseline when the change is intended.",
    source: "https://developers.openai.com/apps-sdk/deploy/connect-chatgpt "
      + "(chatgpt-approval.md §14)")
  /// A tool disappeared since the baseline.
  public static let baselineRemoved = CheckRule(
    id: "baseline.removed", severity: .warning,
    chatgpt: "After Refresh the model can no longer call it; conversations and prompts that "
      + "used it break.",
    fix: "Keep the tool, or accept the break and save a new baseline.",
    source: "chatgpt-approval.md §14")
  /// A tool was renamed since the baseline.
  public static let baselineRenamed = CheckRule(
    id: "baseline.renamed", severity: .warning,
    chatgpt: "ChatGPT calls tools by name; a renamed tool is a removed tool to every caller.",
    fix: "Keep the old name (or both) until callers have moved.",
    source: "chatgpt-approval.md §14")
  /// A change that flips ChatGPT's approval decision.
  public static let baselineApproval = CheckRule(
    id: "baseline.approval-flipped", severity: .warning,
    chatgpt: "After Refresh ChatGPT runs at once a tool it used to ask about, or asks about a "
      + "tool it used to run.",
    fix: "Check the hints are right; users will notice the new behaviour.",
    source: devmode + " (chatgpt-approval.md §1, §14)")
  /// A new required argument.
  public static let baselineRequired = CheckRule(
    id: "baseline.required-argument", severity: .warning,
    chatgpt: "Callers that do not send the new required argument fail validation.",
    fix: "Make the new argument optional with a default.",
    source: toolsSpec + " (chatgpt-approval.md §14)")
  /// Any other change.
  public static let baselineChanged = CheckRule(
    id: "baseline.changed", severity: .info,
    chatgpt: "Refresh pulls the changed description, schema or metadata.",
    fix: "Nothing to fix; save a new baseline when the change is intended.",
    source: "chatgpt-approval.md §14")

  /// Every rule, in report order.
  public static let all: [CheckRule] = [
    reachable, transport, legacySSE, https, publicURL, path, headers, customHeaders,
    redirectHTTPS, redirectLoop, redirectLength, redirectCrossOrigin, redirectMethod,
    redirectSummary,
    discoverInconsistent, discoverHTTPStatus, discoverOutcome, discoverFields, discoverSkipped,
    initializeInvalid, protocolVersion, initializeSummary, instructions, instructionsLong,
    listFailed, listEmpty, pagination, toolCount, duplicateName, nameInvalid, nameOpenAI,
    annotationsMissing, annotationsNull, annotationsInvalid, approval, hintsMismatch,
    descriptionMissing, descriptionShort, descriptionLong, inputSchemaObject, inputSchemaInvalid,
    outputSchemaInvalid, toolTokens, totalTokens, tokenSummary, invocationText, securitySchemes,
    fileParamsType, fileParamsName, fileParamsSchema, hidden,
    templateUnresolved, templateMIME, templateMeta, templateSummary,
    authChallenge, authSummary, protectedResource, authorizationServer, pkce, registration,
    authIss,
    outputMismatch, callFailed, callSummary,
    authChallengeMissing, authChallengeMalformed, authChallengeUndeclared, authChallengeSummary,
    baselineAdded, baselineRemoved, baselineRenamed, baselineApproval, baselineRequired,
    baselineChanged,
  ]
}
