/// Why a tool call failed, in words for the model: a bad argument (naming the field) or a
/// missing task. It becomes a result with `isError: true`, not a JSON-RPC error.
struct DemoToolError: Error, Sendable, Equatable {
  /// What is wrong, e.g. "status must be one of open, done, all".
  var message: String

  /// Makes an error with a message.
  init(_ message: String) {
    self.message = message
  }
}
