import Foundation
import PreflightCore
import PreflightJSON
import ServerCheck

/// Connects as ChatGPT's connector does and records what it sees for the rule engine: the
/// `server/discover` probe (HTTP targets), `initialize` with the chosen profile, every
/// `tools/list` page, each widget template through `resources/read`, OAuth discovery on a 401
/// (or when tools declare oauth2), and with `--call-read-only` the argument-free read-only tools.
struct CheckGatherer {
  let plan: ConnectionPlan
  let callReadOnly: Bool

  /// ChatGPT's probe, as observed (mcp-2026-07-28.md §15.2).
  static let discoverProbe: JSONValue = [
    "jsonrpc": "2.0", "id": "openai-mcp-discover", "method": "server/discover",
    "params": [
      "_meta": [
        "io.modelcontextprotocol/protocolVersion": "2026-07-28",
        "io.modelcontextprotocol/clientInfo": ["name": "openai-mcp", "version": "1.0.0"],
        "io.modelcontextprotocol/clientCapabilities": [
          "experimental": ["openai/visibility": ["enabled": true]],
          "extensions": [
            "io.modelcontextprotocol/ui": ["mimeTypes": ["text/html;profile=mcp-app"]]
          ],
        ],
      ]
    ],
  ]

  /// Everything observed, and the session's server info when it connected.
  func gather() async -> (observation: CheckObservation, server: ServerInfo?) {
    let http = CheckHTTP(
      log: plan.log, userHeaders: plan.headers.headers, timeout: plan.settings.connectTimeout)
    var o = CheckObservation(target: checkTarget())
    var challenge: (status: Int, value: String?, seqs: [Int])?
    if case .url(let url) = plan.target {
      let answer = await http.send(
        method: "POST", url: url,
        headers: [
          ("Content-Type", "application/json"), ("Accept", "application/json, text/event-stream"),
          ("MCP-Protocol-Version", "2026-07-28"), ("Mcp-Method", "server/discover"),
        ], body: Self.discoverProbe, withUserHeaders: true, purpose: "The MCP endpoint")
      o.discover = DiscoverProbe(
        status: answer.status, contentType: answer.header("Content-Type"),
        message: CheckHTTP.message(in: answer.body, contentType: answer.header("Content-Type")),
        failure: answer.failure, evidence: answer.seqs)
      if let status = answer.status, status == 401 || status == 403 {
        challenge = (status, answer.header("WWW-Authenticate"), answer.seqs)
      }
    }
    let session: MCPClientSession
    do {
      session = try plan.makeSession()
    } catch {
      o.connectionFailure = error.message
      o.redirects = http.redirects.all
      return (o, nil)
    }
    let server: ServerInfo
    let before = plan.log.records.last?.seq ?? 0
    do {
      server = try await session.connect()
    } catch {
      o.connectionFailure = error.description
      o.initializeResult = initializeAnswer(after: before)
      o.initializeEvidence = exchangeSeqs(method: "initialize", after: before)
      if case .unauthorized = error, challenge == nil, case .url(let url) = plan.target {
        let answer = await http.send(
          method: "POST", url: url,
          headers: [
            ("Content-Type", "application/json"),
            ("Accept", "application/json, text/event-stream"),
          ], body: ["jsonrpc": "2.0", "id": 0, "method": "ping"], withUserHeaders: false,
          purpose: "The MCP endpoint")
        if let status = answer.status {
          challenge = (status, answer.header("WWW-Authenticate"), answer.seqs)
        }
      }
      if let challenge {
        o.auth = await authDiscovery(
          http: http, status: challenge.status, challenge: challenge.value,
          evidence: challenge.seqs)
      }
      await session.close()
      o.redirects = http.redirects.all
      return (o, nil)
    }
    o.initializeEvidence = exchangeSeqs(method: "initialize", after: before)
    await observe(session, server: server, into: &o)
    if challenge == nil, o.target.usedCustomHeaders, case .url(let url) = plan.target {
      // ChatGPT cannot send the user's headers: would the server let it in without them?
      let answer = await http.send(
        method: "POST", url: url,
        headers: [
          ("Content-Type", "application/json"),
          ("Accept", "application/json, text/event-stream"),
        ], body: ["jsonrpc": "2.0", "id": 0, "method": "ping"], withUserHeaders: false,
        purpose: "The MCP endpoint")
      if let status = answer.status, status == 401 || status == 403 {
        challenge = (status, answer.header("WWW-Authenticate"), answer.seqs)
      }
    }
    let declaresOAuth = o.tools.contains { tool in
      [tool["securitySchemes"], tool["_meta"]?["securitySchemes"]].contains { schemes in
        schemes?.arrayValue?.contains { $0["type"]?.stringValue == "oauth2" } ?? false
      }
    }
    if declaresOAuth || challenge != nil, case .url = plan.target {
      o.auth = await authDiscovery(
        http: http, status: challenge?.status, challenge: challenge?.value,
        evidence: challenge?.seqs ?? [])
    }
    await session.close()
    o.redirects = http.redirects.all
    return (o, server)
  }

