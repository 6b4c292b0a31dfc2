import PreflightCore
import PreflightJSON
import PreflightUI

/// The TUI's answers to server requests: elicitation asks the user on screen (unless `--elicit`
/// was given, which answers as headless commands do); sampling and roots come from the flags.
/// Every answer is recorded in the wire log.
actor TUIRequestHandler: ServerRequestHandler {
  private let headless: HeadlessRequestHandler
  private let askUser: Bool
  private let inbox: Inbox
  private let log: WireLog
  private let transport: String
  private var counter = 0
  private var waiting: [Int: CheckedContinuation<ElicitationAnswer, Never>] = [:]
  private var samplingWaiting: [Int: CheckedContinuation<SamplingPrompt.Reply, Never>] = [:]
  private let cannedReplies: [JSONValue]
  private var cannedUsed = 0

  /// Makes a handler; `askUser` is false when `--elicit` answers for the user;
  /// `cannedReplies` come from `--sampling-reply`.
  init(
    headless: HeadlessRequestHandler, askUser: Bool, inbox: Inbox, log: WireLog,
    transport: String, cannedReplies: [JSONValue]
  ) {
    self.cannedReplies = cannedReplies
    self.headless = headless
    self.askUser = askUser
    self.inbox = inbox
    self.log = log
    self.transport = transport
  }

  func elicit(_ request: ElicitationRequest, server: String) async -> ElicitationAnswer {
    guard askUser else { return await headless.elicit(request, server: server) }
    counter += 1
    let id = counter
    let answer = await withTaskCancellationHandler {
      await withCheckedContinuation { (c: CheckedContinuation<ElicitationAnswer, Never>) in
        waiting[id] = c
        inbox.post(
          .elicitationRequested(ElicitationPrompt(id: id, server: server, request: request)))
      }
    } onCancel: {
      // The server cancelled its request (or the connection closed): stop waiting.
      Task { await self.answer(id, .cancel) }
    }
    log.recordLocal(
      kind: "elicitation-answered",
      text: "\(server) asked for input (elicitation, \(request.mode.rawValue) mode): "
        + request.message + " — the user chose \(answer.action)",
      transport: transport)
    return answer
  }

  /// Resumes the elicitation with this id (once; later answers are ignored).
  func answer(_ id: Int, _ answer: ElicitationAnswer) {
    waiting.removeValue(forKey: id)?.resume(returning: answer)
  }

  /// Shows the request and waits for the user: the next canned reply, or a rejection.
  func sample(_ params: JSONValue, server: String) async -> Result<JSONValue, JSONRPCErrorObject> {
    counter += 1
    let id = counter
    // Spelled out: a bare nil in the conditional would become JSON null, a "canned reply".
    let canned: JSONValue? =
      cannedReplies.isEmpty
      ? Optional.none : cannedReplies[min(cannedUsed, cannedReplies.count - 1)]
    let reply = await withTaskCancellationHandler {
      await withCheckedContinuation { (c: CheckedContinuation<SamplingPrompt.Reply, Never>) in
        samplingWaiting[id] = c
        inbox.post(
          .samplingRequested(
            SamplingPrompt(id: id, server: server, params: params, canned: canned)))
      }
    } onCancel: {
      Task { await self.answerSampling(id, .reject) }
    }
    log.recordLocal(
      kind: "sampling-answered",
      text: "\(server) asked for a model reply (sampling) — the user "
        + Self.describe(reply),
      transport: transport)
    switch reply {
    case .written(let text):
      return .success([
        "role": "assistant", "content": ["type": "text", "text": .string(text)],
        "model": "preflight-user", "stopReason": "endTurn",
      ])
    case .canned:
      guard let canned else { break }
      cannedUsed += 1
      return .success(canned)
    case .reject:
      break
    }
    return .failure(JSONRPCErrorObject(code: -1, message: "User rejected sampling request"))
  }

  /// How the user answered, for the wire log (a written reply's text is not repeated there).
  private static func describe(_ reply: SamplingPrompt.Reply) -> String {
    switch reply {
    case .canned: return "sent a canned reply"
    case .written: return "wrote a reply"
    case .reject: return "rejected it"
    }
  }

  /// Resumes the sampling request with this id (once).
  func answerSampling(_ id: Int, _ reply: SamplingPrompt.Reply) {
    samplingWaiting.removeValue(forKey: id)?.resume(returning: reply)
  }

  func roots() async -> [ClientRoot] {
    await headless.roots()
  }
}
