import PreflightJSON

/// The MCP client: connects with a client profile, negotiates the protocol version, pages
/// through lists and calls tools, over any ``Transport``.
///
/// The handshake is one step behind ``ProtocolEra``: the legacy era runs `initialize`; the modern
/// (2026-07-28) era will run `server/discover` and decorate every request with its `_meta`, so it
/// can be added beside this one without reshaping callers.
public actor MCPClientSession {
  /// The JSON-RPC peer underneath, for events and the wire log.
  public nonisolated let peer: JSONRPCPeer
  /// The client profile in use.
  public nonisolated let profile: ClientProfile
  /// The overrides in use.
  public nonisolated let settings: SessionSettings
  /// What the server said about itself, once connected.
  public private(set) var server: ServerInfo?
  /// The era negotiated, once connected.
  public private(set) var era: ProtocolEra?
  private var progressCounter = 0
  /// Counts completed handshakes, so that requests failing with an old session reconnect once.
  private var generation = 0
  private var reconnecting: Task<Result<ServerInfo, SessionError>, Never>?
  /// `openai/session` values by conversation name, made on the conversation's first call.
  private var conversationSessions: [String: String] = [:]

  /// Makes a session over `transport`; nothing happens until ``connect()``.
  public init(
    transport: any Transport, profile: ClientProfile, settings: SessionSettings = SessionSettings(),
    log: WireLog, clock: any PeerClock = SystemPeerClock()
  ) {
    self.profile = profile
    self.settings = settings
    self.peer = JSONRPCPeer(transport: transport, log: log, clock: clock, idStyle: profile.idStyle)
  }

  /// The wire log.
  public nonisolated var log: WireLog { peer.log }

  /// The protocol version offered in `initialize`.
  public nonisolated var offeredVersion: String {
    settings.protocolVersion ?? profile.protocolVersion
  }

  /// Opens the transport and runs the handshake: `initialize` with the profile's version,
  /// capabilities and client info; the server's version is accepted only if this build knows
  /// it; then `notifications/initialized`.
  public func connect() async throws(SessionError) -> ServerInfo {
    do {
      try await peer.start()
    } catch {
      throw .connection(error.message)
    }
    let info = try await handshake()
    if let level = settings.logLevel, info.capabilities["logging"] != nil {
      _ = try await request("logging/setLevel", params: ["level": .string(level)])
    }
    return info
  }

  /// `initialize` and `notifications/initialized`; sets ``server`` and ``era``.
  private func handshake() async throws(SessionError) -> ServerInfo {
    var params = JSONObject()
    params["protocolVersion"] = .string(offeredVersion)
    params["capabilities"] = profile.capabilities
    params["clientInfo"] = profile.clientInfo
    if let meta = profile.initializeMeta.objectValue, !meta.isEmpty {
      params["_meta"] = .object(meta)
    }
    let options = RequestOptions(timeout: settings.connectTimeout)
    let result: JSONValue
    do {
      result = try await peer.request("initialize", params: .object(params), options: options)
    } catch {
      throw await handshakeFailure(error)
    }
    guard case .object = result else {
      throw .invalidResponse(method: "initialize", reason: "the result is not an object")
    }
    guard let version = result["protocolVersion"]?.stringValue else {
      await peer.close()
      throw .invalidResponse(
        method: "initialize", reason: "the result has no protocolVersion string")
    }
    guard ClientProfile.supportedProtocolVersions.contains(version) else {
      await peer.close()
      if ProtocolEra.of(version: version) == .modern {
        throw .connection(
          "the server answered initialize with protocol version \(version), which belongs to "
            + "the stateless 2026 revision, which this build recognises but does not speak yet "
            + "(it speaks " + ClientProfile.supportedProtocolVersions.joined(separator: ", ")
            + "), so Preflight disconnected")
      }
      throw .connection(
        "the server answered initialize with protocol version \(version), which this build "
          + "does not know (it speaks "
          + ClientProfile.supportedProtocolVersions.joined(separator: ", ")
          + "), so Preflight disconnected, as the specification says")
    }
    let info = ServerInfo(initializeResult: result, protocolVersion: version)
    server = info
    era = .legacy
    do {
      try await peer.notify("notifications/initialized")
    } catch {
      throw .connection(error.message)
    }
    generation += 1
    return info
  }

  /// The server forgot the session (HTTP `404` on a request that carried its id): initialize
  /// again, once for every request that failed with the same session, and log `reconnected`.
  private func reinitialize(after method: String, seenGeneration: Int) async throws(SessionError) {
    if generation != seenGeneration { return }
    if let running = reconnecting {
      _ = try await running.value.get()
      return
    }
    let task = Task { () -> Result<ServerInfo, SessionError> in
      do throws(SessionError) {
        return .success(try await self.handshake())
      } catch {
        return .failure(error)
      }
    }
    reconnecting = task
    let outcome = await task.value
    reconnecting = nil
    let info = try outcome.get()
    log.recordLocal(
      kind: "reconnected",
      text: "initialized a new session (protocol version \(info.protocolVersion)) after the "
        + "server forgot the old one; retrying \(method)",
      transport: peer.transportKind)
  }

  private func handshakeFailure(_ error: RPCFailure) async -> SessionError {
    switch error {
    case .error(let e):
      await peer.close()
      var text = "the server refused initialize: \(e)"
      if let supported = e.data?["supported"]?.arrayValue {
        let list = supported.compactMap(\.stringValue).joined(separator: ", ")
        text += "; it supports \(list)"
        if supported.contains(where: { ProtocolEra.of(version: $0.stringValue ?? "") == .modern }) {
          text += " (it speaks the stateless 2026 revision, not yet supported by this build)"
        }
      }
      return .connection(text)
    case .timedOut(let after):
      await peer.close()
      return .connection(
        "the server did not answer initialize within \(RPCFailure.format(after))"
          + " (--connect-timeout)")
    case .closed(let reason):
      return .connection("the server closed the connection before answering initialize: \(reason)")
    case .cancelled:
      await peer.close()
      return .connection("initialize was cancelled")
    case .transport(let e):
      await peer.close()
      return e.httpStatus == 401 || e.httpStatus == 403
        ? .unauthorized(e.message) : .connection(e.message)
    }
  }

  /// Sends one request under the profile's timeouts (and the overrides), with `--request-meta`
  /// merged into its `_meta` (a `null` there means the key is not sent). When the server has
  /// forgotten the session (HTTP `404` with the session id), it initializes again and retries
  /// the request once.
  public func request(
    _ method: String, params: JSONValue? = nil, extraMeta: JSONObject? = nil,
    progressToken: JSONValue? = nil
  ) async throws(SessionError) -> JSONValue {
    try await send(
      method, params: decorate(params, extraMeta: extraMeta, override: nil),
      progressToken: progressToken)
  }

  /// Sends `params` as they are (already decorated), retrying once after a forgotten session.
  private func send(
    _ method: String, params: JSONValue?, progressToken: JSONValue?
  ) async throws(SessionError) -> JSONValue {
    let seenGeneration = generation
    do {
      return try await peer.request(
        method, params: params, options: options(progressToken: progressToken))
    } catch {
      guard case .transport(let failure) = error, failure.isSessionExpired else {
        throw sessionError(method: method, error)
      }
    }
    try await reinitialize(after: method, seenGeneration: seenGeneration)
    do {
      return try await peer.request(
        method, params: params, options: options(progressToken: progressToken))
    } catch {
      throw sessionError(method: method, error)
    }
  }

  /// Request options from the profile and the overrides.
  public func options(progressToken: JSONValue? = nil) -> RequestOptions {
    var o = profile.requestOptions(progressToken: progressToken)
    if let t = settings.timeout { o.timeout = t }
    if let m = settings.maxTime { o.maxTotal = m }
    if let p = settings.progress { o.progressToken = p ? progressToken : nil }
    return o
  }

  /// `params` with `_meta` made of `extraMeta`, then `--request-meta`, then `override`, each
  /// merged key by key over the one before; a key whose final value is `null` is not sent
  /// (``mergedMeta(_:_:)``).
  private func decorate(
    _ params: JSONValue?, extraMeta: JSONObject?, override: JSONObject?
  ) -> JSONValue? {
    var meta = extraMeta ?? JSONObject()
    if let user = settings.requestMeta { meta = Self.mergedMeta(meta, user) }
    if let override { meta = Self.mergedMeta(meta, override) }
    guard !meta.isEmpty else { return params }
    var p = params?.objectValue ?? JSONObject()
    var existing = p["_meta"]?.objectValue ?? JSONObject()
    for m in meta.members { existing[m.key] = m.value.isNull ? JSONValue?.none : m.value }
    if existing.isEmpty && p["_meta"] == nil { return params }
    p["_meta"] = .object(existing)
    return .object(p)
  }

  /// `over` merged into `base` one top-level key at a time: a key of `over` replaces the base's
  /// value whole (objects are not merged deeper) and keeps the base's position; new keys follow.
  /// A `null` value is kept, meaning "do not send this key" — the caller drops it last, so a
  /// later layer can still put the key back.
  public static func mergedMeta(_ base: JSONObject, _ over: JSONObject) -> JSONObject {
    var out = base
    for m in over.members { out[m.key] = m.value }
    return out
  }

  private func sessionError(method: String, _ error: RPCFailure) -> SessionError {
    switch error {
    case .error(let e): .rpc(method: method, error: e)
    case .timedOut(let after):
      .connection(
        "\(method): no answer within \(RPCFailure.format(after)); the request was cancelled")
    case .closed(let reason): .connection("\(method): the connection closed: \(reason)")
    case .cancelled: .connection("\(method) was cancelled")
    case .transport(let e) where e.httpStatus == 401 || e.httpStatus == 403:
      .unauthorized("\(method): \(e.message)")
    case .transport(let e)
    where e.httpStatus == 400 && method == "tools/call"
      && profile.sessionIDEcho == .exceptToolsCall:
      .connection(
        "\(method): \(e.message). The \(profile.name) profile leaves Mcp-Session-Id off "
          + "tools/call, as ChatGPT was observed to do, and this server refuses that: ChatGPT "
          + "would likely fail here too. Serve it stateless, or compare with "
          + "--client-profile full")
    case .transport(let e): .connection("\(method): \(e.message)")
    }
  }

  /// Lists every tool, following `nextCursor` through all pages (at most `pageLimit`), in order.
  public func listTools(pageLimit: Int = 1000) async throws(SessionError) -> ToolListing {
    let (items, pages) = try await listAll("tools/list", key: "tools", pageLimit: pageLimit)
    return ToolListing(tools: items, pages: pages)
  }

  /// Fetches all pages of a paginated list method and returns the items under `key`.
  public func listAll(
    _ method: String, key: String, pageLimit: Int = 1000
  ) async throws(SessionError) -> (items: [JSONValue], pages: Int) {
    var items: [JSONValue] = []
    var cursor: JSONValue?
    var seen = Set<JSONValue>()
    var pages = 0
    repeat {
      let params: JSONValue? = cursor.map { ["cursor": $0] }
      let result = try await request(method, params: params)
      pages += 1
      guard let page = result[key]?.arrayValue else {
        throw .invalidResponse(
          method: method, reason: "page \(pages) has no \"\(key)\" array")
      }
      items.append(contentsOf: page)
      cursor = result["nextCursor"]
      if let c = cursor, c.isNull { cursor = nil }
      if let c = cursor {
        guard seen.insert(c).inserted else {
          throw .invalidResponse(
            method: method,
            reason: "pagination loops: nextCursor \(c) was already used (after page \(pages))")
        }
        if pages >= pageLimit {
          throw .invalidResponse(
            method: method, reason: "more than \(pageLimit) pages; stopped following nextCursor")
        }
      }
    } while cursor != nil
    return (items, pages)
  }

  /// The `_meta` a `tools/call` in `conversation` carries before `--request-meta` is merged
  /// over it: the profile's keys, with `openai/subject` and `openai/session` (where the profile
  /// has them) replaced by the settings' identity. A conversation's session value is made on
  /// its first use and kept; a new conversation name gets a new one.
  public func toolCallMeta(conversation: String) -> JSONObject {
    var meta = profile.toolCallMeta.objectValue ?? JSONObject()
    guard let identity = settings.identity else { return meta }
    if meta["openai/subject"] != nil { meta["openai/subject"] = .string(identity.subject) }
    if meta["openai/session"] != nil {
      let session =
        conversationSessions[conversation]
        ?? {
          let made = identity.newSession(conversation)
          conversationSessions[conversation] = made
          return made
        }()
      meta["openai/session"] = .string(session)
    }
    return meta
  }

  /// Calls a tool with the profile's tool-call `_meta` and, when the profile sends them, a
  /// progress token; returns the raw result (which may have `isError: true`). `conversation`
  /// names the conversation the call belongs to (``toolCallMeta(conversation:)``).
  ///
  /// `metaOverride` (the TUI's edits) is merged over the profile's keys and `--request-meta`,
  /// key by key, for this call only; a key set to `null` there is not sent at all.
  public func callTool(
    _ name: String, arguments: JSONValue?, conversation: String = "conversation-1",
    metaOverride: JSONObject? = nil
  ) async throws(SessionError) -> JSONValue {
    var params = JSONObject()
    params["name"] = .string(name)
    if let arguments { params["arguments"] = arguments }
    progressCounter += 1
    let token: JSONValue = .string("preflight-\(progressCounter)")
    let decorated = decorate(
      .object(params), extraMeta: toolCallMeta(conversation: conversation),
      override: metaOverride)
    return try await send("tools/call", params: decorated, progressToken: token)
  }

  /// Ends the session: closes the transport (for stdio: stdin, then SIGTERM, then SIGKILL).
  public func close() async {
    await peer.close()
  }
}
