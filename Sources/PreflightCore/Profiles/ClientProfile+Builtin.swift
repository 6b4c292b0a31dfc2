import PreflightJSON

extension ClientProfile {
  /// The protocol versions this build speaks, newest first (initialize-based revisions).
  public static let supportedProtocolVersions = [
    "2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05",
  ]

  /// Preflight's version, sent as `clientInfo.version` by the `full` profile.
  public static let preflightVersion = "0.1.0"

  /// A desktop browser's user agent: ChatGPT passes on the user's client, "best effort"
  /// (chatgpt-approval.md §9.6); a current Chrome on macOS is the most common web client.
  public static let chatGPTUserAgent =
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
    + "Chrome/142.0.0.0 Safari/537.36"

  /// `openai/userLocation` in the documented shape `{city, region, country, timezone, longitude,
  /// latitude}` (Apps SDK reference, 2025): a coarse, IP-derived place, ISO 3166-1 country,
  /// IANA time zone, WGS 84 degrees as numbers.
  public static let chatGPTUserLocation: JSONValue = [
    "city": "San Francisco", "region": "California", "country": "US",
    "timezone": "America/Los_Angeles", "longitude": -122.4194, "latitude": 37.7749,
  ]

  /// The request `_meta` of ChatGPT's tool calls, 2026 (chatgpt-approval.md §9.6), every key it
  /// sends. Shapes: `openai/locale` a BCP 47 tag; `openai/userAgent` the browser's user agent;
  /// `openai/userLocation` as ``chatGPTUserLocation``; `openai/subject` and `openai/session`
  /// opaque anonymised ids (``RequestIdentity`` puts a per-user subject and a per-conversation
  /// session in place of these placeholders); `openai/organization` an OpenAI organization id
  /// (`org-` and 24 characters). Values are fake; `--request-meta` overrides them key by key.
  public static let chatGPTPlaceholderMeta: JSONValue = [
    "openai/locale": "en-US",
    "openai/userAgent": .string(chatGPTUserAgent),
    "openai/userLocation": chatGPTUserLocation,
    "openai/subject": "v1/preflight-subject",
    "openai/session": "v1/preflight-session",
    "openai/organization": "org-preflightPlaceholder0000",
  ]

  /// The 2025 subset: locale, user agent, location and subject (Apps SDK reference, late 2025);
  /// `openai/session` and `openai/organization` appear only in the 2026 reference.
  public static let chatGPT2025PlaceholderMeta: JSONValue = [
    "openai/locale": "en-US",
    "openai/userAgent": .string(chatGPTUserAgent),
    "openai/userLocation": chatGPTUserLocation,
    "openai/subject": "v1/preflight-subject",
  ]

  /// ChatGPT in 2026, legacy era (chatgpt-approval.md §12.2): `2025-11-25`, object-valued
  /// `experimental` and the MCP Apps `extensions` map.
  public static let chatgpt = ClientProfile(
    name: "chatgpt",
    summary: "ChatGPT developer mode, 2026 (legacy initialize handshake)",
    clientInfo: ["name": "openai-mcp", "version": "1.0.0"],
    protocolVersion: "2025-11-25",
    capabilities: [
      "experimental": ["openai/visibility": ["enabled": true]],
      "extensions": ["io.modelcontextprotocol/ui": ["mimeTypes": ["text/html;profile=mcp-app"]]],
    ],
    sendsProgressTokens: false,
    toolCallMeta: chatGPTPlaceholderMeta,
    initializeMeta: ["openai/locale": "en-US"],
    sessionIDEcho: .exceptToolsCall,
    opensGetStream: false,
    timeout: .seconds(60), resetTimeoutOnProgress: false, maxTotal: nil,
    idStyle: .numeric(start: 0),
    provenance: [
      "clientInfo, protocolVersion and capabilities: observed (swift-sdk#262, 2026-07) [OBS]",
      "no progressToken on tool calls: observed (OpenAI forum) [OBS]",
      "Mcp-Session-Id not echoed on tools/call: observed [OBS]",
      "request _meta keys: documented (Apps SDK reference, 2026); values are realistic fakes: "
        + "openai/subject is per user (derived from a hash of the machine and user ids), "
        + "openai/session is new for each conversation",
      "60 s timeout without reset: observed [OBS]",
    ])

  /// ChatGPT in 2025 (chatgpt-approval.md §12.1): `2025-06-18`, empty capabilities.
  public static let chatgpt2025 = ClientProfile(
    name: "chatgpt-2025",
    summary: "ChatGPT developer mode, 2025 capture (2025-06-18, empty capabilities)",
    clientInfo: ["name": "openai-mcp", "version": "1.0.0"],
    protocolVersion: "2025-06-18",
    capabilities: [:],
    sendsProgressTokens: false,
    toolCallMeta: chatGPT2025PlaceholderMeta,
    initializeMeta: ["openai/locale": "en-US"],
    sessionIDEcho: .always,
    opensGetStream: true,
    timeout: .seconds(60), resetTimeoutOnProgress: false, maxTotal: nil,
    idStyle: .numeric(start: 0),
    provenance: [
      "handshake: observed in a 2025-11 wire capture [OBS]",
      "GET stream opened after initialize: observed [OBS]",
      "request _meta keys: documented (Apps SDK reference, late 2025; no session or "
        + "organization yet); values are realistic fakes, openai/subject per user",
    ])

  /// Preflight's own identity, the newest version, every capability this build handles.
  public static let full = ClientProfile(
    name: "full",
    summary: "Preflight as a full MCP client (newest protocol, progress tokens)",
    clientInfo: ["name": "preflight", "version": .string(preflightVersion)],
    protocolVersion: supportedProtocolVersions[0],
    capabilities: [
      "roots": ["listChanged": true],
      "sampling": [:],
      "elicitation": ["form": [:], "url": [:]],
    ],
    sendsProgressTokens: true,
    toolCallMeta: [:],
    initializeMeta: [:],
    sessionIDEcho: .always,
    opensGetStream: true,
    timeout: .seconds(60), resetTimeoutOnProgress: true, maxTotal: .seconds(600),
    idStyle: .numeric(start: 1),
    provenance: [
      "capabilities list only what this build answers: roots (--root), sampling (a canned "
        + "reply from --sampling-reply, or a rejection) and elicitation (form and URL, answered "
        + "from --elicit or declined)"
    ])

  /// Every built-in profile, in the order `preflight profiles` shows them.
  public static let builtin: [ClientProfile] = [chatgpt, chatgpt2025, full]

  /// Profiles named in the contract that this build does not offer yet, with why.
  public static let planned: [String: String] = [
    "chatgpt-modern":
      "ChatGPT's 2026 server/discover handshake arrives with support for the stateless "
      + "2026-07-28 revision"
  ]

  /// The built-in profile with this name.
  public static func named(_ name: String) -> ClientProfile? {
    builtin.first { $0.name == name }
  }
}
