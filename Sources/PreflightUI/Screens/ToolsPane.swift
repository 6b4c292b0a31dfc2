import PreflightJSON

/// The tool list's state: the tools, the filter, the selection and the scroll.
public struct ToolsPane: Sendable, Hashable {
  /// Every tool in the server's order.
  public var items: [ToolItem] = []
  /// How many pages `tools/list` took.
  public var pages = 0
  /// Whether a listing is under way.
  public var loading = false
  /// Why the last listing failed, if it did.
  public var error: String?
  /// The filter text (case-insensitive, on name and title).
  public var filter = ""
  /// The selected tool's name, so the selection survives a refresh and filtering.
  public var selectedName: String?
  /// The first visible row.
  public var scroll = 0
  /// Whether the tools have been listed at least once (later listings are compared).
  public var listedOnce = false
  /// What changed at the last listing after the first.
  public var lastDiff: ToolDiff?

  /// Makes an empty pane.
  public init() {}

  /// Indices into `items` that pass the filter, in order.
  public var visible: [Int] {
    guard !filter.isEmpty else { return Array(items.indices) }
    let needle = filter.lowercased()
    return items.indices.filter {
      items[$0].name.lowercased().contains(needle)
        || (items[$0].title?.lowercased().contains(needle) ?? false)
    }
  }

  /// The position of the selection within `visible`, or 0.
  public var selectedRow: Int {
    let rows = visible
    if let name = selectedName, let row = rows.firstIndex(where: { items[$0].name == name }) {
      return row
    }
    return 0
  }

  /// The selected tool, if any passes the filter.
  public var selected: ToolItem? {
    let rows = visible
    guard !rows.isEmpty else { return nil }
    return items[rows[min(selectedRow, rows.count - 1)]]
  }

  /// Moves the selection by `delta` rows within the filtered list.
  public mutating func move(by delta: Int) {
    let rows = visible
    guard !rows.isEmpty else { return }
    let row = max(0, min(rows.count - 1, selectedRow + delta))
    selectedName = items[rows[row]].name
  }

  /// Selects the first or last filtered row.
  public mutating func select(first: Bool) {
    let rows = visible
    guard let index = first ? rows.first : rows.last else { return }
    selectedName = items[index].name
  }
}
