import PreflightJSON

/// One field of a form generated from a JSON Schema.
public struct FormField: Sendable, Hashable {
  /// Where the field's value goes in the arguments.
  public var path: JSONPointer
  /// The property name (the list's name for a list item).
  public var name: String
  /// What the field is called on screen: the schema's `title`, else the property name.
  public var label: String
  /// The schema's `description`, if any.
  public var description: String?
  /// Whether the property is listed in its object's `required`.
  public var required: Bool
  /// Whether `null` is allowed (`anyOf: [T, null]`, `type: [T, "null"]`).
  public var nullable: Bool
  /// The editor the field needs.
  public var kind: FormFieldKind
  /// The schema's `default`, if any.
  public var defaultValue: JSONValue?

  /// Makes a field.
  public init(
    path: JSONPointer, name: String, label: String? = nil, description: String? = nil,
    required: Bool = false, nullable: Bool = false, kind: FormFieldKind,
    defaultValue: JSONValue? = nil
  ) {
    self.path = path
    self.name = name
    self.label = label ?? name
    self.description = description
    self.required = required
    self.nullable = nullable
    self.kind = kind
    self.defaultValue = defaultValue
  }

  /// The nested fields of an object field; empty for other kinds.
  public var fields: [FormField] {
    if case .object(let fields) = kind { return fields }
    return []
  }

  /// The options of a choice or multiple choice; empty for other kinds.
  public var options: [FormOption] {
    switch kind {
    case .choice(let options), .multiChoice(let options): return options
    default: return []
    }
  }

  /// This field moved to `path`, its nested fields and item template moved with it.
  public func moved(to path: JSONPointer) -> FormField {
    var copy = self
    copy.path = path
    switch kind {
    case .object(let fields):
      copy.kind = .object(fields: fields.map { $0.moved(to: path.appending($0.name)) })
    case .list(let item):
      copy.kind = .list(item: item.moved(to: path.appending("-")))
    default: break
    }
    return copy
  }

  /// The field for item `index` of this list field (nil unless this is a list).
  public func item(_ index: Int) -> FormField? {
    guard case .list(let template) = kind else { return nil }
    var item = template.moved(to: path.appending(index))
    item.label = "\(label)[\(index)]"
    item.required = true
    return item
  }

  /// The nested field called `name` (nil unless this is an object with such a field).
  public func field(named name: String) -> FormField? {
    fields.first { $0.name == name }
  }
}
