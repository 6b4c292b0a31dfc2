import PreflightCore
import PreflightJSON

extension FormModel {
  /// The arguments object the form makes: fields not set are left out (an optional object
  /// with nothing set too), numbers are sent as typed, fields whose text cannot be read are
  /// left out (and reported by `errors`).
  public var value: JSONValue {
    var errors: [FieldError] = []
    return Self.build(root, input, errors: &errors) ?? .object(JSONObject())
  }

  /// Everything wrong with the form, each at its field: text that cannot be read ("count
  /// must be an integer", "priority must be one of low, normal, high", invalid raw JSON),
  /// required fields not set, then the schema validator's findings about `value` at the
  /// deepest field they point into (ones at a field that already has an error are left out).
  public var errors: [FieldError] {
    var errors: [FieldError] = []
    let value = Self.build(root, input, errors: &errors) ?? .object(JSONObject())
    let flagged = Set(errors.map(\.path))
    for violation in validator.validate(value) {
      let path = fieldPath(nearest: violation.path)
      if flagged.contains(path) { continue }
      let error = FieldError(path: path, message: violation.message)
      if !errors.contains(error) { errors.append(error) }
    }
    return errors
  }

  /// The errors at exactly the field at `path`.
  public func errors(at path: JSONPointer) -> [FieldError] {
    errors.filter { $0.path == path }
  }

  /// The deepest field `path` points into (the root pointer if none).
  func fieldPath(nearest path: JSONPointer) -> JSONPointer {
    var tokens = path.tokens
    while !tokens.isEmpty, field(at: JSONPointer(tokens: tokens)) == nil {
      tokens.removeLast()
    }
    return JSONPointer(tokens: tokens)
  }

  /// The value of `field` given what was entered; nil when it is left out.
  static func build(_ field: FormField, _ input: FormInput, errors: inout [FieldError])
    -> JSONValue?
  {
    func fail(_ message: String) -> JSONValue? {
      errors.append(FieldError(path: field.path, message: "\(field.label) \(message)"))
      return nil
    }
    switch (field.kind, input) {
    case (.object(let fields), .unset), (.object(let fields), .object):
      var entered: [String: FormInput] = [:]
      if case .object(let members) = input { entered = members }
      var members: [JSONMember] = []
      var inner: [FieldError] = []
      for child in fields {
        if let value = build(child, entered[child.name] ?? .unset, errors: &inner) {
          members.append(JSONMember(key: child.name, value: value))
        }
      }
      // An optional object with nothing entered is left out, and so are its complaints.
      let anything = fields.contains { (entered[$0.name] ?? .unset).isSet }
      guard field.required || anything || !members.isEmpty else { return nil }
      errors += inner
      return .object(JSONObject(members))
    case (.list, .unset), (.multiChoice, .unset):
      return field.required ? .array([]) : nil
    case (_, .unset):
      return field.required ? fail("is required") : nil
    case (_, .null):
      return .null
    case (.text, .text(let text)):
      return text.isEmpty && !field.required ? nil : .string(text)
    case (.number, .text(let text)):
      let trimmed = trimmed(text)
      if trimmed.isEmpty { return build(field, .unset, errors: &errors) }
      guard let number = numberText(trimmed) else { return fail("must be a number") }
      return .number(number)
    case (.integer, .text(let text)):
      let trimmed = trimmed(text)
      if trimmed.isEmpty { return build(field, .unset, errors: &errors) }
      guard let number = numberText(trimmed), isInteger(number) else {
        return fail("must be an integer")
      }
      return .number(number)
    case (.boolean, .bool(let value)):
      return .bool(value)
    case (.choice(let options), .choice(let index)) where options.indices.contains(index):
      return options[index].value
    case (.multiChoice(let options), .choices(let indices)):
      return .array(indices.filter { options.indices.contains($0) }.map { options[$0].value })
    case (.list, .list(let items)):
      var values: [JSONValue] = []
      for (index, item) in items.enumerated() {
        guard let itemField = field.item(index) else { continue }
        values.append(build(itemField, item, errors: &errors) ?? .null)
      }
      return .array(values)
    case (.boolean, _):
      return fail("must be true or false")
    case (.choice(let options), _):
      return fail("must be one of " + options.map(\.title).joined(separator: ", "))
    case (.multiChoice(let options), _):
      return fail("must be any of " + options.map(\.title).joined(separator: ", "))
    case (.raw, .text(let text)), (.list, .text(let text)), (.object, .text(let text)):
      let start = trimmed(text)
      if start.isEmpty { return build(field, .unset, errors: &errors) }
      do {
        return try JSONParser.parse(text)
      } catch {
        // A raw field (a property with no type, say) takes plain words as a string; text
        // that starts like JSON structure must be JSON. The validator judges the string.
        if case .raw = field.kind, let first = start.first, !"{[\"".contains(first) {
          return .string(text)
        }
        return fail("is not valid JSON: \(error)")
      }
    default:
      return fail("has a value of the wrong kind")
    }
  }

  /// `text` if it is a JSON number ("1.50", "-3", "2e10"), else nil.
  static func numberText(_ text: String) -> String? {
    guard let parsed = try? JSONParser.parse(text), case .number(let number) = parsed else {
      return nil
    }
    return number
  }

  /// Whether JSON number text is an integer in JSON Schema's sense (`3`, `3.0`, `1e3`).
  static func isInteger(_ number: String) -> Bool {
    if !number.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) { return true }
    guard let double = Double(number), double.isFinite else { return false }
    return double.rounded() == double
  }
}
