/// How a cell is drawn: colours (nil is the terminal's default) and attributes.
public struct Style: Sendable, Hashable {
  /// The text colour; nil keeps the terminal's default.
  public var foreground: TerminalColor?
  /// The background colour; nil keeps the terminal's default.
  public var background: TerminalColor?
  /// Bold (or bright) text.
  public var bold = false
  /// Dim (faint) text.
  public var dim = false
  /// Foreground and background swapped; visible on monochrome terminals.
  public var reverse = false
  /// Underlined text.
  public var underline = false

  /// A style; every part defaults to plain.
  public init(
    foreground: TerminalColor? = nil, background: TerminalColor? = nil, bold: Bool = false,
    dim: Bool = false, reverse: Bool = false, underline: Bool = false
  ) {
    self.foreground = foreground
    self.background = background
    self.bold = bold
    self.dim = dim
    self.reverse = reverse
    self.underline = underline
  }

  /// No colours, no attributes.
  public static let plain = Style()

  /// Whether this is `Style.plain`.
  public var isPlain: Bool { self == .plain }

  /// The style as words, as in text dumps: `fg=green bg=blue bold dim reverse underline`;
  /// `plain` when there is nothing to say.
  public var summary: String {
    var words: [String] = []
    if let foreground { words.append("fg=\(foreground.name)") }
    if let background { words.append("bg=\(background.name)") }
    if bold { words.append("bold") }
    if dim { words.append("dim") }
    if reverse { words.append("reverse") }
    if underline { words.append("underline") }
    return words.isEmpty ? "plain" : words.joined(separator: " ")
  }
}
