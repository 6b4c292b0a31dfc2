import Foundation
import PreflightJSON

extension CheckEngine {
  /// Reachability, transport, HTTPS, public URL, `/mcp` path, headers, custom headers.
  static func connectionFindings(_ o: CheckObservation) -> [CheckFinding] {
    var out: [CheckFinding] = []
    let authBlocked = o.auth?.status == 401 || o.auth?.status == 403
    if let failure = o.connectionFailure, !authBlocked {
      out.append(CheckRules.reachable.finding("Could not connect: \(failure)"))
    }
    switch o.target.kind {
    case .stdio:
      out.append(
        CheckRules.publicURL.finding(
          "This is a stdio server; ChatGPT needs a public HTTPS URL to reach it."))
    case .url(let url):
      let parts = URLComponents(string: url)
      let scheme = parts?.scheme?.lowercased() ?? ""
      let host = parts?.host ?? ""
      if isLoopback(host) {
        out.append(
          CheckRules.publicURL.finding(
            "\(host) is a loopback address; ChatGPT needs a public HTTPS URL to reach it."))
      } else if scheme == "http" {
        out.append(
          CheckRules.https.finding("The URL is plain http:// on \(host); ChatGPT requires HTTPS."))
      }
      let path = parts?.path ?? ""
      if !(path.hasSuffix("/mcp") || path.hasSuffix("/mcp/")) {
        out.append(
          CheckRules.path.finding(
            "The URL path is \(path.isEmpty ? "empty" : quoted(path)), not one ending in /mcp."))
      }
    }
    if o.connectionFailure == nil, let transport = o.target.transport {
      switch transport {
      case "sse":
        out.append(
          CheckRules.legacySSE.finding(
            "The server answered only as legacy HTTP+SSE (GET stream plus POST endpoint)."))
      case "http":
        out.append(CheckRules.transport.finding("Connected over Streamable HTTP."))
      default:
        out.append(CheckRules.transport.finding("Connected over \(transport)."))
      }
      if o.target.usedCustomHeaders {
        out.append(
          CheckRules.customHeaders.finding(
            "The check ran with custom headers (-H or --bearer); ChatGPT cannot send them, so "
              + "what works here may fail for ChatGPT."))
      }
    }
    for sighting in o.http.sessionIDs
    where !isVisibleASCII(sighting.value) || sighting.value.isEmpty {
      out.append(
        CheckRules.headers.finding(
          "Mcp-Session-Id \(quoted(sighting.value)) has characters outside visible ASCII.",
          path: "Mcp-Session-Id", evidence: [sighting.seq]))
    }
    for sighting in o.http.contentTypes {
      let media =
        sighting.value.split(separator: ";").first?
        .trimmingCharacters(in: .whitespaces).lowercased() ?? ""
      if media != "application/json" && media != "text/event-stream" {
        out.append(
          CheckRules.headers.finding(
            "An answer came with Content-Type \(quoted(sighting.value)), neither "
              + "application/json nor text/event-stream.",
            path: "Content-Type", evidence: [sighting.seq]))
      }
    }
    return out
  }

  /// Whether a host name is a loopback address.
  public static func isLoopback(_ host: String) -> Bool {
    let h = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
    return h == "localhost" || h.hasSuffix(".localhost") || h.hasPrefix("127.") || h == "::1"
      || h == "0:0:0:0:0:0:0:1"
  }

  static func isVisibleASCII(_ text: String) -> Bool {
    text.unicodeScalars.allSatisfy { (0x21...0x7E).contains($0.value) }
  }

