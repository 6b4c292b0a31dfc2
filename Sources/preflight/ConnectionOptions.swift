import ApprovalPolicy
import ArgumentParser
import Foundation
import PreflightCore
import PreflightJSON

/// The options of every command that connects to a server (cli.md, "Options common to every
/// command that connects").
struct ConnectionOptions: ParsableArguments {
  @Option(
    name: .customLong("client-profile"),
    help: ArgumentHelp(
      "What the client sends: chatgpt, chatgpt-2025 or full (see preflight profiles).",
      valueName: "name"))
  var clientProfile = "chatgpt"

  @Option(
    name: .customLong("protocol-version"),
    help: ArgumentHelp("Offer this protocol version instead of the profile's.", valueName: "v"))
  var protocolVersion: String?

  @Option(
    help: ArgumentHelp(
      "Approval policy: chatgpt, codex-auto, read-only, always-ask, never-ask.",
      valueName: "name"))
  var policy = "chatgpt"

  @Option(
    help: ArgumentHelp(
      "For URLs: auto (Streamable HTTP, then legacy SSE), http or sse.", valueName: "mode"))
  var transport = "auto"

  @Option(
    name: [.customShort("H"), .customLong("header")],
    help: ArgumentHelp(
      "An HTTP header, 'Name: value' (repeatable); ${VAR} is read from the environment.",
      valueName: "header"))
  var header: [String] = []

  @Option(
    help: ArgumentHelp(
      "Send 'Authorization: Bearer TOKEN'; use ${VAR} to keep the token out of shell history.",
      valueName: "token"))
  var bearer: String?

  @Flag(
    help: "Accept any TLS certificate (https URLs; a warning says so).")
  var insecure = false

  @Option(
    name: .customLong("env"),
    help: ArgumentHelp("Environment variable for a stdio server (repeatable).", valueName: "K=V"))
  var environment: [String] = []

  @Option(help: ArgumentHelp("Working directory for a stdio server.", valueName: "dir"))
  var cwd: String?

  @Option(
    help: ArgumentHelp("Per-request timeout in seconds (default: the profile's).", valueName: "s"))
  var timeout: Double?

  @Option(
    name: .customLong("max-time"),
    help: ArgumentHelp("Cap on one request despite progress resets, in seconds.", valueName: "s"))
  var maxTime: Double?

  @Option(
    name: .customLong("connect-timeout"),
    help: ArgumentHelp("Seconds from spawn through initialize.", valueName: "s"))
  var connectTimeout: Double = 10

  @Flag(
    inversion: .prefixedNo,
    help: "Send _meta.progressToken on requests (default: the profile's).")
  var progress: Bool?

  @Option(
    name: .customLong("request-meta"),
    help: ArgumentHelp(
      "JSON object file merged into every request's _meta, key by key over the profile's "
        + "(a null value: the key is not sent). A value starting with { is the JSON itself.",
      valueName: "file"))
  var requestMeta: String?

  @Option(
    name: .customLong("log-level"),
    help: ArgumentHelp(
      "Send logging/setLevel with this level after connecting.", valueName: "level"))
  var logLevel: String?

  @Option(
    name: .customLong("root"),
    help: ArgumentHelp(
      "A directory advertised to the server as a root (repeatable; profiles that declare roots).",
      valueName: "path"))
  var roots: [String] = []

  @Option(
    help: ArgumentHelp(
      "Answer elicitation requests: accept, decline, cancel, or @FILE (accept with its JSON).",
      valueName: "answer"))
  var elicit: String?

  @Option(
    name: .customLong("sampling-reply"),
    help: ArgumentHelp(
      "Answer sampling requests with this canned reply (JSON result(s) or plain text).",
      valueName: "file"))
  var samplingReply: String?

  @Option(
    name: .customLong("wire-log"),
    help: ArgumentHelp("Append every frame to this file as NDJSON.", valueName: "file"))
  var wireLog: String?

  @Option(
    name: .customLong("wire-cap"),
    help: ArgumentHelp("Frames kept in memory before the oldest are evicted.", valueName: "n"))
  var wireCap = 100_000

  /// The profile named by `--client-profile`, or a usage error that lists the profiles.
  func profile() throws(CLIFailure) -> ClientProfile {
    if let profile = ClientProfile.named(clientProfile) { return profile }
    let names = ClientProfile.builtin.map(\.name).joined(separator: ", ")
    if let why = ClientProfile.planned[clientProfile] {
      throw .usage("profile '\(clientProfile)' is not available yet: \(why). Profiles: \(names)")
    }
    throw .usage("unknown client profile '\(clientProfile)'; the profiles are \(names)")
  }

