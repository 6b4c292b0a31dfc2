import PreflightJSON

extension FormModel {
  /// Loads earlier arguments (the last values used with this tool): each field whose value
  /// still fits the schema takes it; fields missing from `arguments`, or whose value no longer
  /// fits, keep what they had; unknown members are dropped; options no longer offered are
  /// dropped from a multiple choice.
  public mutating func prefill(from arguments: JSONValue) {
    input = Self.merge(arguments, into: input, field: root)
  }

  /// What `field` starts with: its schema default (nested fields' defaults for an object,
  /// with the object's own default over them); not set when there is none or it is null.
  static func defaultInput(for field: FormField) -> FormInput {
    var start = FormInput.unset
    if case .object(let fields) = field.kind {
      var members: [String: FormInput] = [:]
      for child in fields {
        let value = defaultInput(for: child)
        if value.isSet { members[child.name] = value }
      }
      if !members.isEmpty { start = .object(members) }
    }
    guard let value = field.defaultValue, value != .null else { return start }
    return merge(value, into: start, field: field)
  }

  /// `value` merged into `current` for `field`: objects member by member, anything else
  /// replaced when `value` fits and kept when it does not.
  static func merge(_ value: JSONValue, into current: FormInput, field: FormField) -> FormInput {
    if case .object(let fields) = field.kind, case .object(let object) = value {
      var members: [String: FormInput] = [:]
      if case .object(let existing) = current { members = existing }
      for child in fields {
        guard let member = object[child.name] else { continue }
        members[child.name] = merge(member, into: members[child.name] ?? .unset, field: child)
      }
      return .object(members)
    }
    return input(from: value, field: field) ?? current
  }

  /// What entering `value` into `field` looks like; nil when it does not fit.
  static func input(from value: JSONValue, field: FormField) -> FormInput? {
    if value == .null {
      if field.nullable { return .null }
      if case .raw = field.kind { return .text("null") }
      return nil
    }
    switch field.kind {
    case .text:
      return value.stringValue.map(FormInput.text)
    case .number:
      return value.numberText.map(FormInput.text)
    case .integer:
      guard let number = value.numberText, isInteger(number) else { return nil }
      return .text(number)
    case .boolean:
      return value.boolValue.map(FormInput.bool)
    case .choice(let options):
      return options.firstIndex { $0.value == value }.map(FormInput.choice)
    case .multiChoice(let options):
      guard let values = value.arrayValue else { return nil }
      let indices = values.compactMap { v in options.firstIndex { $0.value == v } }
      return .choices(Array(Set(indices)).sorted())
    case .list:
      guard let values = value.arrayValue else { return nil }
      var items: [FormInput] = []
      for element in values {
        guard let item = field.item(items.count) else { break }
        if case .object = item.kind {
          guard element.objectValue != nil else { continue }
          items.append(merge(element, into: defaultInput(for: item), field: item))
        } else if let fitted = input(from: element, field: item) {
          items.append(fitted)
        }
      }
      return .list(items)
    case .object:
      return value.objectValue == nil ? nil : merge(value, into: .unset, field: field)
    case .raw:
      return .text(JSONPrinter.compact(value))
    }
  }
}
