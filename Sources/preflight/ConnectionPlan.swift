import Foundation
import PreflightCore
import PreflightText

/// Everything needed to connect, resolved once from the options: the profile, the settings,
/// the wire log (with its secrets and file), and a way to make a fresh transport each time the
/// TUI restarts the server.
struct ConnectionPlan: Sendable {
  let target: TargetArguments.Target
  let profile: ClientProfile
  let settings: SessionSettings
  let environment: [String: String]
  let workingDirectory: String?
  let log: WireLog
  let headers: HeaderOptions
  let transportMode: String
  let insecure: Bool
  /// How server requests are answered without a person (`--elicit`, `--sampling-reply`,
  /// `--root`).
  let serverRequestAnswers: HeadlessRequestHandler.Answers

  /// Resolves the options; usage errors come back as ``CLIFailure``.
  init(_ target: TargetArguments.Target, options: ConnectionOptions) throws(CLIFailure) {
    self.target = target
    profile = try options.profile()
    settings = try options.settings()
    serverRequestAnswers = try options.serverRequestAnswers(profile: profile)
    _ = try options.approvalPolicy()
    environment = try options.environmentValues()
    workingDirectory = options.cwd
    guard ["auto", "http", "sse"].contains(options.transport) else {
      throw .usage("--transport takes auto, http or sse, not '\(options.transport)'")
    }
    transportMode = options.transport
    insecure = options.insecure
    headers = try HeaderOptions.parse(
      headers: options.header, bearer: options.bearer,
      environment: ProcessInfo.processInfo.environment)
    log = WireLog(capacity: options.wireCap)
    for (key, value) in environment where Redactor.isSecretName(key) {
      log.addSecret(value)
    }
    for secret in headers.secrets { log.addSecret(secret) }
    if case .url(let url) = target {
      for secret in ConnectionPlan.querySecrets(url) { log.addSecret(secret) }
    }
    if let path = options.wireLog {
      do {
        try log.attachFile(path: path)
      } catch {
        throw .usage(error.message)
      }
    }
  }

  /// What to tell the user about `--insecure` before connecting, on standard error: a warning
  /// when it turns certificate checks off (an https URL), a note that it does nothing for
  /// http:// URLs and stdio servers; nil without the flag.
  var insecureNotice: String? {
    guard insecure else { return nil }
    switch target {
    case .url(let url) where url.lowercased().hasPrefix("https://"):
      return "preflight: warning: TLS certificates are not verified (--insecure): anyone on the "
        + "path to the server can read and change this session\n"
    case .url:
      return "preflight: note: --insecure has no effect on an http:// URL (there is no TLS)\n"
    case .demo, .command:
      return "preflight: note: --insecure has no effect on a stdio server\n"
    }
  }

  /// The target as people read it, secrets redacted.
  var description: String {
    switch target {
    case .demo: "the demo server"
    case .command(let line):
      "'" + UntrustedText.sanitize(log.redactor.redact(line.joined(separator: " ")).0) + "'"
    case .url(let url): UntrustedText.sanitize(log.redactor.redactURL(url).0)
    }
  }

  /// The target for the TUI's header: the command line or URL, secrets redacted.
  var headerText: String {
    switch target {
    case .demo: "preflight demo-server"
    case .command(let line):
      UntrustedText.sanitize(log.redactor.redact(line.joined(separator: " ")).0)
    case .url(let url): UntrustedText.sanitize(log.redactor.redactURL(url).0)
    }
  }

  /// A new transport for the target.
  func makeTransport() throws(CLIFailure) -> any Transport {
    switch target {
    case .demo:
      return StdioTransport(
        commandLine: [ConnectionPlan.executablePath(), "demo-server"], environment: environment,
        workingDirectory: workingDirectory)
    case .command(let commandLine):
      return StdioTransport(
        commandLine: commandLine, environment: environment, workingDirectory: workingDirectory)
    case .url(let url):
      // Over plain http:// the flag has nothing to turn off (insecureNotice says so).
      let options = HTTPTransportOptions(
        url: url, profile: profile, headers: headers.headers,
        insecure: insecure && url.lowercased().hasPrefix("https://"),
        connectTimeout: settings.connectTimeout, redactor: log.redactor)
      return HTTPTransports.make(
        url: url, mode: HTTPTransportMode(rawValue: transportMode) ?? .auto, options: options)
    }
  }

  /// The handler for server requests; `tellUser` also reports each answer on standard error
  /// (headless commands; the TUI has no standard error to spare).
  func requestHandler(tellUser: Bool, transport: String) -> HeadlessRequestHandler {
    HeadlessRequestHandler(
      answers: serverRequestAnswers, log: log, tellUser: tellUser, transport: transport)
  }

  /// A new session over a new transport (not yet connected).
  func makeSession() throws(CLIFailure) -> MCPClientSession {
    MCPClientSession(
      transport: try makeTransport(), profile: profile, settings: settings, log: log)
  }

  /// Values of query parameters named like secrets (`?token=…&api_key=…`), so they are masked
  /// wherever a server echoes them, not only inside URLs.
  static func querySecrets(_ url: String) -> [String] {
    guard let q = url.firstIndex(of: "?") else { return [] }
    let afterMark: Substring = url[url.index(after: q)...]
    let query: Substring = afterMark.split(separator: "#").first ?? ""
    return query.split(separator: "&").compactMap { (pair: Substring) -> String? in
      guard let eq = pair.firstIndex(of: "=") else { return nil }
      let name = String(pair[..<eq])
      guard Redactor.isSecretName(name) || name.lowercased() == "key" else { return nil }
      let value = String(pair[pair.index(after: eq)...])
      return value.removingPercentEncoding ?? value
    }
  }

  /// This executable's path, for spawning `preflight demo-server`.
  static func executablePath() -> String {
    if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      return resolved
    }
    return CommandLine.arguments[0]
  }
}
