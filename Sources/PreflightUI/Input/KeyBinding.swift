import TerminalGrid

/// One row of the key table: the keys, what they do, where, and the words shown in the help.
public struct KeyBinding: Sendable, Hashable {
  /// The keys that trigger the action (the first is the one shown in the status line).
  public var keys: [Key]
  /// What they do.
  public var action: Action
  /// Where they apply.
  public var scopes: [KeyScope]
  /// The short label for the status line (`quit`, `filter`…).
  public var label: String
  /// The sentence for the help overlay.
  public var help: String
  /// Whether the status line shows this binding.
  public var inStatusLine: Bool

  /// Makes a binding.
  public init(
    _ keys: [Key], _ action: Action, in scopes: [KeyScope], label: String, help: String,
    inStatusLine: Bool = true
  ) {
    self.keys = keys
    self.action = action
    self.scopes = scopes
    self.label = label
    self.help = help
    self.inStatusLine = inStatusLine
  }

  /// How a key is written in the status line and the help.
  public static func name(of key: Key) -> String {
    switch key {
    case .character(" "): "Space"
    case .character(let c): String(c)
    case .control(let c): "Ctrl-" + String(c).uppercased()
    case .enter: "Enter"
    case .escape: "Esc"
    case .tab: "Tab"
    case .backTab: "Shift-Tab"
    case .backspace: "Backspace"
    case .delete: "Delete"
    case .up: "↑"
    case .down: "↓"
    case .left: "←"
    case .right: "→"
    case .pageUp: "PgUp"
    case .pageDown: "PgDn"
    case .home: "Home"
    case .end: "End"
    case .function(let n): "F\(n)"
    case .resize: "resize"
    case .mouse: "mouse"
    }
  }

  /// The keys joined for the help overlay: `↑ k`.
  public var keyNames: String { keys.map(KeyBinding.name(of:)).joined(separator: " ") }
}
