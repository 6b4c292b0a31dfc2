import PreflightCore
import PreflightJSON

/// A form generated from a JSON Schema (a tool's `inputSchema`, or an elicitation's
/// `requestedSchema`): its fields, what the user has entered, and the arguments object that
/// makes, checked against the schema.
///
/// Every operation names its field by JSON Pointer (`/task/title`, `/tags/2`). Fields start
/// with their schema `default` (a `null` default leaves the field not set). Pure: no terminal.
public struct FormModel: Sendable {
  /// The schema the form was made from.
  public let schema: JSONValue
  /// The whole form as one field at the root pointer: an object (possibly with no fields), or
  /// a raw JSON field when the root is something a form cannot express.
  public let root: FormField
  /// What has been entered, shaped like `root`.
  public internal(set) var input: FormInput
  let validator: JSONSchemaValidator

  /// Builds the form for `schema`, its fields filled with their defaults.
  public init(schema: JSONValue) {
    self.schema = schema
    let reader = FormSchemaReader(root: schema)
    var root = reader.field(schema, name: "", path: JSONPointer(), required: true, depth: 0)
    root.label = "arguments"
    self.root = root
    self.input = Self.defaultInput(for: root)
    self.validator = JSONSchemaValidator(schema: schema)
  }

  /// The top-level fields (the root itself when it is raw JSON).
  public var fields: [FormField] {
    if case .object(let fields) = root.kind { return fields }
    return [root]
  }

  /// The field at `path`, list items included (`/tags/0`); nil if there is none.
  public func field(at path: JSONPointer) -> FormField? {
    var field = root
    for token in path.tokens {
      switch field.kind {
      case .object:
        guard let next = field.field(named: token) else { return nil }
        field = next
      case .list:
        guard let index = Int(token), index >= 0, let next = field.item(index) else { return nil }
        field = next
      default:
        return nil
      }
    }
    return field
  }

  /// What has been entered at `path` (`.unset` when nothing, or no such field).
  public func input(at path: JSONPointer) -> FormInput {
    var current = input
    for token in path.tokens {
      switch current {
      case .object(let members): current = members[token] ?? .unset
      case .list(let items):
        guard let index = Int(token), items.indices.contains(index) else { return .unset }
        current = items[index]
      default: return .unset
      }
    }
    return current
  }

  /// The field's value as text to show and edit: typed text, "true"/"false", the picked
  /// options' titles, "null", "" when not set, or the number of items of a list.
  public func text(at path: JSONPointer) -> String {
    guard let field = field(at: path) else { return "" }
    switch input(at: path) {
    case .unset, .object: return ""
    case .null: return "null"
    case .text(let text): return text
    case .bool(let value): return value ? "true" : "false"
    case .choice(let index):
      return field.options.indices.contains(index) ? field.options[index].title : ""
    case .choices(let indices):
      return indices.filter { field.options.indices.contains($0) }
        .map { field.options[$0].title }.joined(separator: ", ")
    case .list(let items): return items.count == 1 ? "1 item" : "\(items.count) items"
    }
  }

  /// The number of items of the list at `path` (0 when not set or not a list).
  public func itemCount(at path: JSONPointer) -> Int {
    if case .list(let items) = input(at: path) { return items.count }
    return 0
  }

  // MARK: Editing

  /// Sets a field from typed text. Text fields take it as it is; numbers and integers keep
  /// it as typed; a boolean takes true/false/yes/no; a choice takes an option's title or
  /// value; a multiple choice takes them separated by commas; "null" sets a nullable
  /// non-text field to null; a list or object takes JSON. Text that does not fit is kept and
  /// reported by `errors`. Empty text leaves a non-text field not set.
  public mutating func setText(_ text: String, at path: JSONPointer) {
    guard let field = field(at: path) else { return }
    let trimmed = Self.trimmed(text)
    let entered: FormInput
    switch field.kind {
    case .text:
      entered = .text(text)
    case _ where trimmed.isEmpty:
      entered = .unset
    case _ where trimmed == "null" && field.nullable:
      entered = .null
    case .boolean:
      switch trimmed.lowercased() {
      case "true", "yes", "y", "on": entered = .bool(true)
      case "false", "no", "n", "off": entered = .bool(false)
      default: entered = .text(text)
      }
    case .choice(let options):
      entered = Self.optionIndex(trimmed, in: options).map(FormInput.choice) ?? .text(text)
    case .multiChoice(let options):
      let parts = trimmed.split(separator: ",").map { Self.trimmed(String($0)) }
      let indices = parts.compactMap { Self.optionIndex($0, in: options) }
      entered = indices.count == parts.count ? .choices(Array(Set(indices)).sorted()) : .text(text)
    case .number, .integer, .raw, .list, .object:
      entered = .text(text)
    }
    set(entered, at: path)
  }

