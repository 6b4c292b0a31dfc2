/// A mouse event at a cell.
public struct MouseEvent: Sendable, Hashable {
  /// What the mouse did.
  public enum Kind: Sendable, Hashable {
    /// A button went down (or a click was reported).
    case press
    /// A button went up.
    case release
    /// The wheel turned up (away from the user).
    case wheelUp
    /// The wheel turned down (towards the user).
    case wheelDown
  }

  /// What the mouse did.
  public var kind: Kind
  /// The column.
  public var x: Int
  /// The row.
  public var y: Int

  /// An event of `kind` at column `x`, row `y`.
  public init(kind: Kind, x: Int, y: Int) {
    self.kind = kind
    self.x = x
    self.y = y
  }
}
