import ApprovalPolicy
import Foundation
import HostFlow
import PreflightCore
import PreflightJSON
import PreflightUI
import ServerCheck
import Synchronization

/// Runs the UI's effects on background tasks and posts their results to the inbox: connecting,
/// listing tools, restarting, quitting. Protocol work never runs on the UI thread.
final class EffectRunner: Sendable {
  private struct State {
    var session: MCPClientSession?
    /// Bumped on every (re)connect, so events of an old session are ignored.
    var generation = 0
    /// The call in flight, so that it can be cancelled.
    var call: Task<Void, Never>?
    /// The current session's handler for server requests, for the user's answers.
    var requests: TUIRequestHandler?
    /// Whether this session's first call has said why no progress shows (when it does not).
    var progressExplained = false
    /// The UI's conversation, whose request `_meta` is described after each connect.
    var conversation = "conversation-1"
  }

  private let plan: ConnectionPlan
  private let inbox: Inbox
  private let policy: Policy
  private let state: Mutex<State>

  init(plan: ConnectionPlan, inbox: Inbox, policy: Policy) {
    self.plan = plan
    self.inbox = inbox
    self.policy = policy
    self.state = Mutex(State())
    plan.log.addObserver { [inbox] record in inbox.post(.wire([record])) }
  }

  /// Starts an effect; returns at once.
  func run(_ effect: Effect) {
    switch effect {
    case .connect:
      Task.detached { await self.connect() }
    case .refreshTools:
      Task.detached { await self.refreshTools() }
    case .restart:
      Task.detached {
        await self.closeCurrent()
        await self.connect()
      }
    case .startConversation(let name):
      // Each call's request names its conversation (and so its `openai/session`); the UI is
      // told the new conversation's request _meta for its overlay (m) and the card.
      state.withLock { $0.conversation = name }
      Task.detached { await self.describeRequestMeta(name) }
    case .cancelCall:
      // Cancelling the task cancels the request: the peer sends notifications/cancelled.
      state.withLock { $0.call }?.cancel()
    case .runCheck:
      Task.detached { await self.runCheck() }
    case .saveFile(let contents, let path, let overwrite):
      Task.detached { [inbox] in
        inbox.post(.fileSaved(SavedFile.write(contents, to: path, overwrite: overwrite)))
      }
    case .quit:
      break  // The loop ends; ``shutdown()`` closes the session.
    case .editInEditor, .copyToClipboard:
      break  // They need the terminal: TUIApplication runs them on its thread.
    case .runCall(let request):
      let task = Task.detached { await self.runCall(request) }
      state.withLock { $0.call = task }
    case .readResource(let uri):
      Task.detached { await self.readResource(uri) }
    case .exportTranscript(let path, let document):
      Task.detached { self.export(document, to: path) }
    case .ping:
      Task.detached { await self.ping() }
    case .setLogLevel(let level):
      Task.detached { await self.setLogLevel(level) }
    case .loadCatalog:
      Task.detached { await self.loadCatalog() }
    case .getPrompt(let name):
      Task.detached { await self.getPrompt(name) }
    case .getPromptWithArguments(let name, let arguments):
      Task.detached { await self.getPrompt(name, arguments: arguments) }
    case .subscribe(let uri, let on):
      Task.detached { await self.subscribe(uri, on) }
    case .complete(let reference, let argument, let value, let context):
      Task.detached {
        await self.complete(reference, argument: argument, value: value, context: context)
      }
    case .answerElicitation(let id, let answer):
      let handler = state.withLock { $0.requests }
      Task.detached { await handler?.answer(id, answer) }
    case .answerSampling(let id, let reply):
      let handler = state.withLock { $0.requests }
      Task.detached { await handler?.answerSampling(id, reply) }
    }
  }

  /// Closes the session (stdio: stdin, then SIGTERM, then SIGKILL) and the wire-log file.
  func shutdown() async {
    await closeCurrent()
    plan.log.closeFile()
  }

  private func closeCurrent() async {
    let session = state.withLock { s -> MCPClientSession? in
      s.generation += 1
      defer { s.session = nil }
      return s.session
    }
    await session?.close()
  }

