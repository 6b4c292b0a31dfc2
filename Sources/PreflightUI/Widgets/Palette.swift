import TerminalGrid

/// The colours and their meanings; every colour also has a word or symbol beside it on screen.
enum Palette {
  static let title = Style(bold: true)
  static let dim = Style(dim: true)
  static let read = Style(foreground: .green)
  static let write = Style(foreground: .yellow)
  static let destructive = Style(foreground: .red, bold: true)
  static let openWorld = Style(foreground: .blue)
  static let error = Style(foreground: .red)
  static let ok = Style(foreground: .green)
  static let outbound = Style(foreground: .cyan)
  static let inbound = Style(foreground: .magenta)
  static let local = Style(foreground: .gray)
  static let key = Style(bold: true)
  static let selected = Style(reverse: true)
  static let accent = Style(foreground: .cyan, bold: true)

  /// The style of a tool kind word.
  static func kind(_ word: String) -> Style {
    switch word {
    case "read": read
    case "destructive": destructive
    case "open-world": openWorld
    default: write
    }
  }
}
