/// One of the colours Preflight draws with: the eight ANSI colours and bright black.
///
/// Colour always comes with a word or symbol beside it, so a monochrome terminal or
/// `NO_COLOR` loses nothing.
public enum TerminalColor: Sendable, Hashable, CaseIterable {
  /// ANSI black.
  case black
  /// ANSI red.
  case red
  /// ANSI green.
  case green
  /// ANSI yellow.
  case yellow
  /// ANSI blue.
  case blue
  /// ANSI magenta.
  case magenta
  /// ANSI cyan.
  case cyan
  /// ANSI white (often light grey).
  case white
  /// Bright black: grey, for secondary text.
  case gray

  /// The lowercase name used in text dumps: `green`, `gray`.
  public var name: String {
    switch self {
    case .black: "black"
    case .red: "red"
    case .green: "green"
    case .yellow: "yellow"
    case .blue: "blue"
    case .magenta: "magenta"
    case .cyan: "cyan"
    case .white: "white"
    case .gray: "gray"
    }
  }
}
