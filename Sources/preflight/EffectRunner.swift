import ApprovalPolicy
import Foundation
import HostFlow
import PreflightCore
import PreflightJSON
import PreflightUI
import Synchronization

/// Runs the UI's effects on background tasks and posts their results to the inbox: connecting,
/// listing tools, restarting, quitting. Protocol work never runs on the UI thread.
final class EffectRunner: Sendable {
  private struct State {
    var session: MCPClientSession?
    /// Bumped on every (re)connect, so events of an old session are ignored.
    var generation = 0
    /// The conversation calls belong to (its `openai/session` and remembered choices).
    var conversation: String
  }

  private let plan: ConnectionPlan
  private let inbox: Inbox
  private let policy: Policy
  private let state: Mutex<State>

  init(plan: ConnectionPlan, inbox: Inbox, policy: Policy, conversation: String) {
    self.plan = plan
    self.inbox = inbox
    self.policy = policy
    self.state = Mutex(State(conversation: conversation))
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
    case .callTool(let call, let tool, let answer, let ledger):
      // The conversation as the call was made, even if `n` is pressed before the task starts.
      let conversation = state.withLock { $0.conversation }
      Task.detached {
        await self.callTool(
          call, tool: tool, answer: answer, ledger: ledger, conversation: conversation)
      }
    case .startConversation(let name):
      state.withLock { $0.conversation = name }
    case .quit:
      break  // The loop ends; ``shutdown()`` closes the session.
    case .editInEditor, .copyToClipboard:
      break  // They need the terminal: TUIApplication runs them on its thread.
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
    } catch {
      guard isCurrent(generation) else { return }
      inbox.post(.connectionFailed(error.description))
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

  /// Runs the call through the same host flow as `preflight call`, under the ledger the UI
  /// decided with, so the wire log's approval entries match what the card showed.
  private func callTool(
    _ call: ModelCall, tool: JSONValue, answer: ApprovalAnswer?, ledger: RememberLedger,
    conversation: String
  ) async {
    guard let session = state.withLock({ $0.session }) else { return }
    let server = await session.server?.name ?? ""
    var runner = ModelCallRunner(
      server: server, policy: policy, conversation: conversation, ledger: ledger)
    let record = await runner.run(call, tool: tool, answer: answer, session: session)
    inbox.post(.callFinished(record))
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
