import PreflightJSON
import TerminalGrid

/// The tool list's state: the tools, the filter, the selection and the scroll.
public struct ToolsPane: Sendable, Hashable {
  /// Every tool in the server's order.
  public var items: [ToolItem] = [] {
    didSet {
      searchKeys = items.map { Array(($0.name + "\u{0}" + ($0.title ?? "")).lowercased().utf8) }
      longestName = items.lazy.map { DisplayWidth.of($0.name) }.max() ?? 12
      refilter()
    }
  }
  /// How many pages `tools/list` took.
  public var pages = 0
  /// Whether a listing is under way.
  public var loading = false
  /// Why the last listing failed, if it did.
  public var error: String?
  /// The filter text (case-insensitive, on name and title).
  public var filter = "" {
    didSet { if filter != oldValue { refilter() } }
  }
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

  /// Indices into `items` that pass the filter, in order; kept up to date when the items or
  /// the filter change, so drawing and moving never filter 10,000 tools again.
  public private(set) var visible: [Int] = []
  /// The display width of the longest tool name (measured once a listing).
  public private(set) var longestName = 12
  /// Each item's name and title, lowercased, as UTF-8 bytes for the filter.
  private var searchKeys: [[UInt8]] = []

  private mutating func refilter() {
    guard !filter.isEmpty else {
      visible = Array(items.indices)
      return
    }
    // Bytes, not `String.contains`: a keystroke filters 10,000 tools well within a frame.
    let needle = Array(filter.lowercased().utf8)
    visible = searchKeys.indices.filter { Self.contains(searchKeys[$0], needle) }
  }

  /// Whether `needle` occurs in `haystack`.
  static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard let first = needle.first else { return true }
    guard haystack.count >= needle.count else { return false }
    return haystack.withUnsafeBufferPointer { h in
      needle.withUnsafeBufferPointer { n in
        var i = 0
        let last = h.count - n.count
        while i <= last {
          if h[i] == first {
            var j = 1
            while j < n.count && h[i + j] == n[j] { j += 1 }
            if j == n.count { return true }
          }
          i += 1
        }
        return false
      }
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
