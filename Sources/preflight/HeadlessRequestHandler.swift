import Foundation
import PreflightCore
import PreflightJSON
import PreflightText

/// Answers a server's requests without asking anyone: elicitation from `--elicit`, sampling from
/// `--sampling-reply`, roots from `--root`. Every answer is recorded in the wire log as a
/// `server-request` local record and, for headless commands, told on standard error, so a
/// script's output never hides that a server asked for something.
actor HeadlessRequestHandler: ServerRequestHandler {
  /// How to answer elicitation requests (`--elicit`).
  enum ElicitChoice: Sendable, Equatable {
    case accept
    case decline
    case cancel
    /// Accept with this content (form mode), from `--elicit @FILE`.
    case content(JSONValue, file: String)
  }

  /// What the handler answers with.
  struct Answers: Sendable {
    var elicit: ElicitChoice = .decline
    /// Explicitly chosen (`--elicit` given), for the message.
    var elicitGiven = false
    /// Canned `sampling/createMessage` results, used in order (the last repeats); nil rejects.
    var samplingReplies: [JSONValue]?
    var roots: [ClientRoot] = []
  }

  private let answers: Answers
  private let log: WireLog
  private let tellUser: Bool
  private let transport: String
  private var samplingUsed = 0

  /// Makes a handler; `tellUser` writes each answer to standard error as well. `transport` is
  /// the session's transport kind, for the wire-log records.
  init(answers: Answers, log: WireLog, tellUser: Bool, transport: String) {
    self.answers = answers
    self.log = log
    self.tellUser = tellUser
    self.transport = transport
  }

  func elicit(_ request: ElicitationRequest, server: String) async -> ElicitationAnswer {
    let answer: ElicitationAnswer
    var how: String
    switch answers.elicit {
    case .accept:
      if request.mode == .form {
        answer = .accept(HeadlessRequestHandler.defaults(of: request.requestedSchema))
        how = "accepted with the schema's defaults (--elicit accept)"
      } else {
        answer = .accept(nil)
        how =
          "accepted (--elicit accept); Preflight never opens URLs itself: open it yourself "
          + "if you trust it"
      }
    case .decline:
      answer = .decline
      how =
        answers.elicitGiven
        ? "declined (--elicit decline)"
        : "declined (the default; --elicit accept|decline|cancel|@FILE answers otherwise)"
    case .cancel:
      answer = .cancel
      how = "cancelled (--elicit cancel)"
    case .content(let content, let file):
      answer = request.mode == .form ? .accept(content) : .accept(nil)
      how =
        request.mode == .form
        ? "accepted with the content of \(file) (--elicit @FILE)"
        : "accepted (--elicit @FILE); Preflight never opens URLs itself"
    }
    var what = "\(server) asked for input (elicitation, \(request.mode.rawValue) mode): "
    what += UntrustedText.oneLine(request.message, width: 200)
    if request.mode == .url {
      what +=
        " — URL " + UntrustedText.oneLine(request.url ?? "(none)", width: 200)
        + " (domain " + UntrustedText.oneLine(request.domain ?? "unknown", width: 80) + ")"
    }
    tell(kind: "elicitation-answered", "\(what) — \(how)")
    return answer
  }

  func sample(_ params: JSONValue, server: String) async -> Result<JSONValue, JSONRPCErrorObject> {
    let count = params["messages"]?.arrayValue?.count ?? 0
    let what =
      "\(server) asked for a model reply (sampling, \(count) message\(count == 1 ? "" : "s"))"
    guard let replies = answers.samplingReplies, !replies.isEmpty else {
      tell(
        kind: "sampling-answered",
        "\(what) — rejected (the default; --sampling-reply FILE answers with a canned reply)")
      return .failure(JSONRPCErrorObject(code: -1, message: "User rejected sampling request"))
    }
    let reply = replies[min(samplingUsed, replies.count - 1)]
    samplingUsed += 1
    tell(
      kind: "sampling-answered",
      "\(what) — answered with canned reply \(min(samplingUsed, replies.count)) of "
        + "\(replies.count) (--sampling-reply)")
    return .success(reply)
  }

  func roots() async -> [ClientRoot] {
    let list = answers.roots.map(\.uri).joined(separator: ", ")
    tell(
      kind: "roots-answered",
      "the server asked for roots — answered "
        + (answers.roots.isEmpty ? "none (--root PATH adds one)" : list))
    return answers.roots
  }

  private func tell(kind: String, _ text: String) {
    log.recordLocal(kind: kind, text: text, transport: transport)
    if tellUser {
      FileHandle.standardError.write(Data(("preflight: " + text + "\n").utf8))
    }
  }

  /// An object of the `default` values the schema's properties declare.
  static func defaults(of schema: JSONValue?) -> JSONValue {
    var content = JSONObject()
    for member in schema?["properties"]?.objectValue?.members ?? [] {
      if let value = member.value["default"] { content[member.key] = value }
    }
    return .object(content)
  }

  /// Reads `--sampling-reply FILE`: one `CreateMessageResult` object, an array of them, or
  /// plain text (used as the reply text of an assistant message from model
  /// `preflight-canned`).
  static func samplingReplies(file path: String) throws(CLIFailure) -> [JSONValue] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .usage("cannot read --sampling-reply file '\(path)'")
    }
    if let value = try? JSONParser.parse(Array(data)) {
      let replies = value.arrayValue ?? [value]
      for (i, reply) in replies.enumerated() {
        guard reply.objectValue != nil, reply["content"] != nil else {
          throw .usage(
            "--sampling-reply file '\(path)': reply \(i + 1) is not a CreateMessageResult "
              + "object with role, content, model and stopReason")
        }
      }
      guard !replies.isEmpty else {
        throw .usage("--sampling-reply file '\(path)' holds an empty array")
      }
      return replies
    }
    let text = String(decoding: data, as: UTF8.self)
    return [
      [
        "role": "assistant", "content": ["type": "text", "text": .string(text)],
        "model": "preflight-canned", "stopReason": "endTurn",
      ]
    ]
  }
}
