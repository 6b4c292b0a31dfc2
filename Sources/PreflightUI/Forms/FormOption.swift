import PreflightJSON

/// One choice in a pick list: the JSON value sent and the text shown.
public struct FormOption: Sendable, Hashable {
  /// The value put into the arguments when this option is picked.
  public var value: JSONValue
  /// What the user sees: the option's `title`, its legacy `enumNames` entry, or the value.
  public var title: String

  /// Makes an option.
  public init(value: JSONValue, title: String) {
    self.value = value
    self.title = title
  }

  /// An option showing its own value: strings as they are, anything else as compact JSON.
  public init(value: JSONValue) {
    self.init(value: value, title: value.stringValue ?? JSONPrinter.compact(value))
  }
}
