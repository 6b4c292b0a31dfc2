/// A key press (or a resize or mouse event), decoded and independent of the terminal.
public enum Key: Sendable, Hashable {
  /// A printable character, as typed (`q`, `Q`, `é`, `日`).
  case character(Character)
  /// Ctrl with a key, named by the lowercase letter: Ctrl-A is `.control("a")`. Ctrl-Space
  /// is `.control(" ")`; Ctrl-\ Ctrl-] Ctrl-^ Ctrl-_ are `\\`, `]`, `^`, `_`. Ctrl-I, Ctrl-M,
  /// Ctrl-J, Ctrl-H and Ctrl-[ arrive as `.tab`, `.enter`, `.enter`, `.backspace`, `.escape`.
  case control(Character)
  /// Enter or Return.
  case enter
  /// Escape.
  case escape
  /// Tab.
  case tab
  /// Shift-Tab.
  case backTab
  /// Backspace.
  case backspace
  /// Delete (forward).
  case delete
  /// Up arrow.
  case up
  /// Down arrow.
  case down
  /// Left arrow.
  case left
  /// Right arrow.
  case right
  /// Page Up.
  case pageUp
  /// Page Down.
  case pageDown
  /// Home.
  case home
  /// End.
  case end
  /// A function key: F1 is `.function(1)`.
  case function(Int)
  /// The terminal changed size; read the new size from the terminal.
  case resize
  /// A mouse click or wheel turn.
  case mouse(MouseEvent)
}