  private func connect() async {
    let session: MCPClientSession
    do {
      session = try plan.makeSession()
      let handler = TUIRequestHandler(
        headless: plan.requestHandler(tellUser: false, transport: session.peer.transportKind),
        askUser: !plan.serverRequestAnswers.elicitGiven, inbox: inbox, log: plan.log,
        transport: session.peer.transportKind,
        cannedReplies: plan.serverRequestAnswers.samplingReplies ?? [])
      state.withLock {
        $0.requests = handler
        $0.progressExplained = false
      }
      await session.install(handler)
    } catch {
      inbox.post(.connectionFailed(error.message))
      return
    }
    let generation = state.withLock { s -> Int in
      s.generation += 1
      s.session = session
      return s.generation
    }
    watchForClose(session, generation: generation)
    do {
      let info = try await session.connect()
      guard isCurrent(generation) else { return }
      inbox.post(.connected(info))
      await describeRequestMeta(state.withLock { $0.conversation })
    } catch {
      guard isCurrent(generation) else { return }
      inbox.post(.connectionFailed(error.description))
    }
  }

  /// Tells the UI the tool-call `_meta` of `conversation` as the session will send it before
  /// the TUI's edits: the profile's keys (this user's subject, the conversation's session) and
  /// `--request-meta`.
  private func describeRequestMeta(_ conversation: String) async {
    guard let session = state.withLock({ $0.session }) else { return }
    let profile = await session.toolCallMeta(conversation: conversation)
    inbox.post(
      .requestMetaKnown(
        conversation: conversation, profile: profile,
        commandLine: session.settings.requestMeta ?? JSONObject()))
  }

  /// Lists what the server declares: resources (and templates; a server without
  /// `resources/templates/list` has none) and prompts.
  private func loadCatalog() async {
    guard let session = state.withLock({ $0.session }) else { return }
    let capabilities = await session.server?.capabilities
    do {
      var resources: [JSONValue] = []
      var templates: [JSONValue] = []
      var prompts: [JSONValue] = []
      if capabilities?["resources"] != nil {
        resources = try await session.listResources()
        do {
          templates = try await session.listResourceTemplates()
        } catch .rpc(_, let e) where e.code == JSONRPCErrorObject.methodNotFoundCode {
          templates = []
        }
      }
      if capabilities?["prompts"] != nil { prompts = try await session.listPrompts() }
      inbox.post(.catalogLoaded(resources: resources, templates: templates, prompts: prompts))
    } catch {
      inbox.post(.catalogFailed(error.description))
    }
  }

  private func subscribe(_ uri: String, _ on: Bool) async {
    guard let session = state.withLock({ $0.session }) else { return }
    do {
      if on {
        try await session.subscribe(uri)
      } else {
        try await session.unsubscribe(uri)
      }
      inbox.post(.subscriptionChanged(uri, on))
    } catch {
      inbox.post(.catalogFailed(error.description))
    }
  }

  private func complete(
    _ reference: JSONValue, argument: String, value: String, context: JSONObject
  ) async {
    guard let session = state.withLock({ $0.session }) else { return }
    do {
      let answer = try await session.completion(
        reference: reference, argument: argument, value: value, context: context)
      inbox.post(
        .completionsArrived(
          argument: argument, values: answer.values, total: answer.total,
          hasMore: answer.hasMore))
    } catch {
      inbox.post(.completionsFailed(error.description))
    }
  }

  private func getPrompt(_ name: String, arguments: JSONObject? = nil) async {
    guard let session = state.withLock({ $0.session }) else { return }
    do {
      inbox.post(
        .promptGot(name: name, result: try await session.getPrompt(name, arguments: arguments)))
    } catch {
      inbox.post(.catalogFailed(error.description))
    }
  }

  private func setLogLevel(_ level: String) async {
    guard let session = state.withLock({ $0.session }) else { return }
    do {
      try await session.setLoggingLevel(level)
      inbox.post(.logLevelSet(level))
    } catch {
      inbox.post(.logLevelFailed(error.description))
    }
  }

  private func ping() async {
    guard let session = state.withLock({ $0.session }) else { return }
    do {
      inbox.post(.pinged(try await session.ping()))
    } catch {
      inbox.post(.pingFailed(error.description))
    }
  }

