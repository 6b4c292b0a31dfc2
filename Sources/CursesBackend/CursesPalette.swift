import CNcursesw
import TerminalGrid

/// Maps a `Style` to ncurses attributes and a colour pair, allocating pairs as styles are met.
///
/// Without colours (monochrome, `NO_COLOR`) only bold, dim, reverse and underline are used.
/// On a terminal with fewer than 16 colours, gray is drawn as white (foreground: dim white).
struct CursesPalette {
  /// Whether colour pairs are used at all.
  let colors: Bool
  /// Whether the terminal has bright black (16 colours or more).
  let hasBrightBlack: Bool
  /// The colour meaning "the terminal's default": -1 after `use_default_colors`.
  let defaultForeground: Int16
  let defaultBackground: Int16
  let maxPairs: Int
  private var pairs: [PairKey: Int16] = [:]
  private var nextPair: Int16 = 1

  private struct PairKey: Hashable {
    var foreground: TerminalColor?
    var background: TerminalColor?
  }

  init(colors: Bool, colorCount: Int, pairCount: Int, defaultColors: Bool) {
    self.colors = colors
    self.hasBrightBlack = colorCount >= 16
    self.defaultForeground = defaultColors ? -1 : Int16(COLOR_WHITE)
    self.defaultBackground = defaultColors ? -1 : Int16(COLOR_BLACK)
    self.maxPairs = min(pairCount, Int(Int16.max))
  }

  /// The attributes for `style` (without the colour pair).
  func attributes(for style: Style) -> attr_t {
    var attributes = preflight_attr_normal()
    if style.bold { attributes |= preflight_attr_bold() }
    if style.dim || (colors && !hasBrightBlack && style.foreground == .gray) {
      attributes |= preflight_attr_dim()
    }
    if style.reverse { attributes |= preflight_attr_reverse() }
    if style.underline { attributes |= preflight_attr_underline() }
    return attributes
  }

  /// The colour pair for `style`, initialising it on first use; 0 (the default pair) without
  /// colours, for default colours, or when the terminal has run out of pairs.
  mutating func pair(for style: Style) -> Int16 {
    guard colors, style.foreground != nil || style.background != nil else { return 0 }
    let key = PairKey(foreground: style.foreground, background: style.background)
    if let pair = pairs[key] { return pair }
    guard Int(nextPair) < maxPairs else { return 0 }
    let pair = nextPair
    nextPair += 1
    let foreground = style.foreground.map(number) ?? defaultForeground
    let background = style.background.map(number) ?? defaultBackground
    guard init_pair(pair, foreground, background) == OK else { return 0 }
    pairs[key] = pair
    return pair
  }

  private func number(_ color: TerminalColor) -> Int16 {
    switch color {
    case .black: Int16(COLOR_BLACK)
    case .red: Int16(COLOR_RED)
    case .green: Int16(COLOR_GREEN)
    case .yellow: Int16(COLOR_YELLOW)
    case .blue: Int16(COLOR_BLUE)
    case .magenta: Int16(COLOR_MAGENTA)
    case .cyan: Int16(COLOR_CYAN)
    case .white: Int16(COLOR_WHITE)
    case .gray: hasBrightBlack ? 8 : Int16(COLOR_WHITE)
    }
  }
}
