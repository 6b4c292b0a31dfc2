/// The rules added for issue 12 §4: redirects, `openai/fileParams`, the
/// `mcp/www_authenticate` runtime challenge and RFC 9207 `iss`. ``CheckRules/all`` lists them
/// in report order.
extension CheckRules {
  static let redirectInference =
    "Preflight's inference: the reference records no redirect rule of ChatGPT's"

  // MARK: redirects

  /// A redirect leaves HTTPS.
  public static let redirectHTTPS = CheckRule(
    id: "redirects.https", severity: .error,
    chatgpt: "ChatGPT requires HTTPS; a redirect to plain http:// (or from https:// down to "
      + "http://) sends the request, and any token, in the clear, so it cannot be followed.",
    fix: "Redirect only to https:// URLs, or better, give ChatGPT the final URL itself.",
    source: buildServer + " (chatgpt-approval.md §11; applying HTTPS to every hop is "
      + redirectInference + ")")
  /// A redirect chain loops, or does not end within the hard limit.
  public static let redirectLoop = CheckRule(
    id: "redirects.loop", severity: .error,
    chatgpt: "A redirect chain that comes back to a URL it passed, or does not end within 20 "
      + "hops, never reaches the server: no tools are listed.",
    fix: "Fix the redirect rules (often a trailing-slash or http/https rule that undoes "
      + "another) so the URL answers directly.",
    source: "https://fetch.spec.whatwg.org/#http-redirect-fetch (20 hops); " + redirectInference)
  /// A redirect chain longer than five hops.
  public static let redirectLength = CheckRule(
    id: "redirects.chain-length", severity: .warning,
    chatgpt: "ChatGPT's redirect limit is not documented; some MCP clients stop after 5 "
      + "(observed), and every hop adds latency to each request.",
    fix: "Give ChatGPT the URL the chain ends at.",
    source: "danny-avila/LibreChat#12850 (5 hops; observed); " + redirectInference)
  /// A redirect to another origin.
  public static let redirectCrossOrigin = CheckRule(
    id: "redirects.cross-origin", severity: .warning,
    chatgpt: "Inferred (the reference records nothing on redirects): HTTP clients drop the "
      + "Authorization header on a redirect to another host (the Fetch standard, libcurl), so "
      + "linked users' calls would arrive without their token; and the token's audience is "
      + "the protected-resource metadata's resource, which ChatGPT sends as the OAuth resource "
      + "and which names one origin, not both.",
    fix: "Give ChatGPT the final URL, or serve the endpoint and its metadata on the origin "
      + "the connector names.",
    source: auth + " (chatgpt-approval.md §13.2); " + redirectInference)
  /// A POST redirected with 301, 302 or 303.
  public static let redirectMethod = CheckRule(
    id: "redirects.method", severity: .warning,
    chatgpt: "After a 301, 302 or 303 HTTP clients repeat a POST as a GET without its body "
      + "(RFC 9110 §15.4), so the JSON-RPC request is lost.",
    fix: "Use 307 or 308, which keep the method and body, or give ChatGPT the final URL.",
    source: "https://www.rfc-editor.org/rfc/rfc9110#section-15.4; " + redirectInference)
  /// The redirects the check followed, for the record.
  public static let redirectSummary = CheckRule(
    id: "redirects.summary", severity: .info,
    chatgpt: "ChatGPT would meet these redirects before reaching the server.",
    fix: "Nothing to fix; the connector URL could name the final URL.",
    source: "chatgpt-approval.md §11")

  // MARK: file params