  private func refreshTools() async {
    guard let session = state.withLock({ $0.session }) else { return }
    do {
      inbox.post(.toolsLoaded(try await session.listTools()))
    } catch {
      inbox.post(.toolsFailed(error.description))
    }
  }

  /// The connector check on the live session, through the same gatherer and rules as
  /// `preflight check` (without the discover probe and OAuth discovery, which need a fresh,
  /// unauthenticated connection).
  private func runCheck() async {
    guard let session = state.withLock({ $0.session }), let server = await session.server else {
      inbox.post(.checkFailed("not connected — press R to restart, then C"))
      return
    }
    let gatherer = CheckGatherer(plan: plan, callReadOnly: false)
    var observation = CheckObservation(target: gatherer.checkTarget())
    await gatherer.observe(session, server: server, into: &observation)
    inbox.post(.checkFinished(CheckReport(observation: observation, policy: policy)))
  }

  /// Runs the call through the host flow under the policy and conversation the UI decided in.
  /// Runs the call through the same host flow as `preflight call`, under the ledger the UI
  /// decided with, so the wire log's approval entries match what the card showed. The first
  /// call of a session says why no progress will show, when the profile sends no token.
  private func runCall(_ request: ToolCallRequest) async {
    guard let session = state.withLock({ $0.session }) else { return }
    let server = await session.server?.name ?? ""
    let explain = state.withLock { s -> Bool in
      defer { s.progressExplained = true }
      return !s.progressExplained
    }
    if explain, let reason = await session.progressOffReason() {
      plan.log.recordLocal(
        kind: "progress-off", text: reason, transport: session.peer.transportKind)
    }
    var runner = ModelCallRunner(
      server: server, policy: request.policy, conversation: request.conversation,
      ledger: request.ledger)
    let record = await runner.run(
      request.call, tool: request.tool, answer: request.answer, session: session,
      metaOverride: request.metaOverride)
    inbox.post(.callFinished(record))
  }

  /// Reads a widget template.
  private func readResource(_ uri: String) async {
    guard let session = state.withLock({ $0.session }) else {
      inbox.post(.resourceRead(uri: uri, result: nil, error: "not connected"))
      return
    }
    do {
      inbox.post(.resourceRead(uri: uri, result: try await session.readResource(uri), error: nil))
    } catch {
      inbox.post(.resourceRead(uri: uri, result: nil, error: error.description))
    }
  }

  /// Writes the transcript, redacted like the wire log, to a new file; an existing file is
  /// left alone and the UI asks for another name.
  private func export(_ document: JSONValue, to path: String) {
    var redactor = plan.log.redactor
    for value in Self.secretValues(in: document) { redactor.add(secret: value) }
    let redacted = redactor.redact(document) ?? document
    let data = Data((JSONPrinter.pretty(redacted) + "\n").utf8)
    if FileManager.default.fileExists(atPath: path) {
      inbox.post(
        .exportFinished(path: path, error: "\(path) exists — not replaced; choose another name"))
      return
    }
    do {
      try data.write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
      inbox.post(.exportFinished(path: path, error: nil))
    } catch {
      inbox.post(
        .exportFinished(path: path, error: "cannot write \(path): \(error.localizedDescription)"))
    }
  }

  /// The string values of members named like secrets (`api_key`, `password`…), so the export
  /// also masks them where a server echoes them back inside text.
  private static func secretValues(in value: JSONValue) -> [String] {
    switch value {
    case .array(let items): return items.flatMap { secretValues(in: $0) }
    case .object(let o):
      return o.members.flatMap { m -> [String] in
        if Redactor.isSecretName(m.key), let s = m.value.stringValue ?? m.value.numberText,
          s.count >= 4, s != Redactor.mask
        {
          return [s]
        }
        return secretValues(in: m.value)
      }
    default: return []
    }
  }

  private func isCurrent(_ generation: Int) -> Bool {
    state.withLock { $0.generation == generation }
  }

  /// Reports a server that goes away on its own after connecting.
  private func watchForClose(_ session: MCPClientSession, generation: Int) {
    let events = session.peer.events
    Task.detached { [inbox] in
      for await event in events {
        if case .closed(let reason) = event, reason != .local {
          if self.isCurrent(generation) { inbox.post(.disconnected(reason.description)) }
        }
      }
    }
  }
}
