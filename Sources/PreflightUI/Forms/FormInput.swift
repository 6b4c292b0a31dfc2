/// What the user has entered for one field: the editable state behind a form's values.
public indirect enum FormInput: Sendable, Hashable {
  /// Not set: the field is left out of the arguments.
  case unset
  /// An explicit JSON `null` (for nullable fields).
  case null
  /// Typed text: the value of text, number, integer and raw fields, or text that a boolean,
  /// choice, list or object field could not make sense of (reported as an error).
  case text(String)
  /// A boolean's value.
  case bool(Bool)
  /// The index of the option picked in a choice.
  case choice(Int)
  /// The indices of the options picked in a multiple choice, ascending.
  case choices([Int])
  /// A list's items.
  case list([FormInput])
  /// An object's fields by property name; a missing name is not set.
  case object([String: FormInput])

  /// Whether anything has been entered.
  public var isSet: Bool {
    if case .unset = self { return false }
    return true
  }
}