  /// The target as the rules see it (without the transport, known once connected).
  func checkTarget() -> CheckTarget {
    var target: CheckTarget
    switch plan.target {
    case .demo, .command: target = CheckTarget(kind: .stdio)
    case .url(let url): target = CheckTarget(kind: .url(url))
    }
    target.usedCustomHeaders = !plan.headers.headers.isEmpty
    return target
  }

  /// What a connected session shows: the transport, the initialize result, every tool page,
  /// the widget templates, the read-only calls (with `callReadOnly`) and the HTTP headers seen.
  /// The TUI's check runs this on its own session.
  func observe(
    _ session: MCPClientSession, server: ServerInfo, into o: inout CheckObservation
  ) async {
    o.target.transport = session.peer.transportKind
    o.initializeResult = server.raw
    await listTools(session, into: &o)
    for uri in CheckEngine.templateURIs(of: o.tools) {
      let mark = plan.log.records.last?.seq ?? 0
      do {
        let result = try await session.request("resources/read", params: ["uri": .string(uri)])
        o.templates.append(
          TemplateRead(
            uri: uri, result: result,
            evidence: exchangeSeqs(method: "resources/read", after: mark)))
      } catch {
        o.templates.append(
          TemplateRead(
            uri: uri, failure: error.description,
            evidence: exchangeSeqs(method: "resources/read", after: mark)))
      }
    }
    if callReadOnly {
      var calls: [ToolCallObservation] = []
      for name in CheckEngine.callableReadOnlyTools(o.tools) {
        let mark = plan.log.records.last?.seq ?? 0
        do {
          let result = try await session.callTool(name, arguments: .object(JSONObject()))
          calls.append(
            ToolCallObservation(
              tool: name, result: result, evidence: exchangeSeqs(method: "tools/call", after: mark))
          )
        } catch {
          calls.append(
            ToolCallObservation(
              tool: name, failure: error.description,
              evidence: exchangeSeqs(method: "tools/call", after: mark)))
        }
      }
      o.calls = calls
    }
    o.http = headerFacts()
  }

  /// Every `tools/list` page as sent, following `nextCursor`; stops on an error or a loop.
  private func listTools(_ session: MCPClientSession, into o: inout CheckObservation) async {
    var cursor: JSONValue?
    var seen = Set<JSONValue>()
    repeat {
      let mark = plan.log.records.last?.seq ?? 0
      let result: JSONValue
      do {
        result = try await session.request("tools/list", params: cursor.map { ["cursor": $0] })
      } catch {
        o.toolsFailure = error.description
        return
      }
      o.toolPages.append(result)
      o.toolsEvidence += exchangeSeqs(method: "tools/list", after: mark).suffix(1)
      guard result["tools"]?.arrayValue != nil else {
        o.toolsFailure = "page \(o.toolPages.count) has no \"tools\" array"
        return
      }
      cursor = result["nextCursor"]
      if let c = cursor, c.isNull { cursor = nil }
      if let c = cursor {
        if !seen.insert(c).inserted {
          o.toolsFailure =
            "pagination loops: nextCursor \(JSONPrinter.compact(c)) came back after page "
            + "\(o.toolPages.count)"
          return
        }
        if o.toolPages.count >= 1_000 {
          o.toolsFailure = "more than 1000 pages; stopped following nextCursor"
          return
        }
      }
    } while cursor != nil
  }

