/// One line of a form laid out top to bottom: a field (list items and nested fields
/// included) with its depth and the text it shows.
public struct FormRow: Sendable, Hashable {
  /// The field, at its concrete path (`/tasks/1/title`).
  public var field: FormField
  /// How deeply it is nested: 0 for top-level fields.
  public var depth: Int
  /// What to show as its value (`FormModel.text(at:)`).
  public var text: String
  /// Whether anything has been entered.
  public var isSet: Bool

  /// Makes a row.
  public init(field: FormField, depth: Int, text: String, isSet: Bool) {
    self.field = field
    self.depth = depth
    self.text = text
    self.isSet = isSet
  }
}

extension FormModel {
  /// Every field in display order: each object's fields after it, each list's items after
  /// it (and their fields after them), one level deeper.
  public var rows: [FormRow] {
    var out: [FormRow] = []
    for field in fields { appendRows(field, depth: 0, into: &out) }
    return out
  }

  private func appendRows(_ field: FormField, depth: Int, into out: inout [FormRow]) {
    let entered = input(at: field.path)
    out.append(
      FormRow(field: field, depth: depth, text: text(at: field.path), isSet: entered.isSet))
    switch field.kind {
    case .object(let fields):
      for child in fields { appendRows(child, depth: depth + 1, into: &out) }
    case .list:
      guard case .list(let items) = entered else { return }
      for index in items.indices {
        if let item = field.item(index) { appendRows(item, depth: depth + 1, into: &out) }
      }
    default: break
    }
  }
}
