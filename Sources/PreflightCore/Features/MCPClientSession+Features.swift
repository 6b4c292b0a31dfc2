import PreflightJSON

extension MCPClientSession {
  /// Every resource, all pages in order (`resources/list`), with the same loop and page-cap
  /// checks as the tool listing.
  public func listResources(pageLimit: Int = 1000) async throws(SessionError) -> [JSONValue] {
    try await listAll("resources/list", key: "resources", pageLimit: pageLimit).items
  }

  /// Every resource template, all pages in order (`resources/templates/list`).
  public func listResourceTemplates(
    pageLimit: Int = 1000
  ) async throws(SessionError) -> [JSONValue] {
    try await listAll("resources/templates/list", key: "resourceTemplates", pageLimit: pageLimit)
      .items
  }

  /// Reads one resource (`resources/read`); returns the raw result with its `contents`.
  public func readResource(_ uri: String) async throws(SessionError) -> JSONValue {
    try await request("resources/read", params: ["uri": .string(uri)])
  }

  /// Subscribes to a resource; the server then sends `notifications/resources/updated`, which
  /// arrive on ``JSONRPCPeer/events``.
  public func subscribe(_ uri: String) async throws(SessionError) {
    _ = try await request("resources/subscribe", params: ["uri": .string(uri)])
  }

  /// Ends a subscription.
  public func unsubscribe(_ uri: String) async throws(SessionError) {
    _ = try await request("resources/unsubscribe", params: ["uri": .string(uri)])
  }

  /// Every prompt, all pages in order (`prompts/list`).
  public func listPrompts(pageLimit: Int = 1000) async throws(SessionError) -> [JSONValue] {
    try await listAll("prompts/list", key: "prompts", pageLimit: pageLimit).items
  }

  /// Gets a prompt with string arguments (`prompts/get`); returns the raw result with its
  /// `messages`.
  public func getPrompt(
    _ name: String, arguments: JSONObject? = nil
  ) async throws(SessionError) -> JSONValue {
    var params = JSONObject()
    params["name"] = .string(name)
    if let arguments, !arguments.isEmpty { params["arguments"] = .object(arguments) }
    return try await request("prompts/get", params: .object(params))
  }

  /// Asks for completions of one argument (`completion/complete`). `reference` is
  /// `{"type":"ref/prompt","name":…}` or `{"type":"ref/resource","uri":…}`; `context` holds
  /// the arguments already filled in. Returns the values offered, in order.
  public func complete(
    reference: JSONValue, argument: String, value: String, context: JSONObject? = nil
  ) async throws(SessionError) -> [String] {
    try await completion(reference: reference, argument: argument, value: value, context: context)
      .values
  }

  /// Like ``complete(reference:argument:value:context:)``, with what the server says about the
  /// rest: `total` (how many values there are in all, when it says) and `hasMore`.
  public func completion(
    reference: JSONValue, argument: String, value: String, context: JSONObject? = nil
  ) async throws(SessionError) -> (values: [String], total: Int?, hasMore: Bool) {
    var params = JSONObject()
    params["ref"] = reference
    params["argument"] = ["name": .string(argument), "value": .string(value)]
    if let context, !context.isEmpty { params["context"] = ["arguments": .object(context)] }
    let result = try await request("completion/complete", params: .object(params))
    guard let values = result["completion"]?["values"]?.arrayValue else {
      throw .invalidResponse(
        method: "completion/complete", reason: "the result has no completion.values array")
    }
    let total = result["completion"]?["total"]?.intValue
    let hasMore = result["completion"]?["hasMore"]?.boolValue ?? false
    return (values.compactMap(\.stringValue), total, hasMore)
  }

  /// Sets the server's logging level (`logging/setLevel`); `notifications/message` then arrive
  /// on ``JSONRPCPeer/events``.
  public func setLoggingLevel(_ level: String) async throws(SessionError) {
    _ = try await request("logging/setLevel", params: ["level": .string(level)])
  }

  /// Why calls will show no progress, when requests carry no `_meta.progressToken` (servers only
  /// send progress for requests that do); nil when they carry one.
  public func progressOffReason() -> String? {
    guard options(progressToken: .string("probe")).progressToken == nil else { return nil }
    if settings.progress == false {
      return "no progress will show: --no-progress leaves _meta.progressToken off requests, and "
        + "servers only report progress for requests that carry one"
    }
    return "no progress will show: the \(profile.name) profile sends no _meta.progressToken "
      + "(ChatGPT was observed not to), and servers only report progress for requests that "
      + "carry one; --progress turns it on"
  }

  /// Sends `ping` and returns the round-trip time, measured with `clock`.
  public func ping(clock: ContinuousClock = ContinuousClock()) async throws(SessionError)
    -> Duration
  {
    let start = clock.now
    _ = try await request("ping")
    return clock.now - start
  }

  /// Routes the server's requests to `handler`: `elicitation/create`, `sampling/createMessage`
  /// and `roots/list`, each only when the profile advertises its capability (the rest keep the
  /// peer's `-32601`). Call before ``connect()``: a server may ask for roots right after
  /// `notifications/initialized`.
  public func install(_ handler: any ServerRequestHandler) async {
    let capabilities = profile.capabilities
    let peer = self.peer
    let serverName: @Sendable () async -> String = { [weak self] in
      await self?.server?.name ?? "the server"
    }
    if capabilities["elicitation"] != nil {
      let modes = capabilities["elicitation"]?.objectValue
      let urlAllowed = modes?.contains("url") ?? false
      await peer.setRequestHandler("elicitation/create") { params, _ in
        let request = ElicitationRequest(params: params)
        if request.mode == .url && !urlAllowed {
          return .failure(
            JSONRPCErrorObject(
              code: JSONRPCErrorObject.invalidParamsCode,
              message: "URL-mode elicitation was not declared by this client"))
        }
        let answer = await handler.elicit(request, server: await serverName())
        return .success(answer.json)
      }
    }
    if capabilities["sampling"] != nil {
      await peer.setRequestHandler("sampling/createMessage") { params, _ in
        await handler.sample(params ?? .object(JSONObject()), server: await serverName())
      }
    }
    if capabilities["roots"] != nil {
      await peer.setRequestHandler("roots/list") { _, _ in
        let roots = await handler.roots()
        return .success(["roots": .array(roots.map(\.json))])
      }
    }
  }

  /// Tells the server the roots changed (`notifications/roots/list_changed`), when the profile
  /// declares `roots.listChanged`; returns whether it was sent.
  @discardableResult
  public func rootsChanged() async throws(SessionError) -> Bool {
    guard profile.capabilities["roots"]?["listChanged"]?.boolValue == true else { return false }
    do {
      try await peer.notify("notifications/roots/list_changed")
    } catch {
      throw .connection(error.message)
    }
    return true
  }
}
