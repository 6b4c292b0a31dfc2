/// Where a key binding applies.
public enum KeyScope: Sendable, Hashable {
  /// Anywhere in normal mode.
  case global
  /// In normal mode while this pane has the focus.
  case pane(Pane)
  /// In this mode, whatever has the focus.
  case mode(Mode)
}
