import Foundation

/// SGR colours for human output: used only when standard output is a terminal and `NO_COLOR`
/// is unset.
struct TerminalStyle {
  let enabled: Bool

  /// Colours when stdout is a terminal and NO_COLOR is not set.
  static func forStandardOutput() -> TerminalStyle {
    let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
    return TerminalStyle(enabled: isatty(STDOUT_FILENO) == 1 && !noColor)
  }

  private func wrap(_ text: String, _ code: String) -> String {
    enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }

  func bold(_ text: String) -> String { wrap(text, "1") }
  func dim(_ text: String) -> String { wrap(text, "2") }
  func green(_ text: String) -> String { wrap(text, "32") }
  func yellow(_ text: String) -> String { wrap(text, "33") }
  func red(_ text: String) -> String { wrap(text, "31") }
  func cyan(_ text: String) -> String { wrap(text, "36") }

  /// The terminal's width, or 100 when unknown.
  static func width() -> Int {
    var size = winsize()
    if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0,
      size.ws_col > 20
    {
      return Int(size.ws_col)
    }
    if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 20
    {
      return columns
    }
    return 100
  }
}