  /// RFC 9728 protected-resource metadata (the challenge's `resource_metadata`, then the
  /// path-suffixed and root well-known URLs), then RFC 8414 / OpenID discovery for the first
  /// authorization server.
  private func authDiscovery(
    http: CheckHTTP, status: Int?, challenge: String?, evidence: [Int]
  ) async -> AuthObservation {
    var auth = AuthObservation(status: status, challenge: challenge, evidence: evidence)
    guard case .url(let url) = plan.target, let parts = URLComponents(string: url),
      let scheme = parts.scheme, let host = parts.host
    else { return auth }
    let origin = scheme + "://" + host + (parts.port.map { ":\($0)" } ?? "")
    var candidates: [String] = []
    if let challenge, let pointed = AuthObservation.resourceMetadataURL(in: challenge) {
      candidates.append(pointed)
    }
    let path = parts.path == "/" ? "" : parts.path
    if !path.isEmpty { candidates.append(origin + "/.well-known/oauth-protected-resource" + path) }
    candidates.append(origin + "/.well-known/oauth-protected-resource")
    for candidate in candidates {
      let fetch = await http.fetchMetadata(candidate, purpose: "Protected-resource metadata")
      auth.protectedResource.append(fetch)
      if fetch.succeeded { break }
    }
    guard
      let issuer = auth.protectedResourceDocument?.document?["authorization_servers"]?[0]?
        .stringValue,
      let issuerParts = URLComponents(string: issuer), let issuerScheme = issuerParts.scheme,
      let issuerHost = issuerParts.host
    else { return auth }
    let issuerOrigin =
      issuerScheme + "://" + issuerHost + (issuerParts.port.map { ":\($0)" } ?? "")
    let issuerPath = issuerParts.path == "/" ? "" : issuerParts.path
    var asCandidates = [
      issuerOrigin + "/.well-known/oauth-authorization-server" + issuerPath,
      issuerOrigin + "/.well-known/openid-configuration" + issuerPath,
    ]
    if !issuerPath.isEmpty {
      asCandidates.append(issuerOrigin + issuerPath + "/.well-known/openid-configuration")
    }
    for candidate in asCandidates {
      let fetch = await http.fetchMetadata(candidate, purpose: "Authorization-server metadata")
      auth.authorizationServer.append(fetch)
      if fetch.succeeded { break }
    }
    return auth
  }

  /// The result of the first `initialize` answered after `mark`, if one came.
  private func initializeAnswer(after mark: Int) -> JSONValue? {
    let seqs = exchangeSeqs(method: "initialize", after: mark)
    guard seqs.count == 2 else { return nil }
    return plan.log.records(after: mark).first { $0.seq == seqs[1] }?.message?["result"]
  }

  /// The seqs of the first `method` request after `mark` and of the answer with its id.
  private func exchangeSeqs(method: String, after mark: Int) -> [Int] {
    let records = plan.log.records(after: mark)
    guard
      let request = records.first(where: {
        $0.direction == .outbound && $0.message?["method"]?.stringValue == method
      }), let id = request.message?["id"]
    else { return [] }
    let answer = records.first {
      $0.direction == .inbound && $0.message?["id"] == id && $0.message?["method"] == nil
    }
    return [request.seq] + (answer.map { [$0.seq] } ?? [])
  }

  /// `Mcp-Session-Id` and `Content-Type` headers of the server's answers, from the wire log.
  private func headerFacts() -> HTTPFacts {
    var facts = HTTPFacts()
    var seenIDs = Set<String>()
    for record in plan.log.records where record.direction == .inbound {
      guard let headers = record.http?["headers"], record.message != nil else { continue }
      if let id = headers["Mcp-Session-Id"]?.stringValue, seenIDs.insert(id).inserted {
        facts.sessionIDs.append((id, record.seq))
      }
      if let type = headers["Content-Type"]?.stringValue,
        record.message?["id"] != .string("openai-mcp-discover")
      {
        facts.contentTypes.append((type, record.seq))
      }
    }
    return facts
  }
}