  /// How the `server/discover` probe went, classified as ChatGPT was observed to react.
  static func discoverFindings(_ o: CheckObservation) -> [CheckFinding] {
    guard o.target.url != nil else {
      return [
        CheckRules.discoverSkipped.finding(
          "The server/discover probe was not sent: it is an HTTP probe and this is a stdio "
            + "server.")
      ]
    }
    guard let probe = o.discover else { return [] }
    let ev = probe.evidence
    if let failure = probe.failure, probe.status == nil {
      return [
        CheckRules.discoverOutcome.finding(
          "The server/discover probe got no answer (\(failure)).", evidence: ev)
      ]
    }
    let status = probe.status ?? 0
    if status == 401 || status == 403 {
      return [
        CheckRules.discoverOutcome.finding(
          "The server/discover probe was answered HTTP \(status): authentication comes first.",
          evidence: ev)
      ]
    }
    var out: [CheckFinding] = []
    if status >= 400 {
      out.append(
        CheckRules.discoverHTTPStatus.finding(
          "The server answered the server/discover probe with HTTP \(status)"
            + (probe.message?["error"] != nil ? " (with a JSON-RPC error body)." : "."),
          evidence: ev))
      if probe.message?["error"] == nil { return out }
    }
    guard let message = probe.message else {
      out.append(
        CheckRules.discoverOutcome.finding(
          "The answer to server/discover is not a JSON-RPC message; ChatGPT falls back to "
            + "initialize (observed).", evidence: ev))
      return out
    }
    if let error = message["error"] {
      let code = error["code"]?.numberText ?? "?"
      out.append(
        CheckRules.discoverOutcome.finding(
          "server/discover was answered with JSON-RPC error \(code); ChatGPT falls back to "
            + "initialize (observed).", evidence: ev))
      return out
    }
    let result = message["result"]
    guard let versions = result?["supportedVersions"]?.arrayValue,
      versions.allSatisfy({ $0.stringValue != nil })
    else {
      out.append(
        CheckRules.discoverOutcome.finding(
          "The server/discover result is not a DiscoverResult (no supportedVersions list); "
            + "ChatGPT falls back to initialize (observed).", evidence: ev))
      return out
    }
    let list = versions.compactMap(\.stringValue)
    guard list.contains(modernVersion) else {
      out.append(
        CheckRules.discoverInconsistent.finding(
          "server/discover answered a DiscoverResult whose supportedVersions ("
            + list.joined(separator: ", ") + ") omits \(modernVersion).",
          path: "/result/supportedVersions", evidence: ev))
      return out
    }
    out.append(
      CheckRules.discoverOutcome.finding(
        "server/discover lists \(modernVersion): ChatGPT would continue in the stateless "
          + "2026 era (observed, unverified). Preflight checks the rest through initialize.",
        evidence: ev))
    var missing: [String] = []
    if result?["ttlMs"]?.numberText == nil { missing.append("ttlMs") }
    if result?["cacheScope"]?.stringValue == nil { missing.append("cacheScope") }
    if result?["_meta"]?["io.modelcontextprotocol/serverInfo"]?.objectValue == nil {
      missing.append("_meta[\"io.modelcontextprotocol/serverInfo\"]")
    }
    if !missing.isEmpty {
      out.append(
        CheckRules.discoverFields.finding(
          "The DiscoverResult lacks " + missing.joined(separator: ", ") + ".",
          path: "/result", evidence: ev))
    }
    return out
  }

  /// The initialize answer: valid, a version ChatGPT speaks, and the instructions.
  static func initializeFindings(_ o: CheckObservation) -> [CheckFinding] {
    guard let result = o.initializeResult else { return [] }
    let ev = o.initializeEvidence
    var out: [CheckFinding] = []
    var problems: [String] = []
    if result.objectValue == nil {
      problems.append("the result is not an object")
    } else {
      if result["protocolVersion"]?.stringValue == nil { problems.append("no protocolVersion") }
      if result["capabilities"]?.objectValue == nil {
        problems.append("capabilities is not an object")
      }
      if let info = result["serverInfo"] {
        if info["name"]?.stringValue == nil { problems.append("serverInfo.name is missing") }
        if info["version"]?.stringValue == nil { problems.append("serverInfo.version is missing") }
      } else {
        problems.append("no serverInfo")
      }
      if let instructions = result["instructions"], instructions.stringValue == nil {
        problems.append("instructions is not a string")
      }
    }
    if !problems.isEmpty {
      out.append(
        CheckRules.initializeInvalid.finding(
          "The initialize answer is invalid: " + problems.joined(separator: "; ") + ".",
          evidence: ev))
    }
    if let version = result["protocolVersion"]?.stringValue {
      if chatgptVersions.contains(version) {
        let name = result["serverInfo"]?["name"]?.stringValue ?? "?"
        let serverVersion = result["serverInfo"]?["version"]?.stringValue ?? "?"
        out.append(
          CheckRules.initializeSummary.finding(
            "Server \(quoted(name)) \(quoted(serverVersion)) negotiated protocol version "
              + "\(version).", evidence: ev))
      } else {
        out.append(
          CheckRules.protocolVersion.finding(
            "initialize agreed protocol version \(quoted(version)), which ChatGPT does not "
              + "negotiate.", path: "/protocolVersion", evidence: ev))
      }
    }
    if let text = result["instructions"]?.stringValue, text.count > 512 {
      let head = String(text.prefix(512))
      let rest = text.dropFirst(512)
      let trimmed = head.trimmingCharacters(in: .whitespaces)
      let endsSentence =
        trimmed.last.map { ".!?\n".contains($0) } ?? true
        || rest.first.map { $0 == "\n" } ?? true
      let lost = quoted(String(rest), limit: 80)
      if endsSentence {
        out.append(
          CheckRules.instructionsLong.finding(
            "The instructions are \(text.count) characters; the first 512 end at a sentence "
              + "boundary. Past them: \(lost).", path: "/instructions", evidence: ev))
      } else {
        let tail = quoted(String(head.suffix(40)), limit: 40)
        out.append(
          CheckRules.instructions.finding(
            "The instructions are \(text.count) characters and the 512th falls mid-sentence "
              + "(…\(tail)). Past it: \(lost).", path: "/instructions", evidence: ev))
      }
    }
    return out
  }
}
