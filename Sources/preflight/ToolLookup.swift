import HostFlow
import PreflightCore
import PreflightJSON
import PreflightText

/// Finding a tool by name and checking arguments against its input schema, before anything
/// is sent.
enum ToolLookup {
  /// The tool object named `name`, or a usage failure (exit 2) naming the nearest tool. With
  /// `sendAnyway` (`--no-validate`) an unknown tool stands as a bare `{"name": …}` — no
  /// annotations, so the policy treats it as a write — and goes to the server.
  static func find(
    _ name: String, in listing: ToolListing, sendAnyway: Bool = false
  ) throws(CLIFailure) -> JSONValue {
    if let tool = listing.tool(named: name) { return tool }
    if sendAnyway { return ["name": .string(name)] }
    let names = listing.tools.compactMap { $0["name"]?.stringValue }
    var message = "unknown tool '\(UntrustedText.sanitize(name))'; nothing was sent"
    if let near = names.min(by: {
      PreflightCommand.editDistance(name, $0) < PreflightCommand.editDistance(name, $1)
    }), PreflightCommand.editDistance(name, near) <= max(2, near.count / 3) {
      message += "; did you mean '\(UntrustedText.sanitize(near))'?"
    } else if !names.isEmpty {
      message +=
        "; the server has "
        + names.prefix(20).map { UntrustedText.sanitize($0) }.joined(separator: ", ")
        + (names.count > 20 ? ", … (\(names.count) in all)" : "")
    }
    throw CLIFailure(kind: .validation, message: message, exitCode: 2)
  }

  /// Checks `arguments` against the tool's `inputSchema`; a failure (exit 2) lists each error.
  static func validate(_ arguments: JSONValue?, for tool: JSONValue, name: String)
    throws(CLIFailure)
  {
    var checker = ArgumentChecker()
    try validate(arguments, for: tool, name: name, checker: &checker)
  }

  /// ``validate(_:for:name:)`` with schemas compiled once across calls.
  static func validate(
    _ arguments: JSONValue?, for tool: JSONValue, name: String, checker: inout ArgumentChecker
  ) throws(CLIFailure) {
    let violations = checker.violations(arguments, tool: tool)
    guard !violations.isEmpty else { return }
    let lines = violations.map { "  \($0.path): \($0.message)" }.joined(separator: "\n")
    var failure = CLIFailure(
      kind: .validation,
      message: "the arguments for \(UntrustedText.sanitize(name)) do not match its input schema; "
        + "nothing was sent (--no-validate sends them anyway):\n" + lines,
      exitCode: 2)
    failure.validation = violations.map { ($0.path, $0.message) }
    throw failure
  }
}
