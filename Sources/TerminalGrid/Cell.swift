/// One terminal cell: a grapheme, its display width and its style.
///
/// A wide character (width 2) takes two cells: the first holds the text, the second is a
/// continuation with empty text and width 0. A cluster that a terminal draws as several
/// characters (Indic conjuncts, say) is split by `CellGrid.put` into one cell per spacing
/// character, each with its combining marks, so the grid agrees with the terminal's columns.
public struct Cell: Sendable, Hashable {
  /// One grapheme (or one spacing character with its marks); "" for a continuation.
  public var text: String
  /// 1 or 2; 0 for the right half of a wide character.
  public var width: Int
  /// How it is drawn.
  public var style: Style

  /// A cell with the given text, width and style.
  public init(text: String, width: Int = 1, style: Style = .plain) {
    self.text = text
    self.width = width
    self.style = style
  }

  /// A plain space.
  public static let blank = Cell(text: " ")

  /// Whether this is the right half of a wide character.
  public var isContinuation: Bool { width == 0 }

  /// The continuation cell that follows a wide character drawn in `style`.
  static func continuation(_ style: Style) -> Cell {
    Cell(text: "", width: 0, style: style)
  }

  /// A space in `style`.
  static func space(_ style: Style) -> Cell {
    Cell(text: " ", width: 1, style: style)
  }
}