  /// The policy named by `--policy`, or a usage error that lists them.
  func approvalPolicy() throws(CLIFailure) -> Policy {
    guard let policy = Policy(name: policy) else {
      throw .usage(
        "unknown policy '\(policy)'; the policies are "
          + Policy.allCases.map(\.name).joined(separator: ", "))
    }
    return policy
  }

  /// `--env` as a dictionary, or a usage error for an entry without `=`.
  func environmentValues() throws(CLIFailure) -> [String: String] {
    var values: [String: String] = [:]
    for entry in environment {
      guard let eq = entry.firstIndex(of: "="), eq != entry.startIndex else {
        throw .usage("--env needs K=V, got '\(entry.prefix(40))'")
      }
      values[String(entry[..<eq])] = String(entry[entry.index(after: eq)...])
    }
    return values
  }

  private func seconds(_ value: Double?, _ name: String) throws(CLIFailure) -> Duration? {
    guard let value else { return nil }
    guard value > 0, value.isFinite else {
      throw .usage("\(name) must be a positive number of seconds")
    }
    return .milliseconds(Int64(value * 1000))
  }

  /// How server requests are answered without a person: `--elicit`, `--sampling-reply`,
  /// `--root`. Options the profile cannot use (it does not declare the capability) are warned
  /// about on standard error.
  func serverRequestAnswers(profile: ClientProfile) throws(CLIFailure)
    -> HeadlessRequestHandler.Answers
  {
    var answers = HeadlessRequestHandler.Answers()
    if let elicit {
      answers.elicitGiven = true
      switch elicit {
      case "accept": answers.elicit = .accept
      case "decline": answers.elicit = .decline
      case "cancel": answers.elicit = .cancel
      default:
        guard elicit.hasPrefix("@") else {
          throw .usage("--elicit takes accept, decline, cancel or @FILE, not '\(elicit)'")
        }
        let path = String(elicit.dropFirst())
        let content = try ArgumentsInput.readFile(path, what: "--elicit file")
        guard content.objectValue != nil else {
          throw .usage("--elicit file '\(path)' must hold a JSON object (the form's content)")
        }
        answers.elicit = .content(content, file: path)
      }
    }
    if let samplingReply {
      answers.samplingReplies = try HeadlessRequestHandler.samplingReplies(file: samplingReply)
    }
    let cwd = FileManager.default.currentDirectoryPath
    answers.roots = roots.map { path in
      ClientRoot(path: path.hasPrefix("/") ? path : cwd + "/" + path)
    }
    let declared: [(String, Bool, String)] = [
      ("--root", !roots.isEmpty, "roots"), ("--elicit", elicit != nil, "elicitation"),
      ("--sampling-reply", samplingReply != nil, "sampling"),
    ]
    for (option, given, capability) in declared
    where given && profile.capabilities[capability] == nil {
      FileHandle.standardError.write(
        Data(
          ("preflight: warning: \(option) has no effect: the \(profile.name) profile does not "
            + "declare \(capability) (try --client-profile full)\n").utf8))
    }
    return answers
  }

  /// The session settings these options describe.
  func settings() throws(CLIFailure) -> SessionSettings {
    var meta: JSONObject?
    if let path = requestMeta {
      // Inline JSON (what the TUI's share line writes) or a file.
      let inline = path.first == "{"
      guard let data = inline ? Data(path.utf8) : FileManager.default.contents(atPath: path) else {
        throw .usage("cannot read --request-meta file '\(path)'")
      }
      do {
        let value = try JSONParser.parse(Array(data))
        guard let object = value.objectValue else {
          throw CLIFailure.usage("--request-meta must hold a JSON object, not \(value.typeName)")
        }
        meta = object
      } catch let error as JSONParseError {
        throw .usage(
          inline
            ? "--request-meta: the inline JSON is not valid: \(error)"
            : "--request-meta file '\(path)' is not JSON: \(error)")
      } catch let failure as CLIFailure {
        throw failure
      } catch {
        throw .usage("--request-meta: \(error)")
      }
    }
    if wireCap < 1 { throw .usage("--wire-cap must be at least 1") }
    return SessionSettings(
      protocolVersion: protocolVersion,
      timeout: try seconds(timeout, "--timeout"),
      maxTime: try seconds(maxTime, "--max-time"),
      connectTimeout: try seconds(connectTimeout, "--connect-timeout") ?? .seconds(10),
      progress: progress,
      requestMeta: meta,
      logLevel: logLevel,
      identity: UserSeed.identity())
  }
}
