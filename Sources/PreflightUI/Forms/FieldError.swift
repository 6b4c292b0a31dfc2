import PreflightJSON

/// A problem with one field of a form, to be shown at that field.
public struct FieldError: Sendable, Hashable, CustomStringConvertible {
  /// The field the problem belongs to (the root pointer for problems with the whole form).
  public var path: JSONPointer
  /// What is wrong, naming the field: "count must be an integer".
  public var message: String

  /// Makes an error.
  public init(path: JSONPointer, message: String) {
    self.path = path
    self.message = message
  }

  /// The pointer and the message.
  public var description: String { "\(path): \(message)" }
}
