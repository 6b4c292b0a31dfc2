/// What sort of editor a form field needs.
public indirect enum FormFieldKind: Sendable, Hashable {
  /// A line of text; `format` (`email`, `uri`, `date` …) and `pattern` are shown as hints and
  /// checked by the schema validator.
  case text(format: String?, pattern: String?)
  /// A number, kept as the text typed ("1.50" is sent as 1.50).
  case number
  /// An integer, kept as the text typed.
  case integer
  /// True or false.
  case boolean
  /// One of a fixed set of values (`enum`, `const`, `oneOf`/`anyOf` of `const`, `enumNames`).
  case choice(options: [FormOption])
  /// Any number of a fixed set of values (an array whose `items` are a choice).
  case multiChoice(options: [FormOption])
  /// An array of items edited one by one; `item` is the template every item is made from (its
  /// path ends in `-`).
  case list(item: FormField)
  /// An object with its own fields.
  case object(fields: [FormField])
  /// Anything a form cannot express (unions of objects, maps, properties with no type,
  /// recursion too deep), edited as JSON text; text that is not JSON and does not start
  /// with `{`, `[` or `"` is taken as a string, so an untyped property accepts plain words.
  case raw
}
