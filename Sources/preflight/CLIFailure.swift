import Foundation
import PreflightCore
import PreflightJSON

/// A failure a command reports to the user, with its exit code from cli.md.
struct CLIFailure: Error {
  /// The `error.kind` of the JSON failure document.
  enum Kind: String {
    case usage, transport, auth, validation, server
  }

  var kind: Kind
  var message: String
  var exitCode: Int32
  var validation: [(path: String, message: String)] = []
  /// The JSON-RPC error code, for a server that answered with an error.
  var code: Int?
  /// Set when the command already printed its JSON document: the failure then only explains
  /// itself on standard error.
  var documentPrinted = false

  /// This failure, for a command that has already printed its JSON document.
  func silenced(json: Bool) -> CLIFailure {
    var copy = self
    copy.documentPrinted = json
    return copy
  }

  static func usage(_ message: String) -> CLIFailure {
    CLIFailure(kind: .usage, message: message, exitCode: 2)
  }

  /// Maps a session error to its exit code and kind.
  static func session(_ error: SessionError, target: String) -> CLIFailure {
    switch error {
    case .unauthorized(let why):
      CLIFailure(kind: .auth, message: "cannot use \(target): \(why)", exitCode: 3)
    case .connection(let why):
      CLIFailure(kind: .transport, message: "cannot use \(target): \(why)", exitCode: 3)
    case .rpc(_, let rpcError):
      CLIFailure(
        kind: .server, message: error.description, exitCode: error.exitCode, code: rpcError.code)
    case .invalidResponse:
      CLIFailure(kind: .server, message: error.description, exitCode: error.exitCode)
    }
  }

  /// Prints the failure: one JSON document on standard output with `--json`, else a message on
  /// standard error.
  func report(json: Bool) {
    if json && !documentPrinted {
      var e = JSONObject()
      e["kind"] = .string(kind.rawValue)
      e["message"] = .string(message)
      if let code { e["code"] = .int(code) }
      if !validation.isEmpty {
        e["validation"] = .array(
          validation.map { ["path": .string($0.path), "message": .string($0.message)] })
      }
      print(JSONPrinter.pretty(["error": .object(e)]))
    } else {
      let text =
        message.hasPrefix("Error:") || message.hasPrefix("Usage:")
        ? message : "preflight: \(message)"
      FileHandle.standardError.write(Data((text + "\n").utf8))
    }
  }
}