  /// Flips a boolean (not set becomes true).
  public mutating func toggle(at path: JSONPointer) {
    guard case .boolean = field(at: path)?.kind else { return }
    if case .bool(let value) = input(at: path) {
      set(.bool(!value), at: path)
    } else {
      set(.bool(true), at: path)
    }
  }

  /// Picks option `index` of a choice.
  public mutating func pick(_ index: Int, at path: JSONPointer) {
    guard case .choice(let options) = field(at: path)?.kind, options.indices.contains(index)
    else { return }
    set(.choice(index), at: path)
  }

  /// Adds or removes option `index` of a multiple choice.
  public mutating func toggleOption(_ index: Int, at path: JSONPointer) {
    guard case .multiChoice(let options) = field(at: path)?.kind, options.indices.contains(index)
    else { return }
    var picked: Set<Int> = []
    if case .choices(let indices) = input(at: path) { picked = Set(indices) }
    if picked.remove(index) == nil { picked.insert(index) }
    set(.choices(picked.sorted()), at: path)
  }

  /// Appends an item (filled with its defaults) to the list at `path`; returns its path.
  @discardableResult
  public mutating func addItem(at path: JSONPointer) -> JSONPointer? {
    guard let list = field(at: path), case .list = list.kind else { return nil }
    var items: [FormInput] = []
    if case .list(let existing) = input(at: path) { items = existing }
    guard let item = list.item(items.count) else { return nil }
    items.append(Self.defaultInput(for: item))
    set(.list(items), at: path)
    return path.appending(items.count - 1)
  }

  /// Removes the list item at `path` (`/tags/1`); later items move up.
  public mutating func removeItem(at path: JSONPointer) {
    guard let last = path.tokens.last, let index = Int(last) else { return }
    let listPath = JSONPointer(tokens: Array(path.tokens.dropLast()))
    guard case .list(var items) = input(at: listPath), items.indices.contains(index) else {
      return
    }
    items.remove(at: index)
    set(.list(items), at: listPath)
  }

  /// Makes a field not set, so it is left out of the arguments (an object's fields too).
  public mutating func clear(at path: JSONPointer) {
    set(.unset, at: path)
  }

  /// Sets a field to an explicit null.
  public mutating func setNull(at path: JSONPointer) {
    set(.null, at: path)
  }

  /// Replaces what has been entered at `path`; objects and lists on the way are made as
  /// needed. Does nothing when there is no field at `path`.
  public mutating func set(_ value: FormInput, at path: JSONPointer) {
    guard field(at: path) != nil else { return }
    Self.store(value, into: &input, tokens: path.tokens[...])
  }

  private static func store(
    _ value: FormInput, into current: inout FormInput, tokens: ArraySlice<String>
  ) {
    guard let token = tokens.first else {
      current = value
      return
    }
    if let index = Int(token), case .list(var items) = current {
      guard items.indices.contains(index) else { return }
      store(value, into: &items[index], tokens: tokens.dropFirst())
      current = .list(items)
      return
    }
    var members: [String: FormInput] = [:]
    if case .object(let existing) = current { members = existing }
    var child = members[token] ?? .unset
    store(value, into: &child, tokens: tokens.dropFirst())
    members[token] = child
    current = .object(members)
  }

  /// `text` without leading and trailing white space.
  static func trimmed(_ text: String) -> String {
    var s = Substring(text)
    while let first = s.first, first.isWhitespace { s = s.dropFirst() }
    while let last = s.last, last.isWhitespace { s = s.dropLast() }
    return String(s)
  }

  private static func optionIndex(_ text: String, in options: [FormOption]) -> Int? {
    if let index = options.firstIndex(where: {
      $0.title == text || $0.value.stringValue == text || JSONPrinter.compact($0.value) == text
    }) {
      return index
    }
    let lower = text.lowercased()
    return options.firstIndex {
      $0.title.lowercased() == lower || $0.value.stringValue?.lowercased() == lower
    }
  }
}