  /// `openai/fileParams` is not an array of strings.
  public static let fileParamsType = CheckRule(
    id: "tools.file-params.type", severity: .error,
    chatgpt: "ChatGPT reads _meta[\"openai/fileParams\"] as an array of top-level argument "
      + "names; any other value is not accepted.",
    fix: "Make openai/fileParams an array of the names of the input properties that take "
      + "files, e.g. [\"document\"].",
    source: pluginsRef + " (chatgpt-approval.md §9.1, §15)")
  /// A name in `openai/fileParams` that is not a top-level input property.
  public static let fileParamsName = CheckRule(
    id: "tools.file-params.name", severity: .error,
    chatgpt: "Each name must be a top-level property of inputSchema; nested file fields are "
      + "not supported, so ChatGPT has nowhere to put the file.",
    fix: "List only names of inputSchema.properties, and move nested file fields to the top "
      + "level.",
    source: pluginsRef + " (chatgpt-approval.md §9.1, §15)")
  /// A file parameter whose schema is not the file object.
  public static let fileParamsSchema = CheckRule(
    id: "tools.file-params.schema", severity: .error,
    chatgpt: "ChatGPT fills a file parameter with {download_url, file_id, mime_type?, "
      + "file_name?}; the schema must declare all four and require only download_url and "
      + "file_id.",
    fix: "Give the property {\"type\": \"object\", \"properties\": {download_url, file_id, "
      + "mime_type, file_name: {\"type\": \"string\"}}, \"required\": [\"download_url\", "
      + "\"file_id\"]}.",
    source: pluginsRef + "; " + buildServer + " (chatgpt-approval.md §9.1, §15)")

  // MARK: runtime auth challenge

  /// An OAuth-only tool called without a token answered without the challenge.
  public static let authChallengeMissing = CheckRule(
    id: "tools.auth-challenge.missing", severity: .error,
    chatgpt: "ChatGPT starts linking from a tool call only when the result carries "
      + "_meta[\"mcp/www_authenticate\"]; \"without both halves ChatGPT will not show the "
      + "linking UI\".",
    fix: "When the tool is called without a valid token, return a result with isError: true "
      + "and _meta[\"mcp/www_authenticate\"]: [\"Bearer resource_metadata=\\\"…\\\", "
      + "error=\\\"insufficient_scope\\\", error_description=\\\"…\\\"\"].",
    source: auth + " (chatgpt-approval.md §8, §13.3)")
  /// The challenge is not in the shape ChatGPT reads.
  public static let authChallengeMalformed = CheckRule(
    id: "tools.auth-challenge.malformed", severity: .error,
    chatgpt: "ChatGPT reads _meta[\"mcp/www_authenticate\"] as an RFC 7235 challenge string "
      + "(or an array of them) carrying error and error_description; otherwise it shows no "
      + "linking UI.",
    fix: "Send a string (or array of strings) such as Bearer resource_metadata=\"…\", "
      + "error=\"insufficient_scope\", error_description=\"Sign in to read private notes\".",
    source: auth + " (chatgpt-approval.md §9.4, §13.3)")
  /// A challenge from a tool that declares no OAuth scheme.
  public static let authChallengeUndeclared = CheckRule(
    id: "tools.auth-challenge.undeclared", severity: .error,
    chatgpt: "The linking UI needs both the runtime challenge and an oauth2 securitySchemes "
      + "entry on the tool; with the challenge alone ChatGPT shows no linking UI.",
    fix: "Declare securitySchemes: [{type: \"oauth2\", scopes: […]}] on the tool (and the "
      + "_meta mirror), or stop sending the challenge.",
    source: auth + " (chatgpt-approval.md §8, §13.3)")
  /// What the check could see of the runtime challenge.
  public static let authChallengeSummary = CheckRule(
    id: "tools.auth-challenge.summary", severity: .info,
    chatgpt: "ChatGPT starts OAuth linking from a tool call's _meta[\"mcp/www_authenticate\"] "
      + "challenge.",
    fix: "Nothing to fix; to let the check see the challenge, make the tool read-only with no "
      + "required arguments and run with --call-read-only (the check never calls write tools).",
    source: auth + " (chatgpt-approval.md §13.3)")

  // MARK: RFC 9207

  /// The authorization server does not announce RFC 9207 `iss`.
  public static let authIss = CheckRule(
    id: "auth.iss", severity: .warning,
    chatgpt: "ChatGPT uses its stable redirect URI only when the authorization server returns "
      + "RFC 9207 iss in authorization responses; otherwise it uses a per-connector "
      + "https://chatgpt.com/connector/oauth/{callback_id}, which your allow-list must accept.",
    fix: "Return iss in authorization responses and set "
      + "authorization_response_iss_parameter_supported: true in the metadata.",
    source: auth + " (chatgpt-approval.md §13.2)")
}
